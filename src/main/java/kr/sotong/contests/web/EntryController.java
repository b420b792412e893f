package kr.sotong.contests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import kr.sotong.contests.core.Contest;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestStatus;
import kr.sotong.contests.core.ContestsProperties;
import kr.sotong.contests.core.Draft;
import kr.sotong.contests.core.EntryDesk;
import kr.sotong.contests.core.Upload;
import kr.sotong.contests.core.Uploads;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public, multi-step entry form ({@code /contests/{id}/enter}): 1 참가 자격, 2 응모자·휴대전화 인증, 3 작품,
 * 4 동의, 5 확인·제출. Every step is a plain HTML form (works without JavaScript); the file step uploads in chunks
 * with {@code upload.js} when scripts run, or as one multipart request when they do not.
 */
@Controller
class EntryController {

    enum Step {
        ELIGIBILITY("eligibility", "참가 자격"),
        ENTRANT("entrant", "응모자 정보·본인 확인"),
        WORK("work", "작품 올리기"),
        CONSENTS("consents", "동의"),
        REVIEW("review", "확인·제출");

        final String path;
        final String label;

        Step(String path, String label) {
            this.path = path;
            this.label = label;
        }

        public String path() {
            return path;
        }

        public String label() {
            return label;
        }

        public int number() {
            return ordinal() + 1;
        }
    }

    /** Which form field a domain error belongs to (aria-invalid and the error link). */
    private static final Map<String, String> FIELD = Map.ofEntries(
            Map.entry("contests.entry.basis", "basis"), Map.entry("contests.entry.not-eligible", "basis"),
            Map.entry("contests.entry.birth", "birthDate"), Map.entry("contests.entry.too-young", "birthDate"),
            Map.entry("contests.entry.name", "name"), Map.entry("contests.entry.phone", "phone"),
            Map.entry("contests.entry.limit", "phone"), Map.entry("contests.entry.email", "email"),
            Map.entry("contests.entry.guardian-name", "guardianName"),
            Map.entry("contests.entry.guardian-phone", "guardianPhone"),
            Map.entry("otp.wrong", "code"), Map.entry("otp.expired", "code"), Map.entry("otp.used", "code"),
            Map.entry("otp.too-many", "code"), Map.entry("otp.none", "code"),
            Map.entry("contests.entry.title", "title"), Map.entry("contests.entry.description", "description"),
            Map.entry("contests.entry.ai-service", "aiService"), Map.entry("contests.entry.ai-licence", "aiLicence"),
            Map.entry("contests.entry.lyrics", "lyrics"), Map.entry("contests.entry.rights", "rights"),
            Map.entry("contests.entry.file", "file"),
            Map.entry("contests.entry.consent-privacy", "consentPrivacy"),
            Map.entry("contests.entry.consent-usage", "consentUsage"),
            Map.entry("contests.entry.consent-guardian", "consentGuardian"));

    private final ContestCatalog catalog;
    private final EntryDesk desk;
    private final Uploads uploads;
    private final RateLimits limits;
    private final MessageSource messages;
    private final ContestsProperties properties;

    EntryController(ContestCatalog catalog, EntryDesk desk, Uploads uploads, RateLimits limits, MessageSource messages,
                    ContestsProperties properties) {
        this.catalog = catalog;
        this.desk = desk;
        this.uploads = uploads;
        this.limits = limits;
        this.messages = messages;
        this.properties = properties;
    }

    private Contest publicContest(long id) {
        Contest c = catalog.get(id);
        if (c.status() == ContestStatus.DRAFT) {
            throw DomainException.notFound("공모전", id);
        }
        return c;
    }

    private String page(Step step, Contest c, Draft d, Model model) {
        model.addAttribute("contest", c);
        model.addAttribute("step", step);
        model.addAttribute("steps", List.of(Step.values()));
        model.addAttribute("draft", d);
        model.addAttribute("guardianRequired", d != null && desk.guardianRequired(d));
        return "contests/enter-" + step.path;
    }

