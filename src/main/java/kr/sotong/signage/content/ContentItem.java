package kr.sotong.signage.content;

import java.time.Instant;
import java.time.LocalDate;
import kr.sotong.shared.DomainException;

/**
 * A piece of signage content: an image or video from the file store, a notice (title and text lines,
 * rendered as HTML by the player) or a ticker text. It is submitted for approval and plays only when
 * approved by the PR media team and within its validity dates.
 */
public class ContentItem {

    Long id;
    String title;
    ContentKind kind;
    ContentStatus status = ContentStatus.PENDING;
    String fileSha256;
    String mediaType;
    Long sizeBytes;
    Integer width;
    Integer height;
    Long durationMs;
    String bodyText = "";
    String qrSha256;
    String linkUrl;
    LocalDate validFrom;
    LocalDate validUntil;
    ContentSource source;
    String sourceKey;
    String checkNote = "";
    String submittedBy;
    Instant submittedAt;
    String decidedBy;
    Instant decidedAt;
    String decisionNote;
    int version;

    ContentItem() {
    }

    static ContentItem submit(ContentKind kind, String title, ContentSource source, String by, Instant now) {
        ContentItem c = new ContentItem();
        c.kind = kind;
        c.title = checkTitle(title);
        c.source = source;
        c.submittedBy = by;
        c.submittedAt = now;
        return c;
    }

    static String checkTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new DomainException("signage.content.title-required", "콘텐츠 제목을 입력하세요.");
        }
        if (t.length() > 200) {
            throw new DomainException("signage.content.title-too-long", "콘텐츠 제목은 200자 이내로 입력하세요.");
        }
        return t;
    }

    void validity(LocalDate from, LocalDate until) {
        if (from != null && until != null && until.isBefore(from)) {
            throw new DomainException("signage.content.bad-validity", "게시 종료일이 시작일보다 빠릅니다: " + from + " ~ " + until);
        }
        validFrom = from;
        validUntil = until;
    }

    void approve(String by, Instant now) {
        if (status != ContentStatus.PENDING) {
            throw DomainException.conflict("signage.content.not-pending",
                    "승인 대기 중인 콘텐츠만 승인할 수 있습니다(현재: " + status.label() + ").");
        }
        status = ContentStatus.APPROVED;
        decidedBy = by;
        decidedAt = now;
        decisionNote = null;
    }

    void reject(String by, String reason, Instant now) {
        if (status != ContentStatus.PENDING) {
            throw DomainException.conflict("signage.content.not-pending",
                    "승인 대기 중인 콘텐츠만 반려할 수 있습니다(현재: " + status.label() + ").");
        }
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new DomainException("signage.content.reason-required", "반려 사유를 입력하세요.");
        }
        status = ContentStatus.REJECTED;
        decidedBy = by;
        decidedAt = now;
        decisionNote = r.length() > 1000 ? r.substring(0, 1000) : r;
    }

    /** Stops an item from playing (e.g. a corrected press release replaces it). */
    void withdraw(String by, String reason, Instant now) {
        if (status != ContentStatus.APPROVED && status != ContentStatus.PENDING) {
            throw DomainException.conflict("signage.content.not-active",
                    "승인되었거나 승인 대기 중인 콘텐츠만 송출을 멈출 수 있습니다(현재: " + status.label() + ").");
        }
        status = ContentStatus.WITHDRAWN;
        decidedBy = by;
        decidedAt = now;
        decisionNote = reason;
    }

    public boolean playableOn(LocalDate day) {
        return status == ContentStatus.APPROVED && (validFrom == null || !day.isBefore(validFrom))
                && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Default on-screen seconds: a video's length (rounded up), otherwise 10 s (tickers 20 s). */
    public int defaultSeconds() {
        if (kind == ContentKind.VIDEO && durationMs != null) {
            return (int) Math.max(1, Math.min(3600, (durationMs + 999) / 1000));
        }
        return kind == ContentKind.TICKER ? 20 : 10;
    }

    public Long id() { return id; }
    public String title() { return title; }
    public ContentKind kind() { return kind; }
    public ContentStatus status() { return status; }
    public String fileSha256() { return fileSha256; }
    public String mediaType() { return mediaType; }
    public Long sizeBytes() { return sizeBytes; }
    public Integer width() { return width; }
    public Integer height() { return height; }
    public Long durationMs() { return durationMs; }
    public String bodyText() { return bodyText; }
    public String qrSha256() { return qrSha256; }
    public String linkUrl() { return linkUrl; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public ContentSource source() { return source; }
    public String sourceKey() { return sourceKey; }
    public String checkNote() { return checkNote; }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionNote() { return decisionNote; }
    public int version() { return version; }
}
