package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The press officer's journey in Chromium: draft → review → approval → distribution → public at the embargo; axe-core on /press. */
@SotongTest
@Tag("browser")
@Tag("slow")
class PressBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    PressFixtures fx;
    @Autowired
    PressJobs jobs;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private static void set(Browser b, String id, String value) {
        WebElement el = b.driver().findElement(By.id(id));
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].value = arguments[1];", el, value);
    }

    /** axe-core on the current page; a renderer time-out on a loaded 2-core machine is retried, a violation is not. */
    private static void accessible(Browser b) {
        for (int attempt = 1; ; attempt++) {
            try {
                b.assertAccessible();
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void logout(Browser b) {
        b.driver().findElement(By.cssSelector("form[action$='/logout'] button")).click();
    }

    private static void press(Browser b, String formActionSuffix) {
        try {
            b.driver().findElement(By.cssSelector("form[action$='" + formActionSuffix + "'] button[type=submit]")).click();
        } catch (org.openqa.selenium.TimeoutException e) {
            // the click went through; the busy renderer did not answer in time — awaitText checks the result
        }
    }

    @Test
    void draftApproveDistributeAndPublishInChromium() {
        var t = fx.team();
        String domain = "web" + PressFixtures.unique() + ".press.test";
        String list = fx.listWithReporters(t.drafter(), domain, 1);
        LocalDateTime now = LocalDateTime.now(MutableClock.SEOUL).truncatedTo(ChronoUnit.MINUTES);
        String title = "브라우저 보도자료 " + PressFixtures.unique();
        try (Browser b = Browser.open(port)) {
            // /press is accessible before anything happens
            b.go("/press");
            accessible(b);

            b.login(t.drafter().username(), Staff.PASSWORD);
            b.awaitText("대시보드");
            b.go("/staff/press/releases/new");
            accessible(b);
            set(b, "title", title);
            set(b, "subtitle", "금천구, 구 소개 가이드북 펴내");
            set(b, "body", "□ 금천구가 구 소개 가이드북을 펴냈다.\nㅇ 자연, 시설, 인물, 명소를 담았다.");
            set(b, "responsible", "소통담당관 박과장");
            set(b, "contactName", "홍길동");
            set(b, "contactPhone", "02-2627-1234");
            set(b, "distributeAt", now.plusMinutes(30).toString());
            set(b, "embargoUntil", now.plusMinutes(40).toString());
            set(b, "listCodes", list);
            b.driver().findElement(By.cssSelector("#release-form button[type=submit]")).click();
            assertThat(b.awaitText("보도자료 초안을 저장했습니다")).contains("보도자료 초안을 저장했습니다").contains(title);
            String releaseUrl = b.driver().getCurrentUrl();
            long id = Long.parseLong(releaseUrl.replaceAll(".*/releases/(\\d+).*", "$1"));
            accessible(b);
            press(b, "/submit");
            assertThat(b.awaitText("검토를 요청했습니다")).contains("팀장 검토 중");
            logout(b);
            b.awaitText("로그아웃했습니다");

            b.login(t.lead().username(), Staff.PASSWORD);
            b.awaitText("대시보드");
            b.go("/staff/press/releases/" + id);
            press(b, "/review");
            assertThat(b.awaitText("검토를 마치고")).contains("과장 결재 대기");
            logout(b);
            b.awaitText("로그아웃했습니다");

            b.login(t.director().username(), Staff.PASSWORD);
            b.awaitText("대시보드");
            b.go("/staff");
            assertThat(b.pageText()).contains("이번 주 결재 대기 보도자료").contains(title);
            b.go("/staff/press/releases/" + id);
            press(b, "/approve");
            assertThat(b.awaitText("결재했습니다")).contains("배포 예약");
            logout(b);
            b.awaitText("로그아웃했습니다");

            // the distribution time comes: the scheduled job sends it
            clock.setTo(now.plusMinutes(31));
            jobs.distributeDue();
            b.login(t.drafter().username(), Staff.PASSWORD);
            b.awaitText("대시보드");
            b.go("/staff/press/releases/" + id);
            assertThat(b.driver().findElement(By.id("release-status")).getText()).isEqualTo("배포 완료");
            b.driver().findElement(By.linkText("수신자별 기록")).click();
            assertThat(b.awaitText("수신 1명")).contains("수신 1명");
            accessible(b);

            // not public before the embargo, public after
            b.go("/press");
            assertThat(b.pageText()).doesNotContain(title);
            clock.setTo(now.plusMinutes(41));
            b.go("/press");
            assertThat(b.pageText()).contains(title);
            accessible(b);
            b.driver().findElement(By.partialLinkText(title)).click();
            assertThat(b.awaitText("홍길동")).contains("홍길동").contains("02-2627-1234");
            accessible(b);
        }
    }
}
