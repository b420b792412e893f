package kr.sotong.signage.content;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.sotong.contests.ContestWinnersAnnounced;
import kr.sotong.newsletter.NewsletterIssuePublished;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.press.PressReleasePublished;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.config.SignageProperties;
import kr.sotong.signage.schedule.ScheduleChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content library (콘텐츠): uploads checked by content, notices and tickers written by staff, items
 * proposed by other modules' events, and the approval by the PR media team. Approving, withdrawing and
 * changing the validity of approved items change what screens play.
 */
@Service
public class ContentLibrary {

    private static final Logger log = LoggerFactory.getLogger(ContentLibrary.class);
    static final int MAX_NOTICE_CHARS = 2000;
    static final int MAX_NOTICE_LINES = 20;
    static final int MAX_TICKER_CHARS = 300;

    private final ContentItems items;
    private final FileStore files;
    private final UploadPolicy uploads;
    private final MediaInspector inspector;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final ScheduleChanges changes;
    private final Clock clock;
    private final SignageProperties properties;
    private final String baseUrl;

    public ContentLibrary(ContentItems items, FileStore files, UploadPolicy uploads, MediaInspector inspector, AuditLog audit,
                          StaffDirectory staff, ScheduleChanges changes, Clock clock, SignageProperties properties,
                          @Value("${sotong.base-url:http://localhost:8080}") String baseUrl) {
        this.items = items;
        this.files = files;
        this.uploads = uploads;
        this.inspector = inspector;
        this.audit = audit;
        this.staff = staff;
        this.changes = changes;
        this.clock = clock;
        this.properties = properties;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    // ------------------------------------------------------------------ reading

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public List<ContentItem> list(ContentStatus status, ContentKind kind, String query) {
        return items.list(status, kind, query, 500);
    }

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public ContentItem get(long id) {
        return items.require(id);
    }

    @Transactional(readOnly = true)
    public long pendingCount() {
        return items.countByStatus(ContentStatus.PENDING);
    }

    // ------------------------------------------------------------------ staff: new items

    /**
     * Stores an upload, checks it by content (type, resolution, video length) and submits it for approval.
     * Nothing is recorded when the check fails.
     */
    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public ContentItem upload(InputStream content, String originalName, String title, LocalDate validFrom,
                              LocalDate validUntil) {
        long max = Math.max(properties.maxImageSize().toBytes(), properties.maxVideoSize().toBytes());
        StoredFile f = files.store(content, originalName == null ? "upload" : originalName, max);
        uploads.check(f, Set.of());
        MediaInspector.MediaFacts facts = inspector.inspect(f, files.path(f.sha256()));
        ContentItem c = ContentItem.submit(facts.kind(), title, ContentSource.UPLOAD, staff.currentActor(), clock.instant());
        c.validity(validFrom, validUntil);
        attach(c, f, facts);
        items.insert(c);
        audit.record("signage.content.upload", "SignageContent", c.id(), c.kind().label() + " '" + c.title() + "' 등록 ("
                + facts.mediaType() + ", " + facts.width() + "×" + facts.height() + ")");
        return c;
    }

    /** A notice: a title and up to 20 lines of text, optionally with a QR code to a link. */
    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public ContentItem createNotice(String title, String body, String link, LocalDate validFrom, LocalDate validUntil) {
        ContentItem c = ContentItem.submit(ContentKind.NOTICE, title, ContentSource.STAFF, staff.currentActor(), clock.instant());
        c.validity(validFrom, validUntil);
        c.bodyText = checkNoticeBody(body);
        setLink(c, link);
        items.insert(c);
        audit.record("signage.content.notice", "SignageContent", c.id(), "공지 '" + c.title() + "' 작성");
        return c;
    }

    /** A ticker text for the ticker band (up to 300 characters, one line). */
    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public ContentItem createTicker(String text, LocalDate validFrom, LocalDate validUntil) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            throw new DomainException("signage.content.ticker-required", "자막 문구를 입력하세요.");
        }
        if (t.length() > MAX_TICKER_CHARS) {
            throw new DomainException("signage.content.ticker-too-long", "자막은 " + MAX_TICKER_CHARS + "자 이내로 입력하세요(지금 " + t.length() + "자).");
        }
        ContentItem c = ContentItem.submit(ContentKind.TICKER, t.length() > 60 ? t.substring(0, 60) + "…" : t,
                ContentSource.STAFF, staff.currentActor(), clock.instant());
        c.validity(validFrom, validUntil);
        c.bodyText = t;
        items.insert(c);
        audit.record("signage.content.ticker", "SignageContent", c.id(), "자막 '" + c.title() + "' 작성");
        return c;
    }

    // ------------------------------------------------------------------ approval

    @PreAuthorize(SignageAccess.APPROVE)
    @Transactional
    public ContentItem approve(long id) {
        ContentItem c = items.require(id);
        c.approve(staff.currentActor(), clock.instant());
        items.update(c);
        audit.record("signage.content.approve", "SignageContent", id, "'" + c.title() + "' 송출 승인");
        changes.changed("content approved");
        return c;
    }

    @PreAuthorize(SignageAccess.APPROVE)
    @Transactional
    public ContentItem reject(long id, String reason) {
        ContentItem c = items.require(id);
        c.reject(staff.currentActor(), reason, clock.instant());
        items.update(c);
        audit.record("signage.content.reject", "SignageContent", id, "'" + c.title() + "' 반려: " + c.decisionNote());
        return c;
    }

    @PreAuthorize(SignageAccess.APPROVE)
    @Transactional
    public ContentItem withdraw(long id, String reason) {
        ContentItem c = items.require(id);
        boolean wasApproved = c.status() == ContentStatus.APPROVED;
        c.withdraw(staff.currentActor(), reason == null || reason.isBlank() ? "담당자가 송출 중지" : reason.strip(), clock.instant());
        items.update(c);
        audit.record("signage.content.withdraw", "SignageContent", id, "'" + c.title() + "' 송출 중지");
        if (wasApproved) {
            changes.changed("content withdrawn");
        }
        return c;
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public ContentItem changeValidity(long id, int version, LocalDate from, LocalDate until) {
        ContentItem c = items.require(id);
        if (c.version() != version) {
            throw DomainException.conflict("signage.content.stale", "다른 사용자가 먼저 이 콘텐츠를 고쳤습니다. 새로 고친 뒤 다시 저장하세요.");
        }
        c.validity(from, until);
        items.update(c);
        audit.record("signage.content.validity", "SignageContent", id, "'" + c.title() + "' 게시 기간 " + from + " ~ " + until);
        if (c.status() == ContentStatus.APPROVED) {
            changes.changed("content validity");
        }
        return c;
    }

    // ------------------------------------------------------------------ from other modules

    /**
     * A published press release becomes a notice with a QR code to its public page, awaiting approval.
     * Idempotent on (release, version); a correction withdraws the items of earlier versions.
     */
    @Transactional
    public Optional<ContentItem> fromPressRelease(PressReleasePublished e) {
        String key = "press:" + e.releaseId() + ":v" + e.version();
        if (items.findBySourceKey(key).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (e.correction()) {
            for (ContentItem old : items.findBySourcePrefix("press:" + e.releaseId() + ":v")) {
                if (old.status() == ContentStatus.APPROVED || old.status() == ContentStatus.PENDING) {
                    boolean played = old.status() == ContentStatus.APPROVED;
                    old.withdraw("press", "정정 보도자료(" + e.version() + "판)로 대체", now);
                    items.update(old);
                    if (played) {
                        changes.changed("press correction");
                    }
                }
            }
        }
        String title = clip(e.title(), 200);
        ContentItem c = ContentItem.submit(ContentKind.NOTICE, title.isEmpty() ? "보도자료 #" + e.releaseId() : title,
                ContentSource.PRESS, "press", now);
        c.sourceKey = key;
        List<String> lines = new ArrayList<>();
        if (e.subtitle() != null && !e.subtitle().isBlank()) {
            lines.add(clip(e.subtitle().strip(), 200));
        }
        if (e.bodyText() != null) {
            e.bodyText().lines().map(String::strip).filter(l -> !l.isEmpty()).limit(6).map(l -> clip(l, 160)).forEach(lines::add);
        }
        if (e.department() != null && !e.department().isBlank()) {
            lines.add("문의: " + clip(e.department().strip(), 100));
        }
        c.bodyText = String.join("\n", lines);
        LocalDate day = (e.publishedAt() == null ? now : e.publishedAt()).atZone(clock.getZone()).toLocalDate();
        c.validity(day, day.plusDays(14));
        setLinkQuietly(c, e.publicUrl());
        items.insert(c);
        audit.recordAs("press", "signage.content.proposed", "SignageContent", c.id(),
                "보도자료 #" + e.releaseId() + "(" + e.version() + "판) → 사이니지 공지 제안" + (e.correction() ? " (정정)" : ""));
        return Optional.of(c);
    }

    /** Winning works become images/videos (or a notice when the work is audio or unusable), awaiting approval. */
    @Transactional
    public List<ContentItem> fromContestWinners(ContestWinnersAnnounced e) {
        List<ContentItem> created = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = now.atZone(clock.getZone()).toLocalDate();
        for (ContestWinnersAnnounced.Winner w : e.winners()) {
            String key = "contest:" + e.contestId() + ":entry:" + w.entryId();
            if (items.findBySourceKey(key).isPresent()) {
                continue;
            }
            String title = clip(e.contestTitle() + " " + nz(w.prizeName()) + " — " + nz(w.title()), 200);
            ContentItem c = fromMedia(w.mediaSha256(), title, ContentSource.CONTEST, "contests", now);
            if (c.kind == ContentKind.NOTICE) {
                c.bodyText = clip(e.contestTitle(), 200) + "\n" + nz(w.prizeName()) + ": '" + nz(w.title()) + "'"
                        + (w.maskedEntrant() == null ? "" : "\n" + w.maskedEntrant());
            }
            c.sourceKey = key;
            c.validity(today, today.plusDays(60));
            items.insert(c);
            created.add(c);
        }
        if (!created.isEmpty()) {
            audit.recordAs("contests", "signage.content.proposed", "SignageContent", created.get(0).id(),
                    "공모전 #" + e.contestId() + " 수상작 " + created.size() + "건 → 사이니지 콘텐츠 제안");
        }
        return created;
    }

    /** The cover of a published newsletter issue becomes an image (or a notice without one), awaiting approval. */
    @Transactional
    public Optional<ContentItem> fromNewsletter(NewsletterIssuePublished e) {
        String key = "newsletter:" + e.issueId();
        if (items.findBySourceKey(key).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(clock.getZone()).toLocalDate();
        String title = clip("금천향기 " + e.number() + "호 (" + e.yearMonth() + ") " + nz(e.title()), 200);
        ContentItem c = fromMedia(e.coverSha256(), title, ContentSource.NEWSLETTER, "newsletter", now);
        if (c.kind == ContentKind.NOTICE) {
            c.bodyText = "소식지 금천향기 " + e.number() + "호가 나왔습니다.\n" + nz(e.title()) + " (" + e.pageCount() + "쪽)";
            setLinkQuietly(c, e.publicUrl());
        } else {
            c.linkUrl = absolute(e.publicUrl());
        }
        c.sourceKey = key;
        c.validity(today, today.plusDays(45));
        items.insert(c);
        audit.recordAs("newsletter", "signage.content.proposed", "SignageContent", c.id(),
                "소식지 " + e.number() + "호 표지 → 사이니지 콘텐츠 제안");
        return Optional.of(c);
    }

    /** An image/video item for a file in the store, or a notice explaining why the file cannot play. */
    private ContentItem fromMedia(String sha256, String title, ContentSource source, String by, Instant now) {
        Optional<StoredFile> file = sha256 == null ? Optional.empty() : files.find(sha256);
        if (file.isEmpty()) {
            ContentItem c = ContentItem.submit(ContentKind.NOTICE, title, source, by, now);
            c.checkNote = sha256 == null ? "원본 미디어가 없어 안내문으로 만들었습니다."
                    : "원본 미디어를 파일 저장소에서 찾을 수 없어 안내문으로 만들었습니다.";
            return c;
        }
        StoredFile f = file.get();
        try {
            if (uploads.isDangerous(f)) {
                throw new DomainException("file.dangerous", "보안상 허용되지 않는 파일");
            }
            MediaInspector.MediaFacts facts = inspector.inspect(f, files.path(f.sha256()));
            ContentItem c = ContentItem.submit(facts.kind(), title, source, by, now);
            attach(c, f, facts);
            return c;
        } catch (DomainException ex) {
            ContentItem c = ContentItem.submit(ContentKind.NOTICE, title, source, by, now);
            c.checkNote = "원본 미디어(" + f.mediaType() + ")를 사이니지에 쓸 수 없어 안내문으로 만들었습니다: " + ex.getMessage();
            return c;
        }
    }

    private static void attach(ContentItem c, StoredFile f, MediaInspector.MediaFacts facts) {
        c.fileSha256 = f.sha256();
        c.mediaType = facts.mediaType();
        c.sizeBytes = f.size();
        c.width = facts.width();
        c.height = facts.height();
        c.durationMs = facts.durationMs();
        c.checkNote = facts.note() == null ? "" : facts.note();
    }

    // ------------------------------------------------------------------ helpers

    static String checkNoticeBody(String body) {
        String b = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (b.isEmpty()) {
            throw new DomainException("signage.content.body-required", "공지 내용을 입력하세요.");
        }
        if (b.length() > MAX_NOTICE_CHARS) {
            throw new DomainException("signage.content.body-too-long", "공지 내용은 " + MAX_NOTICE_CHARS + "자 이내로 입력하세요.");
        }
        if (b.lines().count() > MAX_NOTICE_LINES) {
            throw new DomainException("signage.content.body-too-many-lines", "공지 내용은 " + MAX_NOTICE_LINES + "줄 이내로 입력하세요.");
        }
        return b;
    }

    private void setLink(ContentItem c, String link) {
        if (link == null || link.isBlank()) {
            return;
        }
        String url = absolute(link.strip());
        if (url == null) {
            throw new DomainException("signage.content.bad-link", "링크는 http:// 또는 https:// 로 시작하는 주소나 /로 시작하는 경로여야 합니다: " + link);
        }
        c.linkUrl = url;
        c.qrSha256 = qr(url);
    }

    private void setLinkQuietly(ContentItem c, String link) {
        try {
            setLink(c, link);
        } catch (DomainException e) {
            log.info("signage: link of {} ignored: {}", c.title(), e.getMessage());
        }
    }

    private String absolute(String link) {
        if (link == null || link.isBlank() || link.length() > 450) {
            return null;
        }
        if (link.startsWith("/") && !link.startsWith("//")) {
            return baseUrl + link;
        }
        try {
            URI u = URI.create(link);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null
                    ? u.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String qr(String url) {
        try {
            BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 360, 360, Map.of(EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(m, "PNG", out);
            return files.store(new ByteArrayInputStream(out.toByteArray()), "qr.png").sha256();
        } catch (WriterException | IOException e) {
            throw new DomainException("signage.content.qr-failed", "QR 코드를 만들 수 없는 링크입니다: " + url);
        }
    }

    private static String clip(String s, int max) {
        String t = s == null ? "" : s.strip();
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
