package kr.sotong.newsletter.contribution;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface Contributions extends ListCrudRepository<Contribution, Long> {

    List<Contribution> findByStatusOrderBySubmittedAtAsc(Contribution.Status status);

    List<Contribution> findByIssueIdOrderBySubmittedAtAsc(long issueId);

    List<Contribution> findTop50ByOrderBySubmittedAtDesc();

    boolean existsByReceiptNo(String receiptNo);

    long countByStatus(Contribution.Status status);
}
