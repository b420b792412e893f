package kr.sotong.monitoring.web;

import java.io.IOException;
import kr.sotong.monitoring.ingest.ClippingImport;
import kr.sotong.monitoring.ingest.Settings;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.monitoring.ingest.Terms;
import kr.sotong.monitoring.alert.Alerts;
import kr.sotong.monitoring.search.Indexer;
import kr.sotong.monitoring.sentiment.Classifier;
import kr.sotong.monitoring.sentiment.Labels;
import kr.sotong.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sources, imports and the settings page (terms, on-duty roster, thresholds, classifier, index). */
@Controller
@RequestMapping("/staff/monitoring")
class AdminPages {

    static final long MAX_IMPORT = 20L * 1024 * 1024;

    private final Sources sources;
    private final Terms terms;
    private final Settings settings;
    private final Alerts alerts;
    private final Classifier classifier;
    private final Labels labels;
    private final Indexer indexer;

    AdminPages(Sources sources, Terms terms, Settings settings, Alerts alerts, Classifier classifier, Labels labels,
               Indexer indexer) {
        this.sources = sources;
        this.terms = terms;
        this.settings = settings;
        this.alerts = alerts;
        this.classifier = classifier;
        this.labels = labels;
        this.indexer = indexer;
    }

    @GetMapping("/sources")
    String sources(Model model) {
        model.addAttribute("sources", sources.all());
        return "monitoring/sources";
    }

    @GetMapping("/sources/{id}")
    String source(@PathVariable long id, Model model) {
        model.addAttribute("s", sources.get(id));
        model.addAttribute("runs", sources.runs(id, 30));
        return "monitoring/source";
    }

    @PostMapping("/sources")
    @PreAuthorize(MonitoringPages.EDITORS)
    String addFeed(@RequestParam(required = false) String name, @RequestParam(required = false) String outlet,
                   @RequestParam(required = false) String url, @RequestParam(defaultValue = "10") int intervalMinutes,
                   @RequestParam(defaultValue = "false") boolean major, RedirectAttributes flash) {
        try {
            sources.addFeed(name, outlet, url, intervalMinutes, major);
            flash.addFlashAttribute("info", "피드를 등록했습니다. '지금 수집'으로 바로 확인할 수 있습니다.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/monitoring/sources";
    }

    @PostMapping("/sources/{id}/poll")
    @PreAuthorize(MonitoringPages.EDITORS)
    String poll(@PathVariable long id, RedirectAttributes flash) {
        try {
            Sources.PollResult r = sources.pollNow(id);
            if ("FAILED".equals(r.outcome())) {
                flash.addFlashAttribute("error", "수집 실패: " + r.message());
            } else {
                flash.addFlashAttribute("info", "수집 완료: 항목 " + r.items() + "건, 새 기사 " + r.ingested() + "건, 중복 "
                        + r.duplicates() + "건, 무관 " + r.irrelevant() + "건" + (r.message() == null ? "" : " (" + r.message() + ")"));
            }
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/monitoring/sources/" + id;
    }

    @PostMapping("/sources/{id}/enabled")
    @PreAuthorize(MonitoringPages.EDITORS)
    String toggle(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
        sources.setEnabled(id, enabled);
        flash.addFlashAttribute("info", enabled ? "수집을 다시 시작합니다." : "수집을 중지했습니다.");
        return "redirect:/staff/monitoring/sources/" + id;
    }

    @PostMapping("/import")
    @PreAuthorize(MonitoringPages.EDITORS)
    String importClippings(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes flash) {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("monitoring.import.empty", "가져올 파일을 고르세요.");
            }
            if (file.getSize() > MAX_IMPORT) {
                throw new DomainException("monitoring.import.size", "파일은 20MB까지 올릴 수 있습니다.");
            }
            ClippingImport.Parsed parsed = ClippingImport.parse(file.getBytes(), file.getOriginalFilename());
            ClippingImport.Report report = sources.importRows(parsed.rows(), parsed.errors());
            model.addAttribute("report", report);
            model.addAttribute("sources", sources.all());
            return "monitoring/sources";
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        } catch (IOException e) {
            flash.addFlashAttribute("error", "파일을 읽을 수 없습니다.");
        }
        return "redirect:/staff/monitoring/sources";
    }

    @GetMapping("/settings")
    String settings(Model model) {
        model.addAttribute("terms", terms.all());
        model.addAttribute("kinds", Terms.KINDS);
        model.addAttribute("duty", alerts.roster());
        model.addAttribute("alertThreshold", settings.alertThreshold());
        model.addAttribute("classifierThreshold", settings.classifierThreshold());
        model.addAttribute("digestTime", settings.digestTime());
        model.addAttribute("model", classifier.latestModel().orElse(null));
        model.addAttribute("labelCount", classifier.labelCount());
        model.addAttribute("labelsSinceModel", labels.labelsSinceModel());
        model.addAttribute("minLabels", Classifier.MIN_LABELS);
        model.addAttribute("backend", indexer.index().backend());
        model.addAttribute("indexSize", indexer.ready() ? indexer.index().size() : 0);
        model.addAttribute("backlog", indexer.backlog());
        return "monitoring/settings";
    }

    private String act(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("info", done);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staff/monitoring/settings";
    }

    @PostMapping("/settings/terms")
    @PreAuthorize(MonitoringPages.EDITORS)
    String addTerm(@RequestParam(required = false) String term, @RequestParam(defaultValue = "OTHER") String kind,
                   RedirectAttributes flash) {
        return act(flash, "검색어를 추가했습니다. 검색 색인을 새 사전으로 다시 만듭니다.", () -> terms.add(term, kind));
    }

    @PostMapping("/settings/terms/{id}/deactivate")
    @PreAuthorize(MonitoringPages.EDITORS)
    String deactivateTerm(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "검색어 사용을 중지했습니다.", () -> terms.deactivate(id));
    }

