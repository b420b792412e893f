package kr.sotong.newsletter.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A readers' satisfaction survey (만족도 조사). Built while DRAFT, answered while OPEN, read when CLOSED.
 * Each person answers once: identified by a one-time code to a phone/e-mail or by a device token.
 */
@Table("newsletter_survey")
public class Survey {

    public enum Status { DRAFT, OPEN, CLOSED }

    public enum IdentityMode { ONE_TIME_CODE, DEVICE_TOKEN }

    @Id
    private Long id;
    private String title;
    private String description;
    private IdentityMode identityMode;
    private Status status;
    private Instant createdAt;
    private Instant openedAt;
    private Instant closedAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "survey_id", keyColumn = "survey_key")
    private List<SurveyQuestion> questions = new ArrayList<>();

    Survey() {
    }

    static Survey create(String title, String description, IdentityMode mode, Instant now) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new DomainException("newsletter.survey.title", "조사 제목을 200자 이내로 입력해 주세요.");
        }
        Survey s = new Survey();
        s.title = t;
        s.description = description == null || description.isBlank() ? null : description.strip();
        s.identityMode = mode == null ? IdentityMode.ONE_TIME_CODE : mode;
        s.status = Status.DRAFT;
        s.createdAt = now;
        return s;
    }

    void addQuestion(SurveyQuestion q) {
        requireDraft();
        if (questions.size() >= 50) {
            throw new DomainException("newsletter.survey.too-many", "문항은 50개까지 만들 수 있습니다.");
        }
        questions.add(q);
    }

    void removeQuestion(int index) {
        requireDraft();
        if (index < 0 || index >= questions.size()) {
            throw DomainException.notFound("문항", index + 1);
        }
        questions.remove(index);
    }

    void open(Instant at) {
        requireDraft();
        if (questions.isEmpty()) {
            throw new DomainException("newsletter.survey.no-questions", "문항을 하나 이상 만든 뒤 시작할 수 있습니다.");
        }
        status = Status.OPEN;
        openedAt = at;
    }

    void close(Instant at) {
        if (status != Status.OPEN) {
            throw DomainException.conflict("newsletter.survey.not-open", "진행 중인 조사만 마감할 수 있습니다.");
        }
        status = Status.CLOSED;
        closedAt = at;
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw DomainException.conflict("newsletter.survey.not-draft", "시작한 조사의 문항은 바꿀 수 없습니다.");
        }
    }

    void requireOpen() {
        if (status != Status.OPEN) {
            throw DomainException.conflict("newsletter.survey.closed", "지금은 응답을 받지 않는 조사입니다.");
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public IdentityMode getIdentityMode() {
        return identityMode;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<SurveyQuestion> getQuestions() {
        return List.copyOf(questions);
    }
}
