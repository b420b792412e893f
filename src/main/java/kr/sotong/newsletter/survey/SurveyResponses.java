package kr.sotong.newsletter.survey;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface SurveyResponses extends ListCrudRepository<SurveyResponse, Long> {

    boolean existsBySurveyIdAndRespondentHash(long surveyId, String respondentHash);

    List<SurveyResponse> findBySurveyIdOrderBySubmittedAtAsc(long surveyId);

    long countBySurveyId(long surveyId);
}
