package kr.sotong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kr.sotong.monitoring.cases.Cases;
import kr.sotong.monitoring.cases.ResponseCase;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The press officer's afternoon (JOURNEYS.md): a critical article shows up on the live page with its reasons,
 * the officer opens a response case, assesses it, drafts the 보도설명자료, the head of office approves, the
 * officer asks for distribution. axe-core finds no violations on any monitoring page.
 */
@SotongTest
@Tag("browser")
class MonitoringJourneyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Staff staff;
    @Autowired
    Sources sources;
    @Autowired
    Cases cases;

    static void accessible(Browser b) {
        b.assertAccessible();
    }

    @Test
    void officerAnswersACriticalReportWithAClarification() {
        StaffMember officer = staff.create(Roles.PRESS);
        StaffMember director = staff.create(Roles.DIRECTOR);
        String outlet = "저녁일보-" + UUID.randomUUID().toString().substring(0, 6);
        long articleId = sources.enter(outlet, Fixtures.CRITICAL_TITLE, null, null, Fixtures.CRITICAL_BODY).articleId();
        try (Browser b = Browser.open(port)) {
            var wait = new WebDriverWait(b.driver(), Duration.ofSeconds(15));
            b.login(officer.username(), Staff.PASSWORD);
            wait.until(ExpectedConditions.urlMatches(".*/staff$"));
            b.go("/staff/monitoring");
            assertThat(b.pageText()).contains("대응 전 부정 보도").contains(Fixtures.CRITICAL_TITLE);
            accessible(b);
            // keyboard: the skip link is the first stop and leads to the main content
            b.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(b.driver().switchTo().activeElement().getText()).contains("본문");

            b.go("/staff/monitoring/articles/" + articleId);
            assertThat(b.pageText()).contains("부정 점수와 근거").contains("특혜").contains("제목");
            accessible(b);
            b.driver().findElement(By.xpath("//section[@aria-labelledby='case-heading']//button[@type='submit']")).click();
            wait.until(ExpectedConditions.urlMatches(".*/staff/monitoring/cases/\\d+$"));
            long caseId = Long.parseLong(b.driver().getCurrentUrl().replaceAll(".*/", ""));
            accessible(b);

            b.driver().findElement(By.id("assessment")).sendKeys("업체 선정 절차를 사실과 다르게 보도함");
            b.driver().findElement(By.cssSelector("section[aria-labelledby=assess-h] button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("explanation")));
            b.driver().findElement(By.id("explanation")).sendKeys("공사 업체는 조달청 전자입찰로 선정했습니다.");
            b.driver().findElement(By.id("department")).sendKeys("주차관리과");
            b.driver().findElement(By.id("contactName")).sendKeys("김주무관");
            b.driver().findElement(By.id("contactPhone")).sendKeys("02-2627-0000");
            b.driver().findElement(By.cssSelector("button[name=submit][value=true]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "승인 대기"));
            accessible(b);

            staff.runAs(director, () -> cases.approve(caseId));
            b.go("/staff/monitoring/cases/" + caseId);
            b.driver().findElement(By.cssSelector("section[aria-labelledby=dist-h] button[type=submit]")).click();
            // the confirmation, not the status: the press module may have distributed it already ("배포 완료")
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "배포를 요청했습니다"));
            // the press module (real, not a test double) distributes the 보도설명자료 and answers DocumentDistributed
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> cases.get(caseId).status() == ResponseCase.Status.DISTRIBUTED);

            for (String page : new String[] {"/staff/monitoring/cases", "/staff/monitoring/search?q=" + "특혜 의혹",
                    "/staff/monitoring/coverage", "/staff/monitoring/sources", "/staff/monitoring/settings",
                    "/staff/monitoring/articles/new"}) {
                b.go(page);
                accessible(b);
            }
            b.go("/staff/monitoring/search?q=" + "특혜 의혹" + "&outlet=" + outlet);
            wait.until(d -> d.findElement(By.tagName("main")).getText().contains(Fixtures.CRITICAL_TITLE));
        }
    }
}