    private String fail(DomainException e, Model model) {
        model.addAttribute("error", WebSupport.text(messages, e));
        String field = FIELD.get(e.code());
        if (field == null && (e.code().startsWith("contests.media.") || e.code().startsWith("contests.upload.")
                || e.code().startsWith("file."))) {
            field = "file";
        }
        model.addAttribute("errorField", field);
        return null;
    }

    /** Puts what the resident typed back into the re-rendered form (name, value, name, value …). */
    private static void echo(Model model, Object... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            model.addAttribute((String) pairs[i], pairs[i + 1]);
        }
    }

    /** Redirect to the first step not yet done, or null when {@code step} may be shown. */
    private static String guard(Step step, Contest c, Draft d) {
        String base = "redirect:/contests/" + c.id() + "/enter";
        if (step.ordinal() > 0 && (d == null || !d.eligibilityDone())) {
            return base;
        }
        if (step.ordinal() > 1 && !d.entrantDone()) {
            return base + "/entrant";
        }
        if (step.ordinal() > 2 && !d.workDone()) {
            return base + "/work";
        }
        if (step.ordinal() > 3 && !d.consentsDone()) {
            return base + "/consents";
        }
        return null;
    }

    /** Runs a step's handler when the draft has reached the step; otherwise redirects to the first open step. */
    private String atStep(Step step, long id, HttpSession session, BiFunction<Contest, Draft, String> handler) {
        Contest c = publicContest(id);
        Draft d = current(session, id);
        String redirect = guard(step, c, d);
        return redirect != null ? redirect : handler.apply(c, d);
    }

    private Draft current(HttpSession session, long contestId) {
        return desk.find(DraftSession.draft(session, contestId), contestId).orElse(null);
    }

    // ---- step 1

    @GetMapping("/contests/{id:\\d+}/enter")
    String start(@PathVariable long id, HttpSession session, Model model) {
        Contest c = publicContest(id);
        model.addAttribute("accepting", catalog.acceptsEntriesNow(c));
        return page(Step.ELIGIBILITY, c, current(session, id), model);
    }

    @PostMapping("/contests/{id:\\d+}/enter/eligibility")
    String eligibility(@PathVariable long id, @RequestParam(required = false) String basis,
                       @RequestParam(required = false) String birthDate, HttpSession session, HttpServletRequest request,
                       Model model) {
        Contest c = publicContest(id);
        Draft d = current(session, id);
        try {
            if (d == null) {
                limits.acquire("contests.draft", WebSupport.client(request), properties.entriesPerHour(), Duration.ofHours(1));
                String draftId = desk.start(id);
                DraftSession.setDraft(session, id, draftId);
                d = desk.draft(draftId, id);
            }
            desk.saveEligibility(d.id(), id, basis, birthDate);
            return "redirect:/contests/" + id + "/enter/entrant";
        } catch (DomainException e) {
            fail(e, model);
            echo(model, "accepting", catalog.acceptsEntriesNow(c), "basis", basis, "birthDate", birthDate);
            return page(Step.ELIGIBILITY, c, d, model);
        }
    }

    // ---- step 2

    /** A step page as it stands, or a redirect to the first step not yet done. */
    private String show(Step step, long id, HttpSession session, Model model) {
        return atStep(step, id, session, (c, d) -> page(step, c, d, model));
    }

    @GetMapping("/contests/{id:\\d+}/enter/entrant")
    String entrant(@PathVariable long id, HttpSession session, Model model) {
        return show(Step.ENTRANT, id, session, model);
    }

    @PostMapping("/contests/{id:\\d+}/enter/entrant")
    String saveEntrant(@PathVariable long id, @RequestParam(required = false) String name,
                       @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                       @RequestParam(required = false) String guardianName,
                       @RequestParam(required = false) String guardianPhone, HttpSession session, Model model,
                       RedirectAttributes flash) {
        return atStep(Step.ENTRANT, id, session, (c, d) -> {
            try {
                desk.saveEntrant(d.id(), id, new EntryDesk.EntrantInput(name, phone, email, guardianName, guardianPhone));
                Draft saved = desk.draft(d.id(), id);
                if (saved.phoneVerified()) {
                    return "redirect:/contests/" + id + "/enter/work";
                }
                OneTimeCodes.Issued issued = desk.sendPhoneCode(d.id(), id);
                flash.addFlashAttribute("info", "인증번호를 " + issued.maskedDestination()
                        + "(으)로 보냈습니다. 10분 안에 입력하세요.");
                return "redirect:/contests/" + id + "/enter/entrant";
            } catch (DomainException e) {
                fail(e, model);
                echo(model, "name", name, "phone", phone, "email", email, "guardianName", guardianName,
                        "guardianPhone", guardianPhone);
                return page(Step.ENTRANT, c, desk.draft(d.id(), id), model);
            }
        });
    }

    @PostMapping("/contests/{id:\\d+}/enter/resend")
    String resend(@PathVariable long id, HttpSession session, Model model, RedirectAttributes flash) {
        return atStep(Step.ENTRANT, id, session, (c, d) -> {
            try {
                OneTimeCodes.Issued issued = desk.sendPhoneCode(d.id(), id);
                flash.addFlashAttribute("info", "인증번호를 " + issued.maskedDestination() + "(으)로 다시 보냈습니다.");
            } catch (DomainException e) {
                flash.addFlashAttribute("error", WebSupport.text(messages, e));
            }
            return "redirect:/contests/" + id + "/enter/entrant";
        });
    }

    @PostMapping("/contests/{id:\\d+}/enter/verify")
    String verify(@PathVariable long id, @RequestParam(required = false) String code, HttpSession session, Model model) {
        return atStep(Step.ENTRANT, id, session, (c, d) -> {
            try {
                desk.verifyPhoneCode(d.id(), id, code);
                return "redirect:/contests/" + id + "/enter/work";
            } catch (DomainException e) {
                fail(e, model);
                return page(Step.ENTRANT, c, desk.draft(d.id(), id), model);
            }
        });
    }

    // ---- step 3

    @GetMapping("/contests/{id:\\d+}/enter/work")
    String work(@PathVariable long id, HttpSession session, Model model) {
        return atStep(Step.WORK, id, session, (c, d) -> {
            workModel(d, model);
            return page(Step.WORK, c, d, model);
        });
    }

    private void workModel(Draft d, Model model) {
        Upload u = null;
        if (d.uploadId() != null) {
            try {
                u = uploads.get(d.uploadId(), d.id());
            } catch (DomainException ignored) {
                // upload expired
            }
        }
        model.addAttribute("upload", u != null && u.complete() ? u : null);
        model.addAttribute("uploadSummary", u != null && u.complete() ? UploadController.summary(u) : null);
        model.addAttribute("chunkSize", uploads.chunkSize());
        if (!model.containsAttribute("title")) {
            model.addAttribute("title", d.title());
            model.addAttribute("description", d.description());
            model.addAttribute("aiService", d.aiService());
            model.addAttribute("aiLicence", d.aiLicence());
            model.addAttribute("lyrics", d.lyrics());
            model.addAttribute("rights", d.rightsStatement());
        }
    }

    @PostMapping("/contests/{id:\\d+}/enter/work")
    String saveWork(@PathVariable long id, @RequestParam(required = false) String title,
                    @RequestParam(required = false) String description, @RequestParam(required = false) String aiService,
                    @RequestParam(required = false) String aiLicence, @RequestParam(required = false) String lyrics,
                    @RequestParam(required = false) String rights, @RequestParam(required = false) MultipartFile file,
                    HttpSession session, Model model) {
        return atStep(Step.WORK, id, session, (c, d) -> {
            try {
                if (file != null && !file.isEmpty()) {
                    try (InputStream in = file.getInputStream()) {
                        uploads.single(d.id(), id, file.getOriginalFilename(), file.getSize(), in);
                    } catch (IOException e) {
                        throw new DomainException("contests.upload.read",
                                "파일을 받는 중 오류가 났습니다. 다시 올려 주세요.");
                    }
                }
                desk.saveWork(d.id(), id, new EntryDesk.WorkInput(title, description, aiService, aiLicence, lyrics,
                        rights != null));
                return "redirect:/contests/" + id + "/enter/consents";
            } catch (DomainException e) {
                fail(e, model);
                echo(model, "title", title, "description", description, "aiService", aiService, "aiLicence", aiLicence,
                        "lyrics", lyrics, "rights", rights != null);
                Draft fresh = desk.draft(d.id(), id);
                workModel(fresh, model);
                return page(Step.WORK, c, fresh, model);
            }
        });
    }

    // ---- step 4

    @GetMapping("/contests/{id:\\d+}/enter/consents")
    String consents(@PathVariable long id, HttpSession session, Model model) {
        return show(Step.CONSENTS, id, session, model);
    }

    @PostMapping("/contests/{id:\\d+}/enter/consents")
    String saveConsents(@PathVariable long id, @RequestParam(required = false) String consentPrivacy,
                        @RequestParam(required = false) String consentUsage,
                        @RequestParam(required = false) String consentGuardian, HttpSession session, Model model) {
        return atStep(Step.CONSENTS, id, session, (c, d) -> {
            try {
                desk.saveConsents(d.id(), id, consentPrivacy != null, consentUsage != null, consentGuardian != null);
                return "redirect:/contests/" + id + "/enter/review";
            } catch (DomainException e) {
                fail(e, model);
                return page(Step.CONSENTS, c, d, model);
            }
        });
    }

    // ---- step 5

    @GetMapping("/contests/{id:\\d+}/enter/review")
    String review(@PathVariable long id, HttpSession session, Model model) {
        return atStep(Step.REVIEW, id, session, (c, d) -> reviewPage(c, d, model));
    }

    private String reviewPage(Contest c, Draft d, Model model) {
        EntryDesk.Review r = desk.review(d.id(), c.id());
        model.addAttribute("review", r);
        model.addAttribute("uploadSummary", r.upload() == null ? null : UploadController.summary(r.upload()));
        return page(Step.REVIEW, c, d, model);
    }

    @PostMapping("/contests/{id:\\d+}/enter/submit")
    String submit(@PathVariable long id, HttpSession session, Model model) {
        Contest c = publicContest(id);
        String draftId = DraftSession.draft(session, id);
        if (draftId == null && DraftSession.receipt(session, id) != null) {
            return "redirect:/contests/" + id + "/receipt"; // a second click on 제출
        }
        try {
            EntryDesk.Receipt receipt = desk.submit(draftId, id);
            DraftSession.clearDraft(session, id);
            DraftSession.setReceipt(session, id, receipt.receiptNo());
            return "redirect:/contests/" + id + "/receipt";
        } catch (DomainException e) {
            if (DraftSession.receipt(session, id) != null && "contests.draft.missing".equals(e.code())) {
                return "redirect:/contests/" + id + "/receipt";
            }
            fail(e, model);
            Draft d = current(session, id);
            if (d == null) {
                model.addAttribute("accepting", catalog.acceptsEntriesNow(c));
                return page(Step.ELIGIBILITY, c, null, model);
            }
            return reviewPage(c, d, model);
        }
    }

    @GetMapping("/contests/{id:\\d+}/receipt")
    String receipt(@PathVariable long id, HttpSession session, Model model) {
        Contest c = publicContest(id);
        String receipt = DraftSession.receipt(session, id);
        if (receipt == null) {
            return "redirect:/contests/" + id;
        }
        model.addAttribute("contest", c);
        model.addAttribute("receiptNo", receipt);
        return "contests/receipt";
    }
}
