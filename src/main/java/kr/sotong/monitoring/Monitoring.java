package kr.sotong.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import kr.sotong.monitoring.coverage.Coverage;
import kr.sotong.monitoring.ingest.Articles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's facade for other modules: what the media made of a press release, and today's coverage. Only
 * releases whose embargo has passed are known here.
 */
@Service
@Transactional(readOnly = true)
public class Monitoring {

    /** Coverage of one press release: articles attributed to it, distinct outlets, first and last report. */
    public record ReleaseCoverage(long releaseId, long articles, int outlets, Instant firstReport, Instant lastReport) {
    }

    private final Coverage coverage;
    private final Articles articles;
    private final Clock clock;

    Monitoring(Coverage coverage, Articles articles, Clock clock) {
        this.coverage = coverage;
        this.articles = articles;
        this.clock = clock;
    }

    public Optional<ReleaseCoverage> coverageOf(long releaseId) {
        return coverage.ofRelease(releaseId).map(c -> new ReleaseCoverage(releaseId, c.articles(), c.outletCount(),
                c.first(), c.last()));
    }

    /** Articles collected since midnight (Asia/Seoul). */
    public long articlesToday() {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        return articles.countIngestedSince(LocalDate.now(clock.withZone(seoul)).atStartOfDay(seoul).toInstant());
    }
}
