package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Predicate;
import kr.sotong.education.counselling.CounsellingDesk;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mrs. Kim's journey in headless Chromium, by keyboard only: find the class on /classes, sign up with name and
 * phone, type the code from the text message, read the result. axe-core (WCAG 2.1 AA) on every page, and the pages
 * reflow without horizontal scrolling at a 640 px viewport (1280 px at 200 % zoom).
 */
@SotongTest
@Tag("browser")
class EducationBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    CounsellingDesk desk;
    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpByKeyboardOnlyWithAccessiblePages() {
        long course = fixtures.create(fixtures.spec().title("스마트폰 입문 (키보드)").capacity(16));
        String phone = EducationFixtures.phone();
        try (Browser browser = Browser.open(port)) {
            browser.go("/classes");
            accessible(browser);
            // Tab to the course's sign-up link and press Enter
            focusByTab(browser, el -> String.valueOf(el.getAttribute("href")).endsWith("/classes/" + course + "/apply"), 200);
            press(browser, Keys.ENTER);
            waitFor(browser, "/classes/" + course + "/apply");
            accessible(browser);

            focusByTab(browser, el -> "name".equals(el.getAttribute("id")), 60);
            type(browser, "김영희");
            focusByTab(browser, el -> "phone".equals(el.getAttribute("id")), 5);
            type(browser, "010-" + phone.substring(3, 7) + "-" + phone.substring(7));
            focusByTab(browser, el -> "group-SENIOR_65".equals(el.getAttribute("id")) || "radio".equals(el.getAttribute("type")), 5);
            // radio group: arrow keys choose; make sure 65+ is selected
            for (int i = 0; i < 3 && !browser.driver().findElement(org.openqa.selenium.By.id("group-SENIOR_65")).isSelected(); i++) {
                press(browser, Keys.ARROW_UP);
            }
            assertThat(browser.driver().findElement(org.openqa.selenium.By.id("group-SENIOR_65")).isSelected()).isTrue();
            focusByTab(browser, el -> "consent".equals(el.getAttribute("id")), 5);
            press(browser, Keys.SPACE);
            focusByTab(browser, el -> "submit".equals(el.getAttribute("type")), 5);
            press(browser, Keys.ENTER);
            browser.awaitText("인증번호");
            accessible(browser);

            String code = outbox.lastCode(phone);
            focusByTab(browser, el -> "code".equals(el.getAttribute("id")), 60);
            type(browser, code);
            press(browser, Keys.ENTER);
            browser.awaitText("신청 결과");
            assertThat(browser.pageText()).contains("수강이 확정되었습니다").contains("신청번호");
            accessible(browser);
        }
        assertThat(jdbc.sql("select count(*) from education_registration where course_id = :c and status = 'CONFIRMED' and target_group = 'SENIOR_65'")
                .param("c", course).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void residentPagesAreAccessibleAndReflowAt200PercentZoom() {
        long course = fixtures.create(fixtures.spec().title("키오스크 체험 (확대 시험)").lottery().capacity(5));
        long room = jdbc.sql("select id from education_room where code = 'gc-general'").query(Long.class).single();
        desk.createSlots(room, LocalDate.now().plusDays(500 + (int) (Math.random() * 300)), LocalTime.of(9, 0), LocalTime.of(9, 30), 30, null);
        String[] pages = {"/classes", "/classes/" + course, "/classes/" + course + "/apply", "/classes/my", "/classes/counselling",
                "/classes/kiosk", "/classes/certificates/verify", "/classes/certificates/verify?code=GC-2031-AAAA-BBBB"};
        try (Browser browser = Browser.open(port, 640, 450)) {
            for (String page : pages) {
                browser.go(page);
                accessible(browser);
                Object overflow = ((JavascriptExecutor) browser.driver())
                        .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(((Number) overflow).intValue()).as("horizontal scroll on " + page + " at 640 px").isLessThanOrEqualTo(0);
            }
        }
    }

    /**
     * axe-core check; a driver timeout (the renderer not answering on a loaded 2-core machine) is retried once —
     * accessibility violations (AssertionError) are never retried.
     */
    private static void accessible(Browser browser) {
        try {
            browser.assertAccessible();
        } catch (RuntimeException e) {
            sleep();
            browser.driver().navigate().refresh();
            browser.assertAccessible();
        }
    }

    private static void focusByTab(Browser browser, Predicate<WebElement> target, int maxTabs) {
        for (int i = 0; i < maxTabs; i++) {
            press(browser, Keys.TAB);
            WebElement active = browser.driver().switchTo().activeElement();
            if (target.test(active)) {
                return;
            }
        }
        throw new AssertionError("keyboard focus never reached the target on " + browser.driver().getCurrentUrl());
    }

    private static void press(Browser browser, CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private static void type(Browser browser, String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    private static void waitFor(Browser browser, String pathEnd) {
        long until = System.currentTimeMillis() + 15_000;
        while (!browser.driver().getCurrentUrl().endsWith(pathEnd) && System.currentTimeMillis() < until) {
            sleep();
        }
        assertThat(browser.driver().getCurrentUrl()).endsWith(pathEnd);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
