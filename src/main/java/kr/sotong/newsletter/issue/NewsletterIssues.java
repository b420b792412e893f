package kr.sotong.newsletter.issue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface NewsletterIssues extends ListCrudRepository<NewsletterIssue, Long> {

    Optional<NewsletterIssue> findByYearMonth(String yearMonth);

    Optional<NewsletterIssue> findByNumber(int number);

    List<NewsletterIssue> findAllByOrderByYearMonthDesc();

    List<NewsletterIssue> findByStatusOrderByYearMonthDesc(NewsletterIssue.Status status);
}
