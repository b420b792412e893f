package kr.sotong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Day one of the head of office, in real headless Chromium: log in as admin with the initial password,
 * change it as forced, open the dashboard and see the plan's figures; axe-core finds no violations on
 * the home page, the login page and the dashboard.
 */
@SotongTest
@Tag("browser")
class PlatformJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void adminLogsInChangesPasswordAndSeesThePlan() {
        try (Browser b = Browser.open(port)) {
            b.go("/");
            assertThat(b.driver().getTitle()).contains("금천구");
            b.assertAccessible();

            b.go("/login");
            b.assertAccessible();
            b.login("admin", TestEnvironment.ADMIN_PASSWORD);
            var wait = new WebDriverWait(b.driver(), Duration.ofSeconds(15));
            wait.until(ExpectedConditions.urlContains("/staff/account/password"));
            assertThat(b.pageText()).contains("임시 비밀번호로 로그인했습니다");
            b.assertAccessible();

            // a weak password is refused with a Korean reason
            b.driver().findElement(By.id("current")).sendKeys(TestEnvironment.ADMIN_PASSWORD);
            b.driver().findElement(By.id("next")).sendKeys("short1aaaa".substring(0, 10).replace("1", "x"));
            b.driver().findElement(By.id("confirm")).sendKeys("short1aaaa".substring(0, 10).replace("1", "x"));
            b.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-error")));
            assertThat(b.pageText()).contains("문자와 숫자를 모두");

            String newPassword = "Geumcheon-2025-" + System.nanoTime() % 10000;
            b.driver().findElement(By.id("current")).sendKeys(TestEnvironment.ADMIN_PASSWORD);
            b.driver().findElement(By.id("next")).sendKeys(newPassword);
            b.driver().findElement(By.id("confirm")).sendKeys(newPassword);
            b.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlMatches(".*/staff$"));

            String dashboard = b.pageText();
            assertThat(dashboard).contains("비밀번호를 변경했습니다").contains("21 (23)").contains("3,648,821")
                    .contains("주민의 자부심을 높이는 개청 30주년 홍보");
            b.assertAccessible();

            // the work-plan pages are reachable from the menu
            b.driver().findElement(By.linkText("예산")).click();
            wait.until(ExpectedConditions.urlContains("/staff/workplan/budget"));
            assertThat(b.pageText()).contains("345,900").contains("10.5").contains("14.8");
            b.assertAccessible();
            b.go("/staff/workplan/programs/P2");
            assertThat(b.pageText()).contains("2,909,598");
            b.assertAccessible();
            b.go("/staff/admin/accounts");
            b.assertAccessible();
        }
    }
}
