package kr.sotong.monitoring.cases;

import java.time.Duration;
import java.time.Instant;
import kr.sotong.shared.DomainException;

/**
 * A response case (대응 사건) for a negative or distorted report: assess → draft a 보도설명자료 → approve →
 * distribute through the press office → close. The aggregate guards its own transitions.
 */
public final class ResponseCase {

    public enum Status {
        ASSESSING("검토 중"), DRAFTING("설명자료 작성"), AWAITING_APPROVAL("승인 대기"), APPROVED("승인됨"),
        DISTRIBUTING("배포 요청됨"), DISTRIBUTED("배포 완료"), CLOSED("종결");

        private final String korean;

        Status(String korean) {
            this.korean = korean;
        }

        public String korean() {
            return korean;
        }

        public boolean open() {
            return this != CLOSED;
        }

        /** Answered: the 보도설명자료 is out (or the case was closed). */
        public boolean answered() {
            return this == DISTRIBUTED || this == CLOSED;
        }
    }

    long id;
    long articleId;
    Status status;
    String title;
    Instant openedAt;
    String openedBy;
    Instant dueAt;
    String assessment;
    String severity;
    String quotedReport;
    String explanation;
    String department;
    String contactName;
    String contactPhone;
    int docVersion;
    Instant submittedAt;
    Instant approvedAt;
    String approvedBy;
    String rejectionNote;
    String distributionKey;
    Instant distributionRequestedAt;
    Instant distributedAt;
    Integer recipients;
    Instant closedAt;
    String closedBy;
    String closingNote;
    int version;

    ResponseCase() {
    }

    static ResponseCase open(long articleId, String title, String quotedReport, String by, Instant now, Duration target) {
        ResponseCase c = new ResponseCase();
        c.articleId = articleId;
        c.status = Status.ASSESSING;
        c.title = title;
        c.openedAt = now;
        c.openedBy = by;
        c.dueAt = now.plus(target);
        c.quotedReport = quotedReport;
        return c;
    }

    private DomainException illegal(String action) {
        return DomainException.conflict("monitoring.case.transition",
                "'" + status.korean() + "' 상태에서는 " + action + "할 수 없습니다.", status.name(), action);
    }

    /** 검토: records the assessment; respond = go on to draft a 보도설명자료, otherwise the case is closed. */
    void assess(String assessment, String severity, boolean respond, String by, Instant now) {
        if (status != Status.ASSESSING) {
            throw illegal("검토 결과를 기록");
        }
        require(assessment, "검토 의견");
        this.assessment = assessment.strip();
        this.severity = severity;
        if (respond) {
            status = Status.DRAFTING;
        } else {
            close("대응 불필요: " + this.assessment, by, now);
        }
    }

    /** 작성: the 보도설명자료 (주요 보도내용, 설명 내용, 담당 부서/연락처). */
    void draft(String quotedReport, String explanation, String department, String contactName, String contactPhone) {
        if (status != Status.DRAFTING) {
            throw illegal("설명자료를 수정");
        }
        this.quotedReport = trimOrNull(quotedReport);
        this.explanation = trimOrNull(explanation);
        this.department = trimOrNull(department);
        this.contactName = trimOrNull(contactName);
        this.contactPhone = trimOrNull(contactPhone);
    }

    void submit(Instant now) {
        if (status != Status.DRAFTING) {
            throw illegal("승인 요청");
        }
        require(quotedReport, "주요 보도내용");
        require(explanation, "설명 내용");
        require(department, "담당 부서");
        require(contactName, "담당자");
        require(contactPhone, "연락처");
        docVersion++;
        submittedAt = now;
        rejectionNote = null;
        status = Status.AWAITING_APPROVAL;
    }

    void approve(String by, Instant now) {
        if (status != Status.AWAITING_APPROVAL) {
            throw illegal("승인");
        }
        approvedBy = by;
        approvedAt = now;
        status = Status.APPROVED;
    }

    void reject(String note) {
        if (status != Status.AWAITING_APPROVAL) {
            throw illegal("반려");
        }
        require(note, "반려 사유");
        rejectionNote = note.strip();
        status = Status.DRAFTING;
    }

    /** Returns the request key the press office answers with. */
    String requestDistribution(Instant now) {
        if (status != Status.APPROVED) {
            throw illegal("배포 요청");
        }
        distributionKey = "monitoring-case-" + id + "-v" + docVersion;
        distributionRequestedAt = now;
        status = Status.DISTRIBUTING;
        return distributionKey;
    }

    /** The press office confirmed the distribution. Idempotent: a repeated confirmation changes nothing. */
    boolean distributed(String key, Instant at, int recipients) {
        if (status != Status.DISTRIBUTING || !key.equals(distributionKey)) {
            return false;
        }
        distributedAt = at;
        this.recipients = recipients;
        status = Status.DISTRIBUTED;
        return true;
    }

    void close(String note, String by, Instant now) {
        if (status == Status.CLOSED) {
            throw illegal("종결");
        }
        if (status == Status.DISTRIBUTING) {
            throw DomainException.conflict("monitoring.case.distributing", "배포가 끝나기 전에는 종결할 수 없습니다.");
        }
        closingNote = trimOrNull(note);
        closedBy = by;
        closedAt = now;
        status = Status.CLOSED;
    }

    /** The document body sent to the press-contact lists. */
    String documentText(String outlet, String articleTitle, String reportDate) {
        return """
                보 도 설 명 자 료

                제목: %s

                1. 주요 보도내용
                ○ %s %s 「%s」 보도
                %s

                2. 설명 내용
                %s

                ※ 담당 부서: %s / 담당자: %s / 연락처: %s
                """.formatted(title, outlet, reportDate, articleTitle, indent(quotedReport), indent(explanation),
                department, contactName, contactPhone);
    }

    private static String indent(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            sb.append(line.isBlank() ? "" : "  " + line.strip()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static void require(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new DomainException("monitoring.case.required", what + "을(를) 입력하세요.", what);
        }
    }

    private static String trimOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public long id() {
        return id;
    }

    public long articleId() {
        return articleId;
    }

    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String assessment() {
        return assessment;
    }

    public String severity() {
        return severity;
    }

    public String quotedReport() {
        return quotedReport;
    }

    public String explanation() {
        return explanation;
    }

    public String department() {
        return department;
    }

    public String contactName() {
        return contactName;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public int docVersion() {
        return docVersion;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String rejectionNote() {
        return rejectionNote;
    }

    public String distributionKey() {
        return distributionKey;
    }

    public Instant distributionRequestedAt() {
        return distributionRequestedAt;
    }

    public Instant distributedAt() {
        return distributedAt;
    }

    public Integer recipients() {
        return recipients;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closingNote() {
        return closingNote;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** Overdue: not answered (distributed or closed) and past the target time; or answered after it. */
    public boolean isOverdue(Instant now) {
        Instant answeredAt = distributedAt != null ? distributedAt : closedAt;
        return answeredAt == null ? now.isAfter(dueAt) : answeredAt.isAfter(dueAt);
    }

    /** Minutes left until the target time (negative when overdue); null once answered. */
    public Long minutesLeft(Instant now) {
        if (status.answered()) {
            return null;
        }
        return Duration.between(now, dueAt).toMinutes();
    }
}
