package kr.sotong.newsletter.survey;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface Surveys extends ListCrudRepository<Survey, Long> {

    List<Survey> findAllByOrderByIdDesc();

    List<Survey> findByStatusOrderByIdDesc(Survey.Status status);
}