    @PostMapping("/settings/duty")
    @PreAuthorize(MonitoringPages.EDITORS)
    String duty(@RequestParam(required = false) String username, @RequestParam(required = false) String mobile,
                RedirectAttributes flash) {
        return act(flash, "당번을 지정했습니다.", () -> alerts.putOnDuty(username, mobile));
    }

    @PostMapping("/settings/duty/{id}/off")
    @PreAuthorize(MonitoringPages.EDITORS)
    String offDuty(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "당번을 해제했습니다.", () -> alerts.offDuty(id));
    }

    @PostMapping("/settings/duty/{id}/reveal")
    @PreAuthorize(MonitoringPages.EDITORS)
    String reveal(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "", () -> flash.addFlashAttribute("revealed", alerts.revealMobile(id)));
    }

    @PostMapping("/settings/thresholds")
    @PreAuthorize("hasAnyRole('DIRECTOR','ADMIN','PRESS')")
    String thresholds(@RequestParam(defaultValue = "0") int alertThreshold,
                      @RequestParam(defaultValue = "0") double classifierThreshold,
                      @RequestParam(required = false) String digestTime, RedirectAttributes flash) {
        return act(flash, "설정을 저장했습니다.", () -> settings.update(alertThreshold, classifierThreshold, digestTime));
    }

    @PostMapping("/settings/classifier")
    @PreAuthorize(MonitoringPages.EDITORS)
    String retrain(RedirectAttributes flash) {
        return act(flash, "논조 분류기를 다시 학습했습니다.", classifier::retrain);
    }

    @PostMapping("/settings/index")
    @PreAuthorize("hasAnyRole('ADMIN','PRESS')")
    String rebuild(RedirectAttributes flash) {
        return act(flash, "검색 색인을 데이터베이스에서 다시 만들고 있습니다.", indexer::rebuild);
    }
}
