package kr.sotong.newsletter.issue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.newsletter.EBook;
import kr.sotong.newsletter.EBookLibrary;
import kr.sotong.newsletter.NewsletterIssuePublished;
import kr.sotong.newsletter.audio.TtsEngine;
import kr.sotong.newsletter.audio.TtsEngines;
import kr.sotong.newsletter.support.MediaUploads;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/** Editing and publishing issues of 금천향기: articles, print PDF → e-book, cover, audio edition. */
@Service
public class IssueService {

    /** Form values of an issue. */
    public record IssueForm(Integer number, String yearMonth, String title, Integer pageCount, Boolean special, String note) {
        public boolean isSpecial() {
            return Boolean.TRUE.equals(special);
        }
    }

    /** Form values of an article. */
    public record ArticleForm(String section, String title, String body, Integer pageNo) {
    }

    private final NewsletterIssues issues;
    private final Articles articles;
    private final EBookLibrary ebooks;
    private final MediaUploads uploads;
    private final FileStore files;
    private final TtsEngines tts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    IssueService(NewsletterIssues issues, Articles articles, EBookLibrary ebooks, MediaUploads uploads, FileStore files,
                 TtsEngines tts, AuditLog audit, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.issues = issues;
        this.articles = articles;
        this.ebooks = ebooks;
        this.uploads = uploads;
        this.files = files;
        this.tts = tts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<NewsletterIssue> all() {
        return issues.findAllByOrderByYearMonthDesc();
    }

    @Transactional(readOnly = true)
    public List<NewsletterIssue> published() {
        return issues.findByStatusOrderByYearMonthDesc(NewsletterIssue.Status.PUBLISHED);
    }

    @Transactional(readOnly = true)
    public NewsletterIssue get(long id) {
        return issues.findById(id).orElseThrow(() -> DomainException.notFound("소식지 호", id));
    }

    /** A published issue by month (2025-03); not found for drafts. */
    @Transactional(readOnly = true)
    public NewsletterIssue publishedIssue(String yearMonth) {
        return issues.findByYearMonth(yearMonth).filter(NewsletterIssue::isPublished)
                .orElseThrow(() -> DomainException.notFound("소식지", yearMonth));
    }

    @Transactional(readOnly = true)
    public List<Article> articles(long issueId) {
        return articles.findByIssueIdOrderByPageNoAscIdAsc(issueId);
    }

    /** Articles grouped by section in page order. */
    @Transactional(readOnly = true)
    public Map<String, List<Article>> sections(long issueId) {
        Map<String, List<Article>> bySection = new LinkedHashMap<>();
        for (Article a : articles(issueId)) {
            bySection.computeIfAbsent(a.getSection(), k -> new java.util.ArrayList<>()).add(a);
        }
        return bySection;
    }

    @Transactional(readOnly = true)
    public Article article(long articleId) {
        return articles.findById(articleId).orElseThrow(() -> DomainException.notFound("기사", articleId));
    }

    @Transactional
    public NewsletterIssue create(IssueForm form) {
        NewsletterIssue issue = NewsletterIssue.create(required(form.number(), "호 번호"), form.yearMonth(), form.title(),
                required(form.pageCount(), "면수"), form.isSpecial(), form.note(), clock.instant());
        checkUnique(issue, null);
        issue = issues.save(issue);
        audit.record("newsletter.issue.created", "NewsletterIssue", issue.getId(),
                "금천향기 제" + issue.getNumber() + "호(" + issue.getYearMonth() + ", " + issue.getPageCount() + "면) 등록");
        return issue;
    }

    @Transactional
    public NewsletterIssue update(long id, IssueForm form) {
        NewsletterIssue issue = get(id);
        issue.edit(required(form.number(), "호 번호"), form.yearMonth(), form.title(), required(form.pageCount(), "면수"),
                form.isSpecial(), form.note());
        checkUnique(issue, id);
        issue = issues.save(issue);
        audit.record("newsletter.issue.updated", "NewsletterIssue", id, "금천향기 제" + issue.getNumber() + "호 수정");
        return issue;
    }

    private void checkUnique(NewsletterIssue issue, Long self) {
        issues.findByNumber(issue.getNumber()).filter(o -> !o.getId().equals(self)).ifPresent(o -> {
            throw DomainException.conflict("newsletter.issue.number-taken", "제" + issue.getNumber() + "호는 이미 있습니다.");
        });
        issues.findByYearMonth(issue.getYearMonth()).filter(o -> !o.getId().equals(self)).ifPresent(o -> {
            throw DomainException.conflict("newsletter.issue.month-taken", issue.monthLabel() + "는 이미 있습니다(제"
                    + o.getNumber() + "호).");
        });
    }

    private static int required(Integer value, String what) {
        if (value == null) {
            throw new DomainException("newsletter.required", what + "을(를) 입력해 주세요.", what);
        }
        return value;
    }

    /**
     * Turns the uploaded print PDF into the issue's e-book (rendering happens before the transaction that
     * attaches it; a refused PDF leaves the issue as it was). Returns a warning when the PDF's page count
     * differs from the issue's.
     */
    public Optional<String> uploadPdf(long issueId, MultipartFile pdf) {
        NewsletterIssue issue = get(issueId);
        EBook book;
        try (InputStream in = pdf.getInputStream()) {
            if (pdf.isEmpty()) {
                throw new DomainException("newsletter.upload.empty", "파일을 선택해 주세요.");
            }
            book = ebooks.create("금천향기 제" + issue.getNumber() + "호 (" + issue.monthLabel() + ")", "newsletter", in,
                    pdf.getOriginalFilename());
        } catch (IOException e) {
            throw new DomainException("newsletter.upload.read", "파일을 받는 중 오류가 났습니다. 다시 올려 주세요.");
        }
        tx.executeWithoutResult(s -> attachEBook(issueId, book));
        if (book.pageCount() != issue.getPageCount()) {
            return Optional.of("PDF는 " + book.pageCount() + "쪽인데 이 호의 면수는 " + issue.getPageCount() + "면입니다. 확인해 주세요.");
        }
        return Optional.empty();
    }

    private void attachEBook(long issueId, EBook book) {
        NewsletterIssue issue = get(issueId);
        Long previous = issue.getEbookId();
        issue.attachEBook(book.id());
        issues.save(issue);
        if (issue.isPublished()) {
            ebooks.publish(book.id());
            if (previous != null) {
                ebooks.unpublish(previous);
            }
        }
        audit.record("newsletter.issue.pdf", "NewsletterIssue", issueId,
                "인쇄용 PDF 등록 → 전자책 " + book.id() + " (" + book.pageCount() + "쪽)");
    }

    @Transactional
    public void uploadCover(long issueId, MultipartFile image) {
        NewsletterIssue issue = get(issueId);
        MediaUploads.Image checked = uploads.image(image);
        issue.changeCover(checked.file().sha256(), checked.file().mediaType());
        issues.save(issue);
        audit.record("newsletter.issue.cover", "NewsletterIssue", issueId, "표지 이미지 등록");
    }

    @Transactional
    public NewsletterIssue publish(long issueId) {
        NewsletterIssue issue = get(issueId);
        issue.publish(clock.instant());
        issues.save(issue);
        EBook book = ebooks.publish(issue.getEbookId());
        String coverSha = issue.getCoverSha256() != null ? issue.getCoverSha256() : book.coverSha256();
        String coverType = issue.getCoverSha256() != null ? issue.getCoverMediaType() : coverSha == null ? null : "image/png";
        events.publishEvent(new NewsletterIssuePublished(issue.getId(), issue.getNumber(), issue.getYearMonth(),
                issue.getTitle(), issue.getPageCount(), coverSha, coverType, issue.publicUrl()));
        audit.record("newsletter.issue.published", "NewsletterIssue", issueId,
                "금천향기 제" + issue.getNumber() + "호 공개 (" + issue.publicUrl() + ")");
        return issue;
    }

    @Transactional
    public void withdraw(long issueId) {
        NewsletterIssue issue = get(issueId);
        issue.withdraw();
        issues.save(issue);
        ebooks.unpublish(issue.getEbookId());
        audit.record("newsletter.issue.withdrawn", "NewsletterIssue", issueId, "금천향기 제" + issue.getNumber() + "호 공개 취소");
    }

    @Transactional
    public Article addArticle(long issueId, ArticleForm form) {
        NewsletterIssue issue = get(issueId);
        Article a = articles.save(Article.create(issueId, form.section(), form.title(), form.body(), form.pageNo(),
                issue.getPageCount(), clock.instant()));
        audit.record("newsletter.article.created", "Article", a.getId(), "기사 '" + a.getTitle() + "' 추가 (제"
                + issue.getNumber() + "호)");
        return a;
    }

    @Transactional
    public Article updateArticle(long articleId, ArticleForm form) {
        Article a = article(articleId);
        a.edit(form.section(), form.title(), form.body(), form.pageNo(), get(a.getIssueId()).getPageCount());
        a = articles.save(a);
        audit.record("newsletter.article.updated", "Article", articleId, "기사 '" + a.getTitle() + "' 수정");
        return a;
    }

    @Transactional
    public void deleteArticle(long articleId) {
        Article a = article(articleId);
        articles.delete(a);
        audit.record("newsletter.article.deleted", "Article", articleId, "기사 '" + a.getTitle() + "' 삭제");
    }

    /** Generates the article's audio with the configured TTS engine; returns the engine's name. */
    public String generateAudio(long articleId) {
        Article a = article(articleId);
        TtsEngine engine = tts.active();
        TtsEngine.Speech speech = engine.synthesize(a.speakableText());
        StoredFile stored = files.store(new ByteArrayInputStream(speech.audio()),
                "article-" + articleId + "." + speech.fileExtension(), Long.MAX_VALUE);
        tx.executeWithoutResult(s -> attachAudio(articleId, stored.sha256(), speech.mediaType(), Article.AudioSource.TTS,
                engine.name()));
        return engine.name();
    }

    @Transactional
    public void uploadAudio(long articleId, MultipartFile file) {
        article(articleId);
        StoredFile stored = uploads.audio(file);
        attachAudio(articleId, stored.sha256(), stored.mediaType(), Article.AudioSource.RECORDED, null);
    }

    private void attachAudio(long articleId, String sha, String mediaType, Article.AudioSource source, String engine) {
        Article a = article(articleId);
        a.attachAudio(sha, mediaType, source, engine, clock.instant());
        articles.save(a);
        audit.record("newsletter.article.audio", "Article", articleId, "읽어주는 소식지 음성 등록 ("
                + (source == Article.AudioSource.TTS ? "음성 합성: " + engine : "녹음 파일") + ")");
    }

    @Transactional
    public void removeAudio(long articleId) {
        Article a = article(articleId);
        a.removeAudio();
        articles.save(a);
        audit.record("newsletter.article.audio-removed", "Article", articleId, "읽어주는 소식지 음성 삭제");
    }

}
