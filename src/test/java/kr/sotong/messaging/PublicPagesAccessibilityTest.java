package kr.sotong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import kr.sotong.channels.internal.SnsEvents;
import kr.sotong.messaging.internal.Subscribers;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The residents' pages of messaging and channels in headless Chromium: subscribe (double opt-in by
 * keyboard), unsubscribe, an SNS event page with its entry form, coupon redemption — axe-core finds no
 * WCAG 2.1 AA violation, also at 200% zoom.
 */
@SotongTest
@Tag("browser")
class PublicPagesAccessibilityTest {

    @LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    kr.sotong.platform.PersonalDataCipher cipher;
    @Autowired
    SnsEvents events;
    @Autowired
    Staff staff;

    @Test
    void publicPagesPassAxeAndWorkByKeyboard() {
        String phone = MessagingTestSupport.phone();
        String slug = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
        staff.runAs(staff.create(Roles.PR_MEDIA), () -> {
            long id = events.create(slug, "금천 한마음 축제 SNS 이벤트", "인스타그램에 사진을 올리고 해시태그 #좋은도시금천 을 달아 주세요.",
                    "모바일 상품권 1만원", 5, Instant.now().minusSeconds(60), Instant.now().plusSeconds(86_400), true);
            events.open(id);
        });
        try (Browser b = Browser.open(port)) {
            b.go("/subscribe");
            b.assertAccessible();
            b.driver().findElement(By.id("contact")).sendKeys(phone);
            b.driver().findElement(By.name("agree")).sendKeys(Keys.SPACE);
            b.driver().findElement(By.cssSelector("form.stack button[type=submit]")).sendKeys(Keys.ENTER);
            b.awaitText("인증번호 입력");
            b.assertAccessible();
            b.driver().findElement(By.id("code")).sendKeys(outbox.lastCode(phone), Keys.ENTER);
            b.awaitText("구독이 시작되었습니다");
            b.assertAccessible();
            String token = jdbc.sql("select token from messaging_subscriber where contact_hash = :h").param("h", cipher.lookupHash(phone))
                    .query(String.class).single();
            b.go("/unsubscribe/" + token);
            b.assertAccessible();
            b.go("/events/" + slug);
            b.assertAccessible();
            b.go("/events");
            b.assertAccessible();
            b.go("/coupons/redeem");
            b.assertAccessible();
            b.driver().findElement(By.id("partnerCode")).sendKeys("WRONG123");
            b.driver().findElement(By.id("code")).sendKeys("NOPE1234", Keys.ENTER);
            b.awaitText("쿠폰번호가 아닙니다");
            b.assertAccessible();
        }
        try (Browser zoomed = Browser.open(port, 640, 900)) {
            for (String path : new String[] {"/subscribe", "/events/" + slug, "/coupons/redeem"}) {
                zoomed.go(path);
                ((org.openqa.selenium.JavascriptExecutor) zoomed.driver()).executeScript("document.body.style.zoom='200%'");
                zoomed.assertAccessible();
                assertThat(zoomed.driver().findElement(By.cssSelector("main button[type=submit]")).isDisplayed()).isTrue();
            }
        }
    }
}
