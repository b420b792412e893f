package kr.sotong.monitoring.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.monitoring.Sentiment;
import kr.sotong.monitoring.cases.Cases;
import kr.sotong.monitoring.coverage.Coverage;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import kr.sotong.monitoring.ingest.Ingestion;
import kr.sotong.monitoring.ingest.Settings;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.monitoring.search.ArticleIndex;
import kr.sotong.monitoring.search.Search;
import kr.sotong.monitoring.sentiment.Labels;
import kr.sotong.monitoring.sentiment.Negativity;
import kr.sotong.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Staff pages: live coverage, search, article, manual entry, release coverage. */
@Controller
@RequestMapping("/staff/monitoring")
class MonitoringPages {

    static final String EDITORS = "hasAnyRole('PRESS','DIRECTOR','ADMIN')";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final Articles articles;
    private final Search search;
    private final Labels labels;
    private final Cases cases;
    private final Coverage coverage;
    private final Sources sources;
    private final Settings settings;
    private final ObjectMapper json;
    private final Clock clock;

    MonitoringPages(Articles articles, Search search, Labels labels, Cases cases, Coverage coverage, Sources sources,
                    Settings settings, ObjectMapper json, Clock clock) {
        this.articles = articles;
        this.search = search;
        this.labels = labels;
        this.cases = cases;
        this.coverage = coverage;
        this.sources = sources;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String live(Model model) {
        model.addAttribute("negatives", articles.openNegatives(10));
        model.addAttribute("articles", articles.latest(50, false));
        model.addAttribute("refreshedAt", clock.instant());
        model.addAttribute("threshold", settings.alertThreshold());
        return "monitoring/live";
    }

    /** The list part of the live page, refreshed by htmx every 30 seconds. */
    @GetMapping("/live")
    String liveRows(Model model) {
        model.addAttribute("articles", articles.latest(50, false));
        model.addAttribute("refreshedAt", clock.instant());
        return "monitoring/live :: rows";
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String outlet, @RequestParam(required = false) String sentiment,
                  @RequestParam(required = false) Long releaseId, @RequestParam(required = false) Long caseId,
                  @RequestParam(required = false) Boolean flagged, @RequestParam(required = false) String sort,
                  @RequestParam(defaultValue = "1") int page, Model model) {
        Sentiment s = Sentiment.parse(sentiment);
        ArticleIndex.Sort order = "date".equals(sort) ? ArticleIndex.Sort.DATE : "relevance".equals(sort) ? ArticleIndex.Sort.RELEVANCE : null;
        int p = Math.max(1, Math.min(page, 50));
        ArticleIndex.Query query = new ArticleIndex.Query(q, from, to, blank(outlet), s == null ? null : s.name(), releaseId,
                caseId, flagged, order, (p - 1) * 20, 20);
        model.addAttribute("result", search.search(query));
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("outlet", blank(outlet));
        model.addAttribute("sentiment", s == null ? null : s.name());
        model.addAttribute("releaseId", releaseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("flagged", flagged);
        model.addAttribute("sort", query.sort().name());
        model.addAttribute("outlets", articles.outlets());
        model.addAttribute("sentiments", Sentiment.values());
        return "monitoring/search";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        Article a = articles.get(id);
        List<Negativity.Reason> reasons = reasons(a);
        List<Marks.Word> words = new ArrayList<>();
        a.matchedTerms().forEach(t -> words.add(new Marks.Word(t, "mark-term")));
        reasons.stream().filter(r -> r.weight() > 0).forEach(r -> words.add(new Marks.Word(r.word(), "mark-negative")));
        reasons.stream().filter(r -> r.weight() < 0).forEach(r -> words.add(new Marks.Word(r.word(), "mark-positive")));
        if (q != null && !q.isBlank()) {
            for (String w : q.strip().split("\\s+")) {
                if (w.length() >= 2 && !w.startsWith("-")) {
                    words.add(new Marks.Word(w.replace("\"", ""), "mark-query"));
                }
            }
        }
        model.addAttribute("a", a);
        model.addAttribute("titleHtml", Marks.mark(a.title(), words));
        model.addAttribute("bodyHtml", Marks.mark(a.body(), words));
        model.addAttribute("reasons", reasons);
        model.addAttribute("similar", search.similar(a, 8));
        model.addAttribute("cases", cases.ofArticle(id));
        model.addAttribute("release", a.releaseId() == null ? null : coverage.release(a.releaseId()).orElse(null));
        model.addAttribute("group", a.groupId() == null ? List.of() : articles.inGroup(a.groupId()));
        model.addAttribute("sentiments", Sentiment.values());
        model.addAttribute("threshold", settings.alertThreshold());
        model.addAttribute("q", q);
        return "monitoring/article";
    }

    List<Negativity.Reason> reasons(Article a) {
        try {
            return json.readValue(a.reasons() == null ? "[]" : a.reasons(), new TypeReference<List<Negativity.Reason>>() {
            });
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @PostMapping("/articles/{id}/label")
    @PreAuthorize(EDITORS)
    String label(@PathVariable long id, @RequestParam(required = false) String sentiment, RedirectAttributes flash) {
        try {
            Sentiment s = Sentiment.parse(sentiment);
            labels.label(id, s);
            flash.addFlashAttribute("info", "논조를 '" + s.korean() + "'(으)로 분류했습니다.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/monitoring/articles/" + id;
    }

    @GetMapping("/articles/new")
    @PreAuthorize(EDITORS)
    String entryForm(Model model) {
        model.addAttribute("form", new EntryForm(null, null, null, null, null));
        return "monitoring/entry";
    }

    record EntryForm(String outlet, String title, String url, String publishedAt, String body) {
    }

    @PostMapping("/articles")
    @PreAuthorize(EDITORS)
    String enter(EntryForm form, Model model, RedirectAttributes flash) {
        try {
            Instant when = form.publishedAt() == null || form.publishedAt().isBlank() ? null
                    : LocalDateTime.parse(form.publishedAt()).atZone(SEOUL).toInstant();
            Ingestion.Outcome o = sources.enter(form.outlet(), form.title(), form.url(), when, form.body());
            if (o.status() == Ingestion.Status.INGESTED) {
                flash.addFlashAttribute("info", "기사를 등록했습니다.");
                return "redirect:/staff/monitoring/articles/" + o.articleId();
            }
            model.addAttribute("error", o.message());
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("error", "보도 일시 형식이 올바르지 않습니다.");
        }
        model.addAttribute("form", form);
        return "monitoring/entry";
    }

    @GetMapping("/coverage")
    String coverage(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? clock.instant().atZone(SEOUL).getYear() : year;
        if (y < 1990 || y > 2100) {
            throw new DomainException("monitoring.year", "연도가 올바르지 않습니다: " + y);
        }
        model.addAttribute("year", y);
        model.addAttribute("years", coverage.years().stream().map(coverage::ofYear).toList());
        model.addAttribute("releases", coverage.releases(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        return "monitoring/coverage";
    }

    @GetMapping("/coverage/releases/{releaseId}")
    String release(@PathVariable long releaseId, Model model) {
        Coverage.ReleaseCoverage c = coverage.ofRelease(releaseId)
                .orElseThrow(() -> DomainException.notFound("보도자료", releaseId));
        model.addAttribute("c", c);
        model.addAttribute("articles", articles.ofRelease(releaseId));
        return "monitoring/release";
    }
}
