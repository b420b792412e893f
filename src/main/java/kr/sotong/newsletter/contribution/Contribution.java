package kr.sotong.newsletter.contribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A resident's photos and story for the newsletter (독자 참여). Name and contact are stored encrypted;
 * moderation moves it from SUBMITTED to ACCEPTED (attached to an issue) or REJECTED, once.
 */
@Table("newsletter_contribution")
public class Contribution {

    public enum Status { SUBMITTED, ACCEPTED, REJECTED }

    /** How the contributor wants to be credited in print. */
    public enum Credit { NAME, ANONYMOUS }

    public static final List<String> THEMES = List.of("개청 30주년 — 금천의 지난 30년", "우리 동네 이야기", "금천의 사람들",
            "금천의 풍경", "기타");

    @Id
    private Long id;
    private String receiptNo;
    private String theme;
    private String title;
    private String story;
    private Credit credit;
    private String nameEnc;
    private String contactEnc;
    private String contactHash;
    private boolean consentPublication;
    private boolean consentRights;
    private boolean consentPrivacy;
    private Status status;
    private Long issueId;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private Instant submittedAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "contribution_id", keyColumn = "contribution_key")
    private List<ContributionPhoto> photos = new ArrayList<>();

    Contribution() {
    }

    /** Checks the submission (consents, theme, title, story or photos) before anything is encrypted or stored. */
    static void validate(String theme, String title, String story, int photoCount, boolean consented) {
        if (!consented) {
            throw new DomainException("newsletter.contribution.consent",
                    "게재 동의, 저작권·초상권 확인, 개인정보 수집·이용 동의에 모두 체크해야 보낼 수 있습니다.");
        }
        if (theme == null || !THEMES.contains(theme)) {
            throw new DomainException("newsletter.contribution.theme", "주제를 목록에서 골라 주세요.");
        }
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new DomainException("newsletter.contribution.title", "제목을 200자 이내로 입력해 주세요.");
        }
        if ((story == null || story.isBlank()) && photoCount == 0) {
            throw new DomainException("newsletter.contribution.empty", "사진을 올리거나 이야기를 적어 주세요.");
        }
        if (story != null && story.length() > 5000) {
            throw new DomainException("newsletter.contribution.story", "이야기는 5,000자 이내로 적어 주세요.");
        }
    }

    static Contribution submit(String receiptNo, String theme, String title, String story, Credit credit, String nameEnc,
                               String contactEnc, String contactHash, List<ContributionPhoto> photos, Instant at) {
        Contribution c = new Contribution();
        c.receiptNo = receiptNo;
        c.theme = theme;
        c.title = title.strip();
        c.story = story == null ? "" : story.strip();
        c.credit = credit == null ? Credit.NAME : credit;
        c.nameEnc = nameEnc;
        c.contactEnc = contactEnc;
        c.contactHash = contactHash;
        c.consentPublication = true;
        c.consentRights = true;
        c.consentPrivacy = true;
        c.status = Status.SUBMITTED;
        c.submittedAt = at;
        c.photos = new ArrayList<>(photos);
        return c;
    }

    void accept(long toIssue, String by, String note, Instant at) {
        requireOpen();
        status = Status.ACCEPTED;
        issueId = toIssue;
        decide(by, note, at);
    }

    void reject(String by, String reason, Instant at) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new DomainException("newsletter.contribution.reason", "반려 사유를 적어 주세요(참여자에게 안내됩니다).");
        }
        status = Status.REJECTED;
        decide(by, reason, at);
    }

    private void requireOpen() {
        if (status != Status.SUBMITTED) {
            throw DomainException.conflict("newsletter.contribution.decided", "이미 검토를 마친 참여입니다.");
        }
    }

    private void decide(String by, String note, Instant at) {
        decidedBy = by;
        decidedAt = at;
        decisionNote = note == null || note.isBlank() ? null : note.strip();
    }

    public Long getId() {
        return id;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public String getTheme() {
        return theme;
    }

    public String getTitle() {
        return title;
    }

    public String getStory() {
        return story;
    }

    public Credit getCredit() {
        return credit;
    }

    String getNameEnc() {
        return nameEnc;
    }

    String getContactEnc() {
        return contactEnc;
    }

    public Status getStatus() {
        return status;
    }

    public Long getIssueId() {
        return issueId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<ContributionPhoto> getPhotos() {
        return List.copyOf(photos);
    }
}
