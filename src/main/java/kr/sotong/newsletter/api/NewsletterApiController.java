package kr.sotong.newsletter.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import kr.sotong.newsletter.distribution.DistributionPoint;
import kr.sotong.newsletter.distribution.DistributionService;
import kr.sotong.newsletter.issue.Article;
import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.issue.NewsletterIssue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: issues with articles, distribution points (staff session or bearer token). */
@RestController
@RequestMapping("/api/v1/newsletter")
class NewsletterApiController {

    record IssueSummary(long id, int number, String yearMonth, String title, int pageCount, boolean special,
                        String status, Instant publishedAt, String publicUrl, Long ebookId) {
        static IssueSummary of(NewsletterIssue i) {
            return new IssueSummary(i.getId(), i.getNumber(), i.getYearMonth(), i.getTitle(), i.getPageCount(),
                    i.isSpecial(), i.getStatus().name(), i.getPublishedAt(), i.publicUrl(), i.getEbookId());
        }
    }

    record ArticleDto(long id, String section, String title, Integer page, String body, boolean hasAudio,
                      String audioSource, String audioUrl) {
        static ArticleDto of(Article a) {
            return new ArticleDto(a.getId(), a.getSection(), a.getTitle(), a.getPageNo(), a.getBody(), a.hasAudio(),
                    a.getAudioSource() == null ? null : a.getAudioSource().name(),
                    a.hasAudio() ? "/newsletter/articles/" + a.getId() + "/audio" : null);
        }
    }

    record IssueDetail(IssueSummary issue, List<ArticleDto> articles) {
    }

    record PointDto(long id, String kind, String kindLabel, String name, String address, String dong,
                    BigDecimal latitude, BigDecimal longitude, int copiesPerIssue, boolean active) {
        static PointDto of(DistributionPoint p) {
            return new PointDto(p.getId(), p.getKind().name(), p.getKind().label(), p.getName(), p.getAddress(),
                    p.getDong(), p.getLatitude(), p.getLongitude(), p.getCopiesPerIssue(), p.isActive());
        }
    }

    private final IssueService issues;
    private final DistributionService distribution;

    NewsletterApiController(IssueService issues, DistributionService distribution) {
        this.issues = issues;
        this.distribution = distribution;
    }

    @GetMapping("/issues")
    List<IssueSummary> issues() {
        return issues.all().stream().map(IssueSummary::of).toList();
    }

    @GetMapping("/issues/{id}")
    IssueDetail issue(@PathVariable long id) {
        return new IssueDetail(IssueSummary.of(issues.get(id)), issues.articles(id).stream().map(ArticleDto::of).toList());
    }

    @GetMapping("/distribution-points")
    List<PointDto> points(@RequestParam(required = false) String dong) {
        return distribution.points().stream().filter(p -> dong == null || dong.isBlank() || p.getDong().equals(dong.strip()))
                .map(PointDto::of).toList();
    }
}
