package kr.sotong.newsletter.survey;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** One person's answers; {@code respondentHash} (keyed hash of the contact or device token) is unique per survey. */
@Table("newsletter_survey_response")
public class SurveyResponse {

    @Id
    private Long id;
    private Long surveyId;
    private String respondentHash;
    private Instant submittedAt;
    @MappedCollection(idColumn = "response_id", keyColumn = "response_key")
    private List<Answer> answers;

    /** Answer to question {@code questionNo} (0-based): option indexes "0,2", a scale value, or text. */
    @Table("newsletter_survey_answer")
    public record Answer(int questionNo, String value) {
    }

    SurveyResponse() {
    }

    SurveyResponse(long surveyId, String respondentHash, List<Answer> answers, Instant at) {
        this.surveyId = surveyId;
        this.respondentHash = respondentHash;
        this.answers = List.copyOf(answers);
        this.submittedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<Answer> getAnswers() {
        return answers;
    }
}
