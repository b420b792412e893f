package kr.sotong.monitoring.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.sotong.monitoring.Sentiment;
import kr.sotong.monitoring.cases.Cases;
import kr.sotong.monitoring.cases.ResponseCase;
import kr.sotong.monitoring.coverage.Coverage;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import kr.sotong.monitoring.search.ArticleIndex;
import kr.sotong.monitoring.search.Search;
import kr.sotong.monitoring.sentiment.Labels;
import kr.sotong.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** REST API of the monitoring module (session or bearer token; errors as ProblemDetail). */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringApi {

    private static final String EDITORS = "hasAnyRole('PRESS','DIRECTOR','ADMIN')";
    private static final String APPROVERS = "hasAnyRole('DIRECTOR','ADMIN')";

    private final Search search;
    private final Articles articles;
    private final Labels labels;
    private final Coverage coverage;
    private final Cases cases;
    private final ObjectMapper json;

    MonitoringApi(Search search, Articles articles, Labels labels, Coverage coverage, Cases cases, ObjectMapper json) {
        this.search = search;
        this.articles = articles;
        this.labels = labels;
        this.coverage = coverage;
        this.cases = cases;
        this.json = json;
    }

    record ArticleSummary(long id, String title, String outlet, String url, Instant publishedAt, String sentiment,
                          String label, int score, boolean flagged, boolean highImpact, Long releaseId, Long groupId,
                          Float searchScore, Map<String, String> highlights) {
        static ArticleSummary of(Article a, Float score, String th, String bh) {
            java.util.LinkedHashMap<String, String> h = new java.util.LinkedHashMap<>();
            if (th != null) {
                h.put("title", th);
            }
            if (bh != null) {
                h.put("body", bh);
            }
            return new ArticleSummary(a.id(), a.title(), a.outlet(), a.url(), a.publishedAt(),
                    a.sentiment() == null ? null : a.sentiment().name(), a.label() == null ? null : a.label().name(), a.score(),
                    a.flagged(), a.highImpact(), a.releaseId(), a.groupId(), score, h);
        }
    }

    record SearchResponse(long total, boolean totalIsLowerBound, int page, int size, List<ArticleSummary> items) {
    }

    @GetMapping("/articles")
    SearchResponse search(@RequestParam(required = false) String q,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String sentiment, @RequestParam(required = false) Long releaseId,
                          @RequestParam(required = false) String outlet, @RequestParam(required = false) Long caseId,
                          @RequestParam(required = false) Boolean flagged, @RequestParam(required = false) String sort,
                          @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 1 || size < 1 || size > 100) {
            throw new DomainException("monitoring.api.paging", "page는 1 이상, size는 1~100이어야 합니다.");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new DomainException("monitoring.api.period", "종료일(to)이 시작일(from)보다 앞설 수 없습니다.");
        }
        ArticleIndex.Sort order = sort == null ? null : switch (sort) {
            case "date" -> ArticleIndex.Sort.DATE;
            case "relevance" -> ArticleIndex.Sort.RELEVANCE;
            default -> throw new DomainException("monitoring.api.sort", "sort는 date 또는 relevance입니다.");
        };
        Sentiment s = Sentiment.parse(sentiment);
        Search.Page p = search.search(new ArticleIndex.Query(q, from, to, outlet, s == null ? null : s.name(), releaseId,
                caseId, flagged, order, (page - 1) * size, size));
        return new SearchResponse(p.total(), p.totalIsLowerBound(), page, size, p.items().stream()
                .map(i -> ArticleSummary.of(i.article(), i.score(), i.titleHighlight(), i.bodyHighlight())).toList());
    }

    record ArticleDetail(ArticleSummary article, String body, String bodySource, String origin, Instant ingestedAt,
                         List<String> matchedTerms, List<Map<String, Object>> reasons, String predicted,
                         Double predictedProbability, String labelledBy, Instant labelledAt, Double releaseSimilarity,
                         List<Long> similar, List<Long> cases) {
    }

    @GetMapping("/articles/{id}")
    ArticleDetail article(@PathVariable long id) {
        Article a = articles.get(id);
        List<Map<String, Object>> reasons = json.readValue(a.reasons() == null ? "[]" : a.reasons(),
                new TypeReference<List<Map<String, Object>>>() {
                });
        return new ArticleDetail(ArticleSummary.of(a, null, null, null), a.body(), a.bodySource(), a.origin(), a.ingestedAt(),
                a.matchedTerms(), reasons, a.predicted() == null ? null : a.predicted().name(), a.predictedProbability(),
                a.labelledBy(), a.labelledAt(), a.releaseSimilarity(),
                search.similar(a, 8).stream().map(Article::id).toList(),
                cases.ofArticle(id).stream().map(ResponseCase::id).toList());
    }

    record LabelRequest(String sentiment) {
    }

    @PostMapping("/articles/{id}/label")
    @PreAuthorize(EDITORS)
    ArticleSummary label(@PathVariable long id, @RequestBody LabelRequest body) {
        labels.label(id, Sentiment.parse(body == null ? null : body.sentiment()));
        return ArticleSummary.of(articles.get(id), null, null, null);
    }

    @GetMapping("/coverage")
    Object coverage(@RequestParam(required = false) Long releaseId, @RequestParam(required = false) Integer year) {
        if (releaseId != null) {
            Coverage.ReleaseCoverage c = coverage.ofRelease(releaseId)
                    .orElseThrow(() -> DomainException.notFound("보도자료", releaseId));
            return Map.of("release", c.release(), "articles", c.articles(), "outlets", c.outlets(),
                    "outletCount", c.outletCount(), "first", String.valueOf(c.first()), "last", String.valueOf(c.last()),
                    "articleIds", articles.ofRelease(releaseId).stream().map(Article::id).toList());
        }
        if (year != null) {
            if (year < 1990 || year > 2100) {
                throw new DomainException("monitoring.year", "연도가 올바르지 않습니다: " + year);
            }
            Coverage.YearCoverage y = coverage.ofYear(year);
            java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("year", y.year());
            m.put("articles", y.articles());
            m.put("attributed", y.attributed());
            m.put("releases", y.releases());
            m.put("outlets", y.outlets());
            m.put("baselineArticles", y.baselineArticles());
            m.put("baselineThroughMonth", y.baselineThroughMonth());
            m.put("baselineReleases", y.baselineReleases());
            m.put("shareOfBaseline", y.shareOfBaseline());
            m.put("releaseCoverage", coverage.releases(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                    .map(c -> Map.of("releaseId", c.release().releaseId(), "title", c.release().title(), "articles", c.articles(),
                            "outlets", c.outletCount())).toList());
            return m;
        }
        throw new DomainException("monitoring.api.coverage", "releaseId 또는 year 중 하나를 지정하세요.");
    }

    // ----- cases -----

    record CaseView(long id, long articleId, String status, String statusKorean, String title, Instant openedAt,
                    String openedBy, Instant dueAt, boolean overdue, String assessment, String severity,
                    String quotedReport, String explanation, String department, String contactName, String contactPhone,
                    int docVersion, String approvedBy, Instant approvedAt, String rejectionNote, String distributionKey,
                    Instant distributedAt, Integer recipients, Instant closedAt, String closingNote, List<Long> articleIds,
                    List<Cases.Escalation> escalations, List<Cases.Step> steps) {
    }

    private CaseView view(ResponseCase c) {
        return new CaseView(c.id(), c.articleId(), c.status().name(), c.status().korean(), c.title(), c.openedAt(),
                c.openedBy(), c.dueAt(), c.isOverdue(cases.now()), c.assessment(), c.severity(), c.quotedReport(),
                c.explanation(), c.department(), c.contactName(), c.contactPhone(), c.docVersion(), c.approvedBy(),
                c.approvedAt(), c.rejectionNote(), c.distributionKey(), c.distributedAt(), c.recipients(), c.closedAt(),
                c.closingNote(), cases.articleIds(c.id()), cases.escalations(c.id()), cases.steps(c.id()));
    }

    @GetMapping("/cases")
    List<CaseView> cases(@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "false") boolean overdue) {
        List<ResponseCase> list = overdue ? cases.overdue() : cases.all(open);
        return list.stream().map(this::view).toList();
    }

    record OpenCase(Long articleId) {
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    CaseView open(@RequestBody OpenCase body) {
        if (body == null || body.articleId() == null) {
            throw new DomainException("monitoring.api.article", "articleId가 필요합니다.");
        }
        return view(cases.get(cases.open(body.articleId())));
    }

    @GetMapping("/cases/{id}")
    CaseView getCase(@PathVariable long id) {
        return view(cases.get(id));
    }

    record Assess(String assessment, String severity, Boolean respond) {
    }

    @PostMapping("/cases/{id}/assess")
    @PreAuthorize(EDITORS)
    CaseView assess(@PathVariable long id, @RequestBody Assess b) {
        cases.assess(id, b.assessment(), b.severity(), b.respond() == null || b.respond());
        return view(cases.get(id));
    }

    record Draft(String quotedReport, String explanation, String department, String contactName, String contactPhone) {
    }

    @PostMapping("/cases/{id}/draft")
    @PreAuthorize(EDITORS)
    CaseView draft(@PathVariable long id, @RequestBody Draft b) {
        cases.draft(id, b.quotedReport(), b.explanation(), b.department(), b.contactName(), b.contactPhone());
        return view(cases.get(id));
    }

    @PostMapping("/cases/{id}/submit")
    @PreAuthorize(EDITORS)
    CaseView submit(@PathVariable long id) {
        cases.submit(id);
        return view(cases.get(id));
    }

    @PostMapping("/cases/{id}/approve")
    @PreAuthorize(APPROVERS)
    CaseView approve(@PathVariable long id) {
        cases.approve(id);
        return view(cases.get(id));
    }

    record Note(String note) {
    }

    @PostMapping("/cases/{id}/reject")
    @PreAuthorize(APPROVERS)
    CaseView reject(@PathVariable long id, @RequestBody Note b) {
        cases.reject(id, b == null ? null : b.note());
        return view(cases.get(id));
    }

    @PostMapping("/cases/{id}/distribute")
    @PreAuthorize(EDITORS)
    CaseView distribute(@PathVariable long id) {
        cases.distribute(id);
        return view(cases.get(id));
    }

    @PostMapping("/cases/{id}/close")
    @PreAuthorize(EDITORS)
    CaseView close(@PathVariable long id, @RequestBody(required = false) Note b) {
        cases.close(id, b == null ? null : b.note());
        return view(cases.get(id));
    }

    record Escalate(String kind, LocalDate decidedOn, String reference, String note) {
    }

    @PostMapping("/cases/{id}/escalations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    CaseView escalate(@PathVariable long id, @RequestBody Escalate b) {
        cases.escalate(id, b.kind(), b.decidedOn() == null ? null
                : b.decidedOn().atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant(), b.reference(), b.note());
        return view(cases.get(id));
    }
}
