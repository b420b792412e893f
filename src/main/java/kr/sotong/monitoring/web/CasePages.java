package kr.sotong.monitoring.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.monitoring.cases.Cases;
import kr.sotong.monitoring.cases.ResponseCase;
import kr.sotong.monitoring.ingest.Articles;
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

/** The cases board and a case's page with the step forms. */
@Controller
@RequestMapping("/staff/monitoring/cases")
class CasePages {

    private static final String APPROVERS = "hasAnyRole('DIRECTOR','ADMIN')";

    private final Cases cases;
    private final Articles articles;

    CasePages(Cases cases, Articles articles) {
        this.cases = cases;
        this.articles = articles;
    }

    @GetMapping
    String board(Model model) {
        Map<ResponseCase.Status, List<ResponseCase>> columns = new LinkedHashMap<>();
        List<ResponseCase> open = cases.all(true);
        Arrays.stream(ResponseCase.Status.values()).filter(ResponseCase.Status::open)
                .forEach(s -> columns.put(s, open.stream().filter(c -> c.status() == s).toList()));
        model.addAttribute("columns", columns);
        model.addAttribute("closed", cases.all(false).stream().filter(c -> !c.status().open())
                .sorted((a, b) -> b.closedAt().compareTo(a.closedAt())).limit(20).toList());
        model.addAttribute("now", cases.now());
        model.addAttribute("negatives", articles.openNegatives(10));
        return "monitoring/cases";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        ResponseCase c = cases.get(id);
        model.addAttribute("c", c);
        model.addAttribute("article", articles.get(c.articleId()));
        model.addAttribute("linked", articles.byIds(cases.articleIds(id)));
        model.addAttribute("steps", cases.steps(id));
        model.addAttribute("escalations", cases.escalations(id));
        model.addAttribute("escalationKinds", Cases.ESCALATIONS);
        model.addAttribute("now", cases.now());
        return "monitoring/case";
    }

    @PostMapping
    @PreAuthorize(MonitoringPages.EDITORS)
    String open(@RequestParam long articleId, RedirectAttributes flash) {
        try {
            long id = cases.open(articleId);
            flash.addFlashAttribute("info", "대응 사건을 열었습니다. 목표 시간 안에 보도설명자료를 배포하세요.");
            return "redirect:/staff/monitoring/cases/" + id;
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/staff/monitoring/articles/" + articleId;
        }
    }

    private String act(long id, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("info", done);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/monitoring/cases/" + id;
    }

    @PostMapping("/{id}/assess")
    @PreAuthorize(MonitoringPages.EDITORS)
    String assess(@PathVariable long id, @RequestParam(required = false) String assessment,
                  @RequestParam(required = false) String severity, @RequestParam(defaultValue = "true") boolean respond,
                  RedirectAttributes flash) {
        return act(id, flash, respond ? "검토 결과를 기록했습니다. 보도설명자료를 작성하세요." : "대응 불필요로 종결했습니다.",
                () -> cases.assess(id, assessment, severity, respond));
    }

    @PostMapping("/{id}/draft")
    @PreAuthorize(MonitoringPages.EDITORS)
    String draft(@PathVariable long id, @RequestParam(required = false) String quotedReport,
                 @RequestParam(required = false) String explanation, @RequestParam(required = false) String department,
                 @RequestParam(required = false) String contactName, @RequestParam(required = false) String contactPhone,
                 @RequestParam(defaultValue = "false") boolean submit, RedirectAttributes flash) {
        return act(id, flash, submit ? "승인을 요청했습니다." : "설명자료를 저장했습니다.", () -> {
            cases.draft(id, quotedReport, explanation, department, contactName, contactPhone);
            if (submit) {
                cases.submit(id);
            }
        });
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(APPROVERS)
    String approve(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "보도설명자료를 승인했습니다.", () -> cases.approve(id));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(APPROVERS)
    String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, "반려했습니다.", () -> cases.reject(id, note));
    }

    @PostMapping("/{id}/distribute")
    @PreAuthorize(MonitoringPages.EDITORS)
    String distribute(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "언론팀 배포를 요청했습니다. 배포가 끝나면 상태가 바뀝니다.", () -> cases.distribute(id));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(MonitoringPages.EDITORS)
    String close(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, "대응 사건을 종결했습니다.", () -> cases.close(id, note));
    }

    @PostMapping("/{id}/escalations")
    @PreAuthorize(MonitoringPages.EDITORS)
    String escalate(@PathVariable long id, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
                    @RequestParam(required = false) String reference, @RequestParam(required = false) String note,
                    RedirectAttributes flash) {
        return act(id, flash, "후속 조치를 기록했습니다.", () -> cases.escalate(id, kind,
                decidedOn == null ? null : decidedOn.atTime(9, 0).atZone(ZoneId.of("Asia/Seoul")).toInstant(), reference, note));
    }

    @PostMapping("/{id}/articles")
    @PreAuthorize(MonitoringPages.EDITORS)
    String link(@PathVariable long id, @RequestParam long articleId, RedirectAttributes flash) {
        return act(id, flash, "관련 기사를 추가했습니다.", () -> cases.linkArticle(id, articleId));
    }
}
