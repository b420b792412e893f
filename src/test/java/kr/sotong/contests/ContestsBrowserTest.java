package kr.sotong.contests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import kr.sotong.contests.core.Awards;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.contests.core.Judging;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * A young resident enters the short-video contest in headless Chromium: five accessible steps, a 14.9 s clip
 * refused at upload with the reason, an upload that was cut off half-way (sent by an earlier page with the same
 * session) resumed by the page from the server's offset, the receipt, and the status page with a one-time code.
 * Every public contest page passes axe-core (WCAG 2.1 AA).
 */
@SotongTest
@Tag("browser")
@Tag("slow")
class ContestsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ContestScenario scenario;
    @Autowired
    ContestCatalog catalog;
    @Autowired
    Judging judging;
    @Autowired
    Awards awards;
    @Autowired
    Staff staff;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * {@link Browser#assertAccessible()}; on a loaded machine axe-core's helper window (about:blank with a 1 s load
     * limit) can time out before the check runs — then the same WCAG 2.0/2.1 A/AA rules run in axe's legacy mode.
     */
    static void accessible(Browser b) {
        WebDriver d = b.driver();
        String page = d.getWindowHandle();
        try {
            b.assertAccessible();
        } catch (AssertionError e) {
            throw e;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("switchToWindow")) {
                throw e;
            }
            for (String h : d.getWindowHandles()) {
                if (!h.equals(page)) {
                    d.switchTo().window(h).close();
                }
            }
            d.switchTo().window(page);
            var results = new com.deque.html.axecore.selenium.AxeBuilder().setLegacyMode(true)
                    .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(b.driver());
            assertThat(results.getViolations()).as("axe-core violations on " + b.driver().getCurrentUrl() + ": "
                    + results.getViolations().stream().map(v -> v.getId() + " " + v.getNodes().stream()
                    .map(n -> String.valueOf(n.getTarget())).toList()).toList()).isEmpty();
        }
    }

    /** Submits the step's form and waits for the next document (a click does not always wait on a loaded machine). */
    private static void submit(WebDriver d) {
        WebElement page = d.findElement(By.tagName("html"));
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(d).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    private static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(60));
    }

    @Test
    void residentEntersWithAResumedUploadAndEveryPublicPageIsAccessible() throws Exception {
        try (Browser b = Browser.open(port)) {
            WebDriver d = b.driver();
            resultsAndVotePagesAreAccessible(b);

            long contestId = scenario.openContest(ContestKind.SHORT_VIDEO, "브라우저 숏폼 " + System.nanoTime(), 4_000_000,
                    Duration.ofHours(2), false, false);
            String title = catalog.get(contestId).title();
            b.go("/contests");
            accessible(b);
            d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(d.switchTo().activeElement().getText()).isEqualTo("본문 바로가기");
            d.findElement(By.linkText(title)).click();
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            accessible(b);
            // 200% zoom of a 1280 px screen: no horizontal scrolling
            d.manage().window().setSize(new org.openqa.selenium.Dimension(640, 900));
            assertThat((Long) ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(1L);
            d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            // step 1
            d.findElement(By.linkText("응모하기")).click();
            accessible(b);
            d.findElement(By.cssSelector("input[name=basis][value=RESIDENT]")).click();
            ((JavascriptExecutor) d).executeScript("document.getElementById('birthDate').value = '2001-04-05';");
            submit(d);
            // step 2
            assertThat(d.getCurrentUrl()).endsWith("/enter/entrant");
            accessible(b);
            String phone = ContestScenario.randomMobile();
            d.findElement(By.id("name")).sendKeys("최청년");
            d.findElement(By.id("phone")).sendKeys(phone);
            d.findElement(By.id("email")).sendKeys("young@example.com");
            submit(d);
            assertThat(b.pageText()).contains("인증번호를 010-****-");
            accessible(b);
            d.findElement(By.id("code")).sendKeys(outbox.lastCode(phone));
            WebElement codePage = d.findElement(By.tagName("html"));
            d.findElements(By.cssSelector("main form button[type=submit]")).get(1).click();
            waitFor(d).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(codePage));
            // step 3: the file
            assertThat(d.getCurrentUrl()).endsWith("/enter/work");
            accessible(b);
            WebElement file = d.findElement(By.id("file"));
            WebElement status = d.findElement(By.id("upload-status"));

            Path tooShort = MediaFixtures.video(149, "mp4", false);
            file.sendKeys(tooShort.toAbsolutePath().toString());
            waitFor(d).until(x -> status.getText().startsWith("올리지 못했습니다"));
            assertThat(status.getText()).contains("14.9초").contains("15.0초 이상 60.0초 이하");
            assertThat(status.getAttribute("role")).isEqualTo("alert");

            // an earlier attempt (same browser session) sent half of the file before the connection dropped
            Path clip = MediaFixtures.video(250, "mp4", true);
            byte[] bytes = Files.readAllBytes(clip);
            int half = bytes.length / 2;
            String uploadId = startUploadOutsideThePage(b, contestId, bytes, half);

            file.sendKeys(clip.toAbsolutePath().toString());
            waitFor(d).until(x -> status.getText().startsWith("검사를 통과했습니다") || status.getText().startsWith("올리지"));
            assertThat(status.getText()).contains("검사를 통과했습니다").contains("25.0초");
            WebElement box = d.findElement(By.cssSelector("[data-contest-upload]"));
            assertThat(box.getAttribute("data-resumed-from")).isEqualTo(String.valueOf(half));
            assertThat(jdbc.sql("select resumed_count from contests_upload where id = :id").param("id", uploadId)
                    .query(Integer.class).single()).isGreaterThanOrEqualTo(1);
            accessible(b);
            d.findElement(By.id("title")).sendKeys("퇴근길 금천");
            d.findElement(By.id("description")).sendKeys("가산디지털단지의 저녁");
            submit(d);
            // step 4
            assertThat(d.getCurrentUrl()).as(b::pageText).endsWith("/enter/consents");
            accessible(b);
            d.findElement(By.id("consentPrivacy")).click();
            d.findElement(By.id("consentUsage")).click();
            submit(d);
            // step 5
            assertThat(d.getCurrentUrl()).endsWith("/enter/review");
            assertThat(b.pageText()).contains("최*년").contains("MP4, 96×64, 25.0초").doesNotContain("최청년");
            accessible(b);
            submit(d);
            assertThat(d.getCurrentUrl()).endsWith("/receipt");
            accessible(b);
            String receipt = d.findElement(By.id("receipt-no")).getText();
            assertThat(receipt).startsWith("SV-" + contestId + "-");
            assertThat(jdbc.sql("select media_sha256 from contests_entry where receipt_no = :r").param("r", receipt)
                    .query(String.class).single())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));

            // status page
            d.findElement(By.linkText("내 응모 현황 확인")).click();
            accessible(b);
            d.findElement(By.id("receiptNo")).sendKeys(receipt);
            d.findElement(By.id("contact")).sendKeys(phone);
            submit(d);
            accessible(b);
            d.findElement(By.id("code")).sendKeys(outbox.lastCode(phone));
            submit(d);
            assertThat(d.findElement(By.id("entry-state")).getText()).isEqualTo("접수 완료");
            accessible(b);
        }
    }

    /** What a page that was closed half-way had done: create the upload and send the first {@code half} bytes. */
    private String startUploadOutsideThePage(Browser b, long contestId, byte[] bytes, int half) throws Exception {
        WebDriver d = b.driver();
        String cookie = "SOTONG_SESSION=" + d.manage().getCookieNamed("SOTONG_SESSION").getValue();
        String token = d.findElement(By.cssSelector("meta[name=_csrf]")).getAttribute("content");
        String header = d.findElement(By.cssSelector("meta[name=_csrf_header]")).getAttribute("content");
        int k = 65536;
        String fingerprint = bytes.length + "-" + sha(Arrays.copyOfRange(bytes, 0, Math.min(k, bytes.length))).substring(0, 32)
                + "-" + sha(Arrays.copyOfRange(bytes, Math.max(0, bytes.length - k), bytes.length)).substring(0, 32);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(b.url("/contests/" + contestId + "/uploads")))
                .header("Cookie", cookie).header(header, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("name", "clip.mp4", "size", bytes.length, "fingerprint", fingerprint))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        HttpResponse<String> part = http.send(HttpRequest.newBuilder(URI.create(b.url("/contests/uploads/" + id)))
                .header("Cookie", cookie).header(header, token).header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(bytes, half)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(part.statusCode()).isEqualTo(204);
        assertThat(part.headers().firstValue("Upload-Offset")).contains(String.valueOf(half));
        return id;
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** An announced photo contest (results, gallery) and one in its public vote. */
    private void resultsAndVotePagesAreAccessible(Browser b) {
        long announced = scenario.openContest(ContestKind.PHOTO, "브라우저 사진 결과 " + System.nanoTime(), 3_000_000,
                Duration.ofMinutes(30), false, false);
        long voting = scenario.openContest(ContestKind.PHOTO, "브라우저 사진 투표 " + System.nanoTime(), 3_000_000,
                Duration.ofMinutes(30), false, true);
        long criterion = catalog.addCriterion(announced, "작품성", "", 100);
        catalog.addCriterion(voting, "작품성", "", 100);
        var judge = staff.create(Roles.VIEWER);
        catalog.addJudge(announced, catalog.addPanel(announced, "심사"), judge.id());
        catalog.addJudge(voting, catalog.addPanel(voting, "심사"), judge.id());
        catalog.addPrize(announced, 1, "대상", 1, 1_000_000, "");
        var entry = scenario.submit(announced, "정사진", ContestScenario.randomMobile(), null,
                MediaFixtures.jpeg(MediaFixtures.picture(901, 900, 600), 0.9f, "b-901.jpg"), "b.jpg", "금천 야경");
        scenario.submit(voting, "한투표", ContestScenario.randomMobile(), null,
                MediaFixtures.jpeg(MediaFixtures.picture(902, 900, 600), 0.9f, "b-902.jpg"), "c.jpg", "시흥대로");
        clock.setTo(clock.instant().plus(Duration.ofMinutes(31)));
        judging.start(announced);
        judging.start(voting);
        String code = jdbc.sql("select blind_code from contests_entry where id = :e").param("e", entry.entryId())
                .query(String.class).single();
        judging.score(announced, judge.id(), code, Map.of(criterion, "9"));
        awards.propose(announced);
        awards.confirm(announced);
        awards.announce(announced, "축하합니다.");
        b.go("/contests/" + announced + "/results");
        assertThat(b.pageText()).contains("정*진").contains("금천 야경");
        accessible(b);
        b.go("/contests/" + voting + "/vote");
        assertThat(b.pageText()).contains("시흥대로");
        accessible(b);
        clock.reset();
    }
}
