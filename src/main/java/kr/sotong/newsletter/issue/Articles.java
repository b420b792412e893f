package kr.sotong.newsletter.issue;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface Articles extends ListCrudRepository<Article, Long> {

    List<Article> findByIssueIdOrderByPageNoAscIdAsc(long issueId);
}
