package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.newsletter.issue.Article;
import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.issue.NewsletterIssue;
import kr.sotong.newsletter.survey.Survey;
import kr.sotong.newsletter.survey.SurveyService;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Residents' newsletter pages in headless Chromium: axe-core (WCAG 2.1 A/AA) finds no violation, and every
 * journey — browsing issues, turning e-book pages, reading the text version, reaching the audio player,
 * sending a contribution with a one-time code, answering a survey — works with the keyboard alone.
 */
@SotongTest
@Tag("browser")
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IssueService issues;
    @Autowired
    SurveyService surveys;
    @Autowired
    PdfRenderer renderer;
    @Autowired
    Outbox outbox;

    Browser browser;
    NewsletterIssue issue;
    Article article;
    long surveyId;

    @BeforeAll
    void setUp() {
        int number = NewsletterFixtures.uniqueNumber();
        issue = issues.create(new IssueService.IssueForm(number, NewsletterFixtures.monthOf(number), "개청 30주년 특별호", 2,
                true, null));
        issues.uploadPdf(issue.getId(), new MockMultipartFile("file", "print.pdf", "application/pdf",
                NewsletterFixtures.pdf(renderer, List.of("금천향기 표지", "금천 30년을 돌아보며"))));
        article = issues.addArticle(issue.getId(), new IssueService.ArticleForm("개청 30주년", "금천 30년을 돌아보며",
                "1995년 금천구가 생긴 뒤 30년 동안 주민과 함께 걸어 왔습니다.", 2));
        issues.uploadAudio(article.getId(), new MockMultipartFile("file", "read.wav", "audio/wav", NewsletterFixtures.wav(1500)));
        issue = issues.publish(issue.getId());
        Survey s = surveys.create("금천향기 독자 만족도 조사 " + number, "3분이면 끝납니다.", "DEVICE_TOKEN");
        surveys.addQuestion(s.getId(), "SINGLE", "소식지를 어디서 받으세요?", true, "동 주민센터\n지하철역\n아파트", null);
        surveys.addQuestion(s.getId(), "SCALE", "전반적으로 만족하세요?", true, null, 5);
        surveys.addQuestion(s.getId(), "TEXT", "바라는 점", false, null, null);
        surveys.openSurvey(s.getId());
        surveyId = s.getId();
        browser = Browser.open(port);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url() {
        return browser.driver().getCurrentUrl();
    }

    /**
     * Waits until a key press's navigation has arrived (keys do not wait for the page they lead to, and the next key
     * would otherwise go to the page being left).
     */
    private void awaitUrl(String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .withMessage(() -> "no page with " + part + " in its address; still on " + url())
                .until(d -> d.getCurrentUrl().contains(part)
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Presses Tab until the focused element matches {@code css}; fails after {@code max} presses. */
    private WebElement tabTo(String css) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        for (int i = 0; i < 80; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            Boolean hit = (Boolean) js.executeScript("return document.activeElement && document.activeElement.matches(arguments[0]);", css);
            if (Boolean.TRUE.equals(hit)) {
                return browser.driver().switchTo().activeElement();
            }
        }
        throw new AssertionError("Tab never reached " + css + " on " + url());
    }

    /** axe-core (WCAG 2.0/2.1 A and AA) on the current page. */
    private void accessible() {
        browser.assertAccessible();
    }

    private void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private void type(String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    @Test
    @Order(1)
    void issueListAndEBookByKeyboard() {
        browser.go("/newsletter");
        accessible();
        tabTo("a[href$='" + issue.publicUrl() + "']");
        press(Keys.ENTER);
        awaitUrl(issue.publicUrl());
        assertThat(url()).endsWith(issue.publicUrl());
        accessible();
        assertThat(browser.pageText()).contains("전체 2쪽 중 1쪽");

        tabTo("a[rel=next]");
        press(Keys.ENTER);
        awaitUrl("page=2");
        assertThat(url()).contains("page=2");
        assertThat(browser.pageText()).contains("전체 2쪽 중 2쪽").contains("금천 30년을 돌아보며");
        accessible();
        // ← turns back (focus sits on the page status after a page turn)
        press(Keys.ARROW_LEFT);
        awaitUrl("page=1");
        assertThat(url()).contains("page=1");
        // the page-number field jumps directly
        tabTo("#ebook-page");
        press(Keys.ARROW_UP); // number field: 1 → 2
        press(Keys.ENTER);
        awaitUrl("page=2");
        assertThat(url()).contains("page=2");

        tabTo("a[href$='/text']");
        press(Keys.ENTER);
        awaitUrl("/text");
        assertThat(url()).endsWith("/text");
        assertThat(browser.pageText()).contains("2쪽").contains("금천 30년을 돌아보며");
        accessible();

        browser.go("/ebooks/" + issue.getEbookId());
        accessible();
    }

    @Test
    @Order(2)
    void audioEditionAndArticleByKeyboard() {
        browser.go(issue.publicUrl());
        tabTo("a[href$='" + issue.publicUrl() + "/audio']");
        press(Keys.ENTER);
        awaitUrl("/audio");
        assertThat(url()).endsWith("/audio");
        accessible();
        tabTo("audio");
        tabTo("a[href$='/articles/" + article.getId() + "']");
        press(Keys.ENTER);
        awaitUrl("/articles/" + article.getId());
        assertThat(url()).endsWith("/articles/" + article.getId());
        assertThat(browser.pageText()).contains("30년 동안 주민과 함께");
        accessible();
        tabTo("audio");
        Boolean hasSource = (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "var a = document.querySelector('audio'); return a.currentSrc.length > 0 || a.src.length > 0;");
        assertThat(hasSource).isTrue();
    }

    @Test
    @Order(3)
    void contributionFormByKeyboard() {
        String phone = "010" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        browser.go("/newsletter/contribute");
        accessible();
        tabTo("#contact");
        type(phone);
        press(Keys.ENTER);
        browser.awaitText("인증번호 입력");
        accessible();
        tabTo("#code");
        type(outbox.lastCode(phone));
        press(Keys.ENTER);
        browser.awaitText("보낼 내용");
        accessible();

        tabTo("#title");
        type("1990년대 시흥대로");
        tabTo("#story");
        type("버스정류장 앞 가게들이 지금과 많이 달랐습니다.");
        tabTo("#name");
        type("김금천");
        tabTo("input[name=consentPublication]");
        press(Keys.SPACE);
        tabTo("input[name=consentRights]");
        press(Keys.SPACE);
        tabTo("input[name=consentPrivacy]");
        press(Keys.SPACE);
        tabTo("form[enctype] button[type=submit]");
        press(Keys.ENTER);
        assertThat(browser.awaitText("보내 주셔서 감사합니다")).contains("접수번호");
        accessible();
    }

    @Test
    @Order(4)
    void surveyByKeyboardAndOnlyOnce() {
        browser.go("/newsletter/surveys");
        accessible();
        tabTo("a[href$='/newsletter/surveys/" + surveyId + "']");
        press(Keys.ENTER);
        accessible();
        tabTo("input[name=q0]");
        press(Keys.ARROW_DOWN); // radio group: arrow moves and selects
        tabTo("input[name=q1]");
        press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        tabTo("textarea[name=q2]");
        type("큰 글씨판도 있으면 좋겠어요");
        tabTo("form.survey-form button[type=submit]");
        press(Keys.ENTER);
        browser.awaitText("응답해 주셔서 감사합니다");
        accessible();
        SurveyService.Results r = surveys.results(surveyId);
        assertThat(r.responses()).isEqualTo(1);
        assertThat(r.questions().get(0).counts()).containsExactly(0L, 1L, 0L);
        assertThat(r.questions().get(1).average()).isNotNull();
        browser.go("/newsletter/surveys/" + surveyId);
        assertThat(browser.pageText()).contains("이미 응답하셨습니다");
        accessible();
    }

    @Test
    @Order(5)
    void anniversaryPageAndTwoHundredPercentZoom() {
        browser.go("/anniversary");
        accessible();
        // 1280 px wide at 200 % zoom lays out like 640 CSS px: nothing may need horizontal scrolling
        browser.driver().manage().window().setSize(new Dimension(640, 900));
        try {
            for (String path : List.of("/newsletter", issue.publicUrl(), issue.publicUrl() + "/audio", "/newsletter/contribute",
                    "/newsletter/surveys/" + surveyId, "/anniversary")) {
                browser.go(path);
                Long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as("horizontal overflow at narrow width on " + path).isLessThanOrEqualTo(0L);
            }
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
