package kr.sotong.press.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.sotong.platform.FileStore;
import kr.sotong.press.PressContacts;
import kr.sotong.press.PressOffice;
import kr.sotong.press.PressPlans;
import kr.sotong.press.ReleaseDraft;
import kr.sotong.press.ReleaseFile;
import kr.sotong.press.ReleaseStatus;
import kr.sotong.press.ReleaseView;
import kr.sotong.press.WritingAssistant;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
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

/** Staff screens for releases: list, authoring with writing help, workflow, files, versions and diff, delivery log. */
@Controller
@RequestMapping("/staff/press")
@PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
class StaffReleasePages {

    private final PressOffice office;
    private final PressContacts contacts;
    private final PressPlans plans;
    private final WritingAssistant assistant;
    private final FileStore files;
    private final MessageSource messages;

    StaffReleasePages(PressOffice office, PressContacts contacts, PressPlans plans, WritingAssistant assistant,
                      FileStore files, MessageSource messages) {
        this.office = office;
        this.contacts = contacts;
        this.plans = plans;
        this.assistant = assistant;
        this.files = files;
        this.messages = messages;
    }

    String text(DomainException e) {
        return messages.getMessage(e.code(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    private String act(RedirectAttributes redirect, String target, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", success);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
        }
        return "redirect:" + target;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "1") int page, Model model) {
        ReleaseStatus st = status == null || status.isBlank() ? null : Forms.choice("상태", ReleaseStatus.class, status);
        int p = Math.max(1, page);
        List<kr.sotong.press.ReleaseSummary> rows = office.releases(year, st, 51, (p - 1) * 50);
        model.addAttribute("releases", rows.size() > 50 ? rows.subList(0, 50) : rows);
        model.addAttribute("hasNext", rows.size() > 50);
        model.addAttribute("page", p);
        model.addAttribute("year", year);
        model.addAttribute("status", st);
        model.addAttribute("statuses", ReleaseStatus.values());
        model.addAttribute("awaiting", office.awaitingApproval());
        model.addAttribute("canEdit", office.canEdit());
        model.addAttribute("pressTeam", office.canSeeEmbargoed());
        model.addAttribute("documents", office.canSeeEmbargoed() ? office.documents() : List.of());
        return "press/releases";
    }

    // ---------- authoring ----------

    private void formModel(Model model) {
        model.addAttribute("lists", office.canSeeEmbargoed() ? contacts.lists() : List.of());
        model.addAttribute("llmConfigured", assistant.llmConfigured());
    }

    @GetMapping("/releases/new")
    String newForm(@RequestParam(required = false) Long planItem, Model model) {
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("department", "소통담당관");
            form.put("body", "□ \nㅇ \n - \n※ ");
            if (planItem != null) {
                var item = plans.item(planItem);
                form.put("title", item.title().replaceFirst("^\\[[^]]+]\\s*", ""));
                form.put("planItemId", String.valueOf(item.id()));
            }
            model.addAttribute("form", form);
        }
        formModel(model);
        return "press/release-form";
    }

    static ReleaseDraft draft(Map<String, String> f) {
        return new ReleaseDraft(f.get("title"), f.get("subtitle"), f.get("body"), f.get("department"), f.get("responsible"),
                f.get("contactName"), f.get("contactPhone"), Forms.dateTime("배포 일시", f.get("distributeAt")),
                Forms.dateTime("보도 시점", f.get("embargoUntil")), Forms.codes(f.get("listCodes")),
                f.get("planItemId") == null || f.get("planItemId").isBlank() ? null : Forms.id("계획 항목", f.get("planItemId")),
                f.get("correctionNote"));
    }

