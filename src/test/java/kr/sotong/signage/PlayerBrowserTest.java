package kr.sotong.signage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.Playlist;
import kr.sotong.signage.schedule.Targets;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference player in headless Chromium, journey "A signage screen": it shows a pairing code, is
 * registered by staff, plays two items in order, reports proof of play — and when the server becomes
 * unreachable (the proxy it talks to is stopped: connections refused) it is reloaded and still plays both
 * items in order from its caches, then sends the plays it kept once the server is back.
 */
@SotongTest
@Tag("browser")
@Tag("slow")
class PlayerBrowserTest {

    @LocalServerPort
    int appPort;
    @Autowired
    SignageFixtures fx;
    @Autowired
    DeviceRegistry registry;
    @Autowired
    JdbcClient jdbc;

    @Test
    void playsTwoItemsInOrderAndKeepsPlayingFromCacheWhenTheServerStops() throws Exception {
        String tag = SignageFixtures.uniqueTag();
        Device device = fx.device(tag);
        ContentItem red = fx.image("빨강 " + tag, Color.RED);
        ContentItem blue = fx.image("파랑 " + tag, Color.BLUE);
        Playlist playlist = fx.playlist(Layout.FULL_SCREEN, 3, red, blue);
        fx.campaign("브라우저 " + tag, CampaignKind.NORMAL, playlist, 100, Targets.tags(tag), List.of());
        String a = String.valueOf(red.id());
        String b = String.valueOf(blue.id());

        ForwardingProxy proxy = new ForwardingProxy(appPort).start(0);
        int port = proxy.port();
        try (Browser browser = Browser.open(port)) {
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            SignageStaffBrowserTest.go(browser, "/player");
            waitFor(() -> attr(js, "#pairing-code", "data-code") != null, 30, "pairing code shown");
            String code = attr(js, "#pairing-code", "data-code");
            assertThat(browser.driver().findElement(By.id("pairing-code")).getText()).isEqualTo(code);
            SignageStaffBrowserTest.accessible(browser);
            // at 200 % zoom (half the CSS pixels) the code still fits without scrolling sideways
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(640, 450));
            assertThat(js.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
            assertThat(browser.driver().findElement(By.id("pairing-code")).isDisplayed()).isTrue();
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            fx.as(() -> registry.pair(code, device.id()));
            waitFor(() -> "playing".equals(rootAttr(js, "data-state")) && "ready".equals(rootAttr(js, "data-cache"))
                    && "ready".equals(rootAttr(js, "data-sw")), 60, "player paired, content cached, service worker ready");
            SignageStaffBrowserTest.accessible(browser);

            List<String> online = watch(js, 11);
            assertAlternates(online, a, b);

            waitFor(() -> plays(device) >= 1, 30, "proof of play reported");

            // the server becomes unreachable
            proxy.stop();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

            // a kiosk browser restarts the page while offline: shell, schedule and media come from its caches
            browser.driver().navigate().refresh();
            waitFor(() -> "playing".equals(rootAttr(js, "data-state")), 30, "player playing again after reload");
            waitFor(() -> "false".equals(rootAttr(js, "data-online")), 30, "player noticed it is offline");
            assertThat(js.executeScript("return navigator.serviceWorker.controller !== null")).isEqualTo(true);
            List<String> offline = watch(js, 11);
            assertAlternates(offline, a, b);
            waitFor(() -> Integer.parseInt(rootAttrOr(js, "data-queued-plays", "0")) >= 2, 20, "plays kept while offline");
            long before = plays(device);

            // the server is back on the same address: the kept plays arrive, each once
            proxy.start(port);
            waitFor(() -> plays(device) >= before + 2, 40, "kept plays uploaded after reconnecting");
            assertThat(jdbc.sql("select count(distinct play_id) = count(*) from signage_proof_of_play where device_id = :d")
                    .param("d", device.id()).query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("select count(distinct content_id) from signage_proof_of_play where device_id = :d")
                    .param("d", device.id()).query(Long.class).single()).isEqualTo(2);
        } finally {
            proxy.stop();
        }
    }

    /** The sequence of items the stage showed over the next {@code seconds} (changes only). */
    private static List<String> watch(JavascriptExecutor js, int seconds) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < end) {
            String now = attr(js, "#stage", "data-content");
            if (now != null && !now.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now))) {
                seen.add(now);
            }
            Thread.sleep(100);
        }
        return seen;
    }

    /** At least A→B→A or B→A→B: both items, in playlist order, nothing else. */
    private static void assertAlternates(List<String> seen, String a, String b) {
        assertThat(seen).as("items shown: " + seen).hasSizeGreaterThanOrEqualTo(3).containsOnly(a, b);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("order " + seen).isNotEqualTo(seen.get(i - 1));
        }
    }

    private long plays(Device d) {
        return jdbc.sql("select count(*) from signage_proof_of_play where device_id = :d").param("d", d.id())
                .query(Long.class).single();
    }

    private static String attr(JavascriptExecutor js, String selector, String name) {
        Object v = js.executeScript("var e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;",
                selector, name);
        return v == null ? null : v.toString();
    }

    private static String rootAttr(JavascriptExecutor js, String name) {
        return attr(js, "html", name);
    }

    private static String rootAttrOr(JavascriptExecutor js, String name, String fallback) {
        String v = rootAttr(js, name);
        return v == null ? fallback : v;
    }

    private static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + Duration.ofSeconds(seconds).toMillis();
        while (System.currentTimeMillis() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException ignored) {
                // page reloading
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
