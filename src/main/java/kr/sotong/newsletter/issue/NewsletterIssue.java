package kr.sotong.newsletter.issue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import kr.sotong.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An issue (호) of 금천향기: number, month, page count, cover, the print PDF as e-book; draft → published. */
@Table("newsletter_issue")
public class NewsletterIssue {

    public enum Status { DRAFT, PUBLISHED }

    @Id
    private Long id;
    private int number;
    private String yearMonth;
    private String title;
    private int pageCount;
    private boolean special;
    private String note;
    private String coverSha256;
    private String coverMediaType;
    private Long ebookId;
    private Status status;
    private Instant publishedAt;
    private Instant createdAt;
    @Version
    private Integer version;

    NewsletterIssue() {
    }

    static NewsletterIssue create(int number, String yearMonth, String title, int pageCount, boolean special, String note,
                                  Instant now) {
        NewsletterIssue i = new NewsletterIssue();
        i.status = Status.DRAFT;
        i.createdAt = now;
        i.edit(number, yearMonth, title, pageCount, special, note);
        return i;
    }

    void edit(int newNumber, String newYearMonth, String newTitle, int newPageCount, boolean newSpecial, String newNote) {
        if (newNumber <= 0 || newNumber > 100_000) {
            throw new DomainException("newsletter.issue.number", "호 번호는 1 이상의 숫자로 입력해 주세요.");
        }
        if (newPageCount <= 0 || newPageCount > 500) {
            throw new DomainException("newsletter.issue.pages", "면수는 1~500 사이로 입력해 주세요.");
        }
        String t = newTitle == null ? "" : newTitle.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new DomainException("newsletter.issue.title", "제목을 200자 이내로 입력해 주세요.");
        }
        number = newNumber;
        yearMonth = parseMonth(newYearMonth).toString();
        title = t;
        pageCount = newPageCount;
        special = newSpecial;
        note = newNote == null || newNote.isBlank() ? null : newNote.strip();
    }

    static YearMonth parseMonth(String value) {
        try {
            YearMonth ym = YearMonth.parse(value == null ? "" : value.strip());
            if (ym.getYear() < 1990 || ym.getYear() > 2100) {
                throw new DateTimeParseException("range", value, 0);
            }
            return ym;
        } catch (DateTimeParseException e) {
            throw new DomainException("newsletter.issue.month", "발행 월을 2025-03 형식으로 입력해 주세요: " + value, value);
        }
    }

    void attachEBook(long newEbookId) {
        ebookId = newEbookId;
    }

    void changeCover(String sha256, String mediaType) {
        coverSha256 = sha256;
        coverMediaType = mediaType;
    }

    void publish(Instant at) {
        if (status == Status.PUBLISHED) {
            throw DomainException.conflict("newsletter.issue.already-published", "이미 공개된 호입니다.");
        }
        if (ebookId == null) {
            throw new DomainException("newsletter.issue.no-pdf", "인쇄용 PDF를 먼저 올려야 공개할 수 있습니다.");
        }
        status = Status.PUBLISHED;
        publishedAt = at;
    }

    void withdraw() {
        if (status != Status.PUBLISHED) {
            throw DomainException.conflict("newsletter.issue.not-published", "공개되지 않은 호입니다.");
        }
        status = Status.DRAFT;
        publishedAt = null;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** 2025-03 → "2025년 3월호". */
    public String monthLabel() {
        YearMonth ym = YearMonth.parse(yearMonth);
        return ym.getYear() + "년 " + ym.getMonthValue() + "월호";
    }

    public String publicUrl() {
        return "/newsletter/" + yearMonth;
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public String getYearMonth() {
        return yearMonth;
    }

    public String getTitle() {
        return title;
    }

    public int getPageCount() {
        return pageCount;
    }

    public boolean isSpecial() {
        return special;
    }

    public String getNote() {
        return note;
    }

    public String getCoverSha256() {
        return coverSha256;
    }

    public String getCoverMediaType() {
        return coverMediaType;
    }

    public Long getEbookId() {
        return ebookId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
