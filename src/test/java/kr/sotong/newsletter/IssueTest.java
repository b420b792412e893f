package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import kr.sotong.newsletter.issue.Article;
import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.issue.NewsletterIssue;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An issue from draft to the public site: print PDF → e-book, articles, audio (TTS and recorded), QR
 * codes that decode to the right URLs, the published event, the API.
 */
@SotongTest
@RecordApplicationEvents
class IssueTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    IssueService issues;
    @Autowired
    PdfRenderer renderer;
    @Autowired
    ApplicationEvents events;
    @Value("${sotong.base-url}")
    String baseUrl;

    /** Creates a draft issue with a 2-page PDF and one article through the staff pages. */
    NewsletterIssue draft(StaffMember editor, int pages) throws Exception {
        int number = NewsletterFixtures.uniqueNumber();
        String month = NewsletterFixtures.monthOf(number);
        mvc.perform(post("/staff/newsletter/issues").with(staff.as(editor)).with(csrf())
                        .param("number", String.valueOf(number)).param("yearMonth", month).param("title", "금천향기 " + number)
                        .param("pageCount", String.valueOf(pages)).param("special", "true"))
                .andExpect(status().is3xxRedirection());
        NewsletterIssue issue = issues.all().stream().filter(i -> i.getNumber() == number).findFirst().orElseThrow();
        byte[] pdf = NewsletterFixtures.pdf(renderer, List.of("표지 " + number, "개청 30주년 특집 기사 본문"));
        mvc.perform(multipart("/staff/newsletter/issues/" + issue.getId() + "/pdf")
                        .file(new MockMultipartFile("file", "print.pdf", "application/pdf", pdf))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("info", pages == 2 ? "인쇄용 PDF를 전자책으로 만들었습니다."
                        : org.hamcrest.Matchers.containsString("PDF는 2쪽인데 이 호의 면수는 " + pages + "면입니다")));
        mvc.perform(post("/staff/newsletter/issues/" + issue.getId() + "/articles").with(staff.as(editor)).with(csrf())
                        .param("section", "개청 30주년").param("title", "금천 30년을 돌아보며").param("pageNo", "2")
                        .param("body", "1995년 구로구에서 분리되어 금천구가 생겼습니다. 주민 여러분과 함께 30년을 걸어 왔습니다."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("info"));
        return issues.get(issue.getId());
    }

    @Test
    void publishedIssueIsOnThePublicSiteAndAnnouncedOnce() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        NewsletterIssue issue = draft(editor, 2);
        assertThat(issue.getEbookId()).isNotNull();
        mvc.perform(get(issue.publicUrl())).andExpect(status().isNotFound());

        mvc.perform(post("/staff/newsletter/issues/" + issue.getId() + "/publish").with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("info", org.hamcrest.Matchers.containsString("공개했습니다")));
        mvc.perform(post("/staff/newsletter/issues/" + issue.getId() + "/publish").with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", "이미 공개된 호입니다."));

        List<NewsletterIssuePublished> published = events.stream(NewsletterIssuePublished.class)
                .filter(e -> e.issueId() == issue.getId()).toList();
        assertThat(published).hasSize(1);
        NewsletterIssuePublished e = published.get(0);
        assertThat(e.number()).isEqualTo(issue.getNumber());
        assertThat(e.yearMonth()).isEqualTo(issue.getYearMonth());
        assertThat(e.pageCount()).isEqualTo(2);
        assertThat(e.publicUrl()).isEqualTo("/newsletter/" + issue.getYearMonth());
        assertThat(e.coverSha256()).hasSize(64);
        assertThat(e.coverMediaType()).isEqualTo("image/png");

        mvc.perform(get("/newsletter")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(issue.publicUrl())));
        mvc.perform(get(issue.publicUrl()).param("page", "2")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("개청 30주년 특집 기사 본문")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("금천 30년을 돌아보며")));
        mvc.perform(get(issue.publicUrl() + "/cover")).andExpect(status().isOk());

        mvc.perform(get("/api/v1/newsletter/issues/" + issue.getId()).with(staff.as(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issue.number").value(issue.getNumber()))
                .andExpect(jsonPath("$.issue.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.articles[0].title").value("금천 30년을 돌아보며"));
        mvc.perform(get("/api/v1/newsletter/issues").with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + issue.getId() + ")].yearMonth").value(issue.getYearMonth()));
        mvc.perform(get("/api/v1/newsletter/issues")).andExpect(status().isUnauthorized());
    }

    @Test
    void qrCodesDecodeToTheAudioEbookAndArticleUrls() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        NewsletterIssue issue = draft(editor, 2);
        Article article = issues.articles(issue.getId()).get(0);
        String prefix = "/staff/newsletter/issues/" + issue.getId() + "/qr/";
        byte[] audioPng = mvc.perform(get(prefix + "audio.png").with(staff.as(editor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(QrCodesTest.decode(audioPng)).isEqualTo(baseUrl + "/newsletter/" + issue.getYearMonth() + "/audio");
        byte[] ebookPng = mvc.perform(get(prefix + "ebook.png").with(staff.as(editor))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(QrCodesTest.decode(ebookPng)).isEqualTo(baseUrl + "/newsletter/" + issue.getYearMonth());
        String svg = mvc.perform(get(prefix + "article-" + article.getId() + ".svg").with(staff.as(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(QrCodesTest.decode(QrCodesTest.rasterise(svg, 6)))
                .isEqualTo(baseUrl + "/newsletter/" + issue.getYearMonth() + "/articles/" + article.getId());
        mvc.perform(get(prefix + "article-999999.png").with(staff.as(editor))).andExpect(status().isNotFound());
    }

    @Test
    void articleAudioIsGeneratedOrUploadedAndServedOncePublished() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        NewsletterIssue issue = draft(editor, 2);
        Article article = issues.articles(issue.getId()).get(0);
        boolean espeak = new kr.sotong.newsletter.audio.EspeakNgTts("espeak-ng", "ko", 150, 60_000).availability().available();
        if (espeak) {
            mvc.perform(post("/staff/newsletter/articles/" + article.getId() + "/audio/generate").with(staff.as(editor)).with(csrf()))
                    .andExpect(flash().attribute("info", org.hamcrest.Matchers.containsString("espeak-ng")));
            System.out.println("[IssueTest] article audio generated with espeak-ng");
            assertThat(issues.article(article.getId()).getAudioSource()).isEqualTo(Article.AudioSource.TTS);
        } else {
            System.out.println("[IssueTest] espeak-ng missing: the generate action must say so in Korean");
            mvc.perform(post("/staff/newsletter/articles/" + article.getId() + "/audio/generate").with(staff.as(editor)).with(csrf()))
                    .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("espeak-ng")));
        }
        mvc.perform(multipart("/staff/newsletter/articles/" + article.getId() + "/audio")
                        .file(new MockMultipartFile("file", "narration.wav", "audio/wav", NewsletterFixtures.wav(800)))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("info", "녹음 파일을 등록했습니다."));
        mvc.perform(multipart("/staff/newsletter/articles/" + article.getId() + "/audio")
                        .file(new MockMultipartFile("file", "narration.mp3", "audio/mpeg", NewsletterFixtures.image("png", 4, 4)))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("음성 파일")));
        assertThat(issues.article(article.getId()).getAudioSource()).isEqualTo(Article.AudioSource.RECORDED);

        mvc.perform(get("/newsletter/articles/" + article.getId() + "/audio")).andExpect(status().isNotFound());
        issues.publish(issue.getId());
        mvc.perform(get("/newsletter/articles/" + article.getId() + "/audio")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("audio/vnd.wave"));
        mvc.perform(get(issue.publicUrl() + "/audio")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<audio")));
    }

    @Test
    void emptyArticleCannotBeSpokenAndBadIssueInputIsExplained() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        NewsletterIssue issue = draft(editor, 2);
        mvc.perform(post("/staff/newsletter/issues/" + issue.getId() + "/articles").with(staff.as(editor)).with(csrf())
                .param("section", "알림").param("title", "사진만 있는 면").param("body", ""));
        Article empty = issues.articles(issue.getId()).stream().filter(a -> a.getTitle().equals("사진만 있는 면")).findFirst()
                .orElseThrow();
        mvc.perform(post("/staff/newsletter/articles/" + empty.getId() + "/audio/generate").with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("본문이 비어 있는 기사")));
        assertThat(issues.article(empty.getId()).hasAudio()).isFalse();
        mvc.perform(post("/staff/newsletter/issues/" + issue.getId() + "/articles").with(staff.as(editor)).with(csrf())
                        .param("section", "알림").param("title", "쪽 번호 오류").param("pageNo", "99"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("1~2 사이")));
        // same number again: Korean message on the form, nothing saved
        long before = issues.all().size();
        mvc.perform(post("/staff/newsletter/issues").with(staff.as(editor)).with(csrf())
                        .param("number", String.valueOf(issue.getNumber())).param("yearMonth", "2099-12")
                        .param("title", "중복").param("pageCount", "32"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("제" + issue.getNumber() + "호는 이미 있습니다")));
        mvc.perform(post("/staff/newsletter/issues").with(staff.as(editor)).with(csrf())
                        .param("number", "abc").param("yearMonth", "2025/3").param("title", "x").param("pageCount", "32"))
                .andExpect(status().is4xxClientError());
        assertThat(issues.all()).hasSize((int) before);
        // a viewer may read but not change
        StaffMember viewer = staff.create(Roles.VIEWER);
        mvc.perform(get("/staff/newsletter/issues/" + issue.getId()).with(staff.as(viewer))).andExpect(status().isOk());
        mvc.perform(post("/staff/newsletter/issues/" + issue.getId() + "/publish").with(staff.as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