    @PostMapping("/releases")
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            long id = office.create(draft(form));
            redirect.addFlashAttribute("info", "보도자료 초안을 저장했습니다.");
            return "redirect:/staff/press/releases/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
            redirect.addFlashAttribute("form", form);
            return "redirect:/staff/press/releases/new";
        }
    }

    @GetMapping("/releases/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ReleaseView v = office.release(id);
        if (!model.containsAttribute("form")) {
            ReleaseView.Revision r = v.current();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("title", r.title());
            form.put("subtitle", r.subtitle());
            form.put("body", r.body());
            form.put("department", r.department());
            form.put("responsible", r.responsible());
            form.put("contactName", r.contactName());
            form.put("contactPhone", r.contactPhone());
            form.put("distributeAt", Forms.local(r.distributeAt()));
            form.put("embargoUntil", Forms.local(r.embargoUntil()));
            form.put("listCodes", String.join(", ", v.listCodes()));
            form.put("planItemId", v.planItemId() == null ? "" : v.planItemId().toString());
            form.put("correctionNote", r.correctionNote());
            form.put("lockVersion", String.valueOf(v.lockVersion()));
            model.addAttribute("form", form);
        }
        model.addAttribute("r", v);
        formModel(model);
        return "press/release-form";
    }

    @PostMapping("/releases/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            office.update(id, (int) Forms.number("버전", form.get("lockVersion"), 0, Integer.MAX_VALUE), draft(form));
            redirect.addFlashAttribute("info", "저장했습니다.");
            return "redirect:/staff/press/releases/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
            redirect.addFlashAttribute("form", form);
            return "redirect:/staff/press/releases/" + id + "/edit";
        }
    }

    /** htmx: writing checks and the TextRank lead sentences for the text in the form. */
    @PostMapping("/assistant/check")
    String check(@RequestParam Map<String, String> form, Model model) {
        ReleaseDraft d;
        try {
            d = draft(form);
        } catch (DomainException e) {
            model.addAttribute("inputError", text(e));
            return "press/fragments :: assistant";
        }
        model.addAttribute("findings", assistant.check(d));
        model.addAttribute("summary", assistant.summary(d.body(), 3));
        return "press/fragments :: assistant";
    }

    @PostMapping("/assistant/draft")
    @PreAuthorize("hasRole('PRESS')")
    String llmDraft(@RequestParam(required = false) String notes, Model model) {
        try {
            model.addAttribute("llmDraft", assistant.draftWithLlm(notes));
        } catch (DomainException e) {
            model.addAttribute("llmError", text(e));
        }
        model.addAttribute("llmConfigured", assistant.llmConfigured());
        return "press/fragments :: llm";
    }

    // ---------- detail and workflow ----------

    @GetMapping("/releases/{id}")
    String detail(@PathVariable long id, Model model) {
        ReleaseView v = office.release(id);
        model.addAttribute("r", v);
        model.addAttribute("lines", BodyLines.of(v.current().body()));
        model.addAttribute("editions", office.editions(id));
        boolean team = office.canSeeEmbargoed();
        model.addAttribute("pressTeam", team);
        model.addAttribute("canEdit", office.canEdit());
        if (team) {
            model.addAttribute("files", office.files(id));
            model.addAttribute("comments", office.comments(id));
            model.addAttribute("revisions", office.revisions(id));
            model.addAttribute("distributions", office.distributions(id));
        }
        return "press/release";
    }

    @PostMapping("/releases/{id}/{action:submit|review|approve|reject|withdraw|distribute|correct|comment}")
    String transition(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String comment,
                      RedirectAttributes redirect) {
        String target = "/staff/press/releases/" + id;
        return switch (action) {
            case "submit" -> act(redirect, target, "팀장에게 검토를 요청했습니다.", () -> office.submit(id, comment));
            case "review" -> act(redirect, target, "검토를 마치고 과장 결재로 올렸습니다.", () -> office.review(id, comment));
            case "approve" -> act(redirect, target, "결재했습니다. 배포 일시에 자동으로 배포됩니다.", () -> office.approve(id, comment));
            case "reject" -> act(redirect, target, "반려했습니다.", () -> office.reject(id, comment));
            case "withdraw" -> act(redirect, target, "배포 예약을 취소했습니다.", () -> office.withdraw(id, comment));
            case "distribute" -> act(redirect, target, "배포했습니다.", () -> office.distributeNow(id));
            case "correct" -> act(redirect, target + "/edit", "정정 보도자료를 시작했습니다. 고친 뒤 다시 결재를 받으세요.",
                    () -> office.startCorrection(id, comment));
            default -> act(redirect, target, "의견을 남겼습니다.", () -> office.comment(id, comment));
        };
    }

    @PostMapping("/releases/{id}/files")
    String upload(@PathVariable long id, @RequestParam(defaultValue = "ATTACHMENT") String kind,
                  @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String caption,
                  RedirectAttributes redirect) {
        return act(redirect, "/staff/press/releases/" + id, "파일을 올렸습니다.", () -> {
            if (file == null || file.isEmpty()) {
                throw new DomainException("press.file.empty", "올릴 파일을 고르세요.");
            }
            try (var in = file.getInputStream()) {
                office.addFile(id, kind, in, file.getOriginalFilename(), caption);
            } catch (IOException e) {
                throw new DomainException("press.file.read", "파일을 읽을 수 없습니다.");
            }
        });
    }

    @PostMapping("/releases/{id}/files/{fileId}/delete")
    String removeFile(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/releases/" + id, "파일을 뺐습니다.", () -> office.removeFile(id, fileId));
    }

    @GetMapping("/releases/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) {
        ReleaseFile f = office.file(id, fileId);
        return PublicPressPages.download(files, f, f.photo());
    }

    @GetMapping("/releases/{id}/diff")
    String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("r", office.release(id));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("diff", office.diff(id, from, to));
        return "press/diff";
    }

    @GetMapping("/releases/{id}/release.hwpx")
    ResponseEntity<byte[]> hwpx(@PathVariable long id) {
        return PublicPressPages.bytes(office.hwpx(id), "application/hwp+zip", "보도자료_" + id + ".hwpx");
    }

    @GetMapping("/releases/{id}/release.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return PublicPressPages.bytes(office.pdf(id), "application/pdf", "보도자료_" + id + ".pdf");
    }

    // ---------- delivery log ----------

    @GetMapping("/distributions/{id}")
    String distribution(@PathVariable long id, Model model) {
        model.addAttribute("d", office.distribution(id));
        model.addAttribute("deliveries", office.deliveries(id));
        model.addAttribute("canEdit", office.canEdit());
        return "press/distribution";
    }

    @PostMapping("/distributions/{id}/bounce")
    String bounce(@PathVariable long id, @RequestParam String reporterId, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(redirect, "/staff/press/distributions/" + id, "반송으로 표시했습니다. 이 기자에게는 더 보내지 않습니다.",
                () -> contacts.markBounced(Forms.id("기자", reporterId), reason));
    }

    static <T> T orNull(Supplier<T> s) {
        try {
            return s.get();
        } catch (DomainException e) {
            return null;
        }
    }
}
