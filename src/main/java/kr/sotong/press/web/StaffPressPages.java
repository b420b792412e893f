package kr.sotong.press.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.press.Contacts;
import kr.sotong.press.OutletKind;
import kr.sotong.press.PressContacts;
import kr.sotong.press.PressPlans;
import kr.sotong.press.PressRelations;
import kr.sotong.press.PressStatistics;
import kr.sotong.press.PressSubscriptions;
import kr.sotong.press.Relations;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.BudgetCategory;
import kr.sotong.workplan.Workplan;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff screens: press plan (calendar + iCalendar), contacts, relations and training, subscriptions, statistics. */
@Controller
class StaffPressPages {

    private final PressPlans plans;
    private final PressContacts contacts;
    private final PressRelations relations;
    private final PressSubscriptions subscriptions;
    private final PressStatistics statistics;
    private final Workplan workplan;
    private final StaffDirectory staff;
    private final MessageSource messages;

    StaffPressPages(PressPlans plans, PressContacts contacts, PressRelations relations, PressSubscriptions subscriptions,
                    PressStatistics statistics, Workplan workplan, StaffDirectory staff, MessageSource messages) {
        this.plans = plans;
        this.contacts = contacts;
        this.relations = relations;
        this.subscriptions = subscriptions;
        this.statistics = statistics;
        this.workplan = workplan;
        this.staff = staff;
        this.messages = messages;
    }

    private String act(RedirectAttributes redirect, String target, Map<String, String> form, String success, Runnable action) {
        return act(redirect, target, form, () -> {
            action.run();
            return success;
        });
    }

    /** Runs an edit whose success message depends on its result; a domain error keeps the typed form. */
    private String act(RedirectAttributes redirect, String target, Map<String, String> form,
                       java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("info", action.get());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.getMessage(),
                    LocaleContextHolder.getLocale()));
            if (form != null) {
                redirect.addFlashAttribute("form", form);
            }
        }
        return "redirect:" + target;
    }

    private int year(Integer y) {
        return y != null && y >= 2000 && y <= 2100 ? y : statistics.currentYear();
    }

    private boolean canEdit() {
        return staff.current().map(m -> m.hasRole("PRESS")).orElse(false);
    }

    // ---------- plan ----------

    @GetMapping("/staff/press/plan")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
    String plan(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("calendar", plans.calendar(y));
        model.addAttribute("canEdit", canEdit());
        staff.current().ifPresent(m -> model.addAttribute("icsPath",
                "/press-plan/" + m.username() + "/" + plans.calendarToken(m.username()) + "/" + y + ".ics"));
        return "press/plan";
    }

    @PostMapping("/staff/press/plan/derive")
    @PreAuthorize("hasRole('PRESS')")
    String derive(@RequestParam int year, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/plan?year=" + year, null,
                () -> "업무계획에서 기획형 보도자료 " + plans.deriveFromWorkplan(year) + "건을 계획에 넣었습니다.");
    }

    private static PressPlans.ItemInput planInput(Map<String, String> f) {
        return new PressPlans.ItemInput((int) Forms.number("월", f.get("month"), 1, 12), f.get("title"), f.get("issue"),
                Forms.date("주요 일자", f.get("keyDate")), f.get("owner"), f.get("status"), f.get("note"));
    }

    @PostMapping("/staff/press/plan")
    @PreAuthorize("hasRole('PRESS')")
    String addPlan(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        int y = (int) Forms.number("연도", form.getOrDefault("year", ""), 2000, 2100);
        return act(redirect, "/staff/press/plan?year=" + y, form, "계획에 추가했습니다.", () -> plans.add(y, planInput(form)));
    }

    @PostMapping("/staff/press/plan/{id}")
    @PreAuthorize("hasRole('PRESS')")
    String updatePlan(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        int y = plans.item(id).year();
        return act(redirect, "/staff/press/plan?year=" + y, form, "계획을 고쳤습니다.", () -> plans.update(id, planInput(form)));
    }

    @GetMapping(value = "/staff/press/plan.ics")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN')")
    ResponseEntity<String> ics(@RequestParam(required = false) Integer year) {
        return calendar(plans.icalendar(year(year)));
    }

    /** Calendar feed for staff calendar apps: the secret token in the URL stands in for a session. */
    @GetMapping("/press-plan/{username}/{token}/{year}.ics")
    ResponseEntity<String> icsFeed(@PathVariable String username, @PathVariable String token, @PathVariable int year) {
        if (!plans.calendarTokenValid(username, token) || year < 2000 || year > 2100) {
            return ResponseEntity.status(404).body("");
        }
        return calendar(plans.icalendar(year));
    }

    private static ResponseEntity<String> calendar(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=press-plan.ics").body(body);
    }

    // ---------- contacts ----------

    @GetMapping("/staff/press/contacts")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN')")
    String contacts(@RequestParam(required = false) Long outlet, @RequestParam(required = false) String list, Model model) {
        model.addAttribute("outlets", contacts.outlets());
        model.addAttribute("reporters", contacts.reporters(outlet, list == null || list.isBlank() ? null : list));
        model.addAttribute("lists", contacts.lists());
        model.addAttribute("kinds", OutletKind.values());
        model.addAttribute("outlet", outlet);
        model.addAttribute("list", list);
        model.addAttribute("canEdit", canEdit());
        return "press/contacts";
    }

    private static Contacts.OutletInput outletInput(Map<String, String> f) {
        return new Contacts.OutletInput(f.get("name"), Forms.choice("매체 구분", OutletKind.class, f.get("kind")),
                f.containsKey("localPress"), f.get("website"), f.get("phone"), f.get("address"), f.get("note"));
    }

    @PostMapping("/staff/press/contacts/outlets")
    @PreAuthorize("hasRole('PRESS')")
    String addOutlet(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts", form, "언론사를 등록했습니다.", () -> contacts.addOutlet(outletInput(form)));
    }

    @PostMapping("/staff/press/contacts/outlets/{id}")
    @PreAuthorize("hasRole('PRESS')")
    String updateOutlet(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts?outlet=" + id, form, "언론사 정보를 고쳤습니다.",
                () -> contacts.updateOutlet(id, outletInput(form), form.containsKey("active")));
    }

    private static Contacts.Input reporterInput(Map<String, String> f) {
        return new Contacts.Input(Forms.id("언론사", f.get("outletId")), f.get("name"), f.get("email"), f.get("phone"),
                f.get("beat"), f.containsKey("optIn"));
    }

    @PostMapping("/staff/press/contacts/reporters")
    @PreAuthorize("hasRole('PRESS')")
    String addReporter(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts", form, "기자를 등록했습니다.", () -> contacts.addReporter(reporterInput(form)));
    }

    @GetMapping("/staff/press/contacts/reporters/{id}")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN')")
    String reporter(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal, Model model) {
        model.addAttribute("r", contacts.reporter(id));
        model.addAttribute("history", contacts.history(id));
        model.addAttribute("memberOf", contacts.listsOf(id));
        model.addAttribute("lists", contacts.lists());
        model.addAttribute("outlets", contacts.outlets());
        model.addAttribute("canEdit", canEdit());
        if (reveal) {
            model.addAttribute("detail", contacts.reveal(id, "기자 상세 화면에서 연락처 보기"));
        }
        return "press/reporter";
    }

    @PostMapping("/staff/press/contacts/reporters/{id}")
    @PreAuthorize("hasRole('PRESS')")
    String updateReporter(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts/reporters/" + id, null, "기자 정보를 고쳤습니다.",
                () -> contacts.updateReporter(id, (int) Forms.number("버전", form.get("lockVersion"), 0, Integer.MAX_VALUE),
                        reporterInput(form), form.containsKey("active")));
    }

    @PostMapping("/staff/press/contacts/reporters/{id}/history")
    @PreAuthorize("hasRole('PRESS')")
    String history(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts/reporters/" + id, null, "접촉 이력을 남겼습니다.",
                () -> contacts.addHistory(id, form.get("kind"), form.get("note")));
    }

    @PostMapping("/staff/press/contacts/reporters/{id}/bounce")
    @PreAuthorize("hasRole('PRESS')")
    String bounce(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        boolean clear = form.containsKey("clear");
        return act(redirect, "/staff/press/contacts/reporters/" + id, null, clear ? "반송 표시를 풀었습니다." : "반송으로 표시했습니다.",
                () -> {
                    if (clear) {
                        contacts.clearBounce(id);
                    } else {
                        contacts.markBounced(id, form.get("reason"));
                    }
                });
    }

    @PostMapping("/staff/press/contacts/reporters/{id}/lists")
    @PreAuthorize("hasRole('PRESS')")
    String membership(@PathVariable long id, @RequestParam String list, @RequestParam(defaultValue = "true") boolean member,
                      RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts/reporters/" + id, null, "배포 목록을 고쳤습니다.",
                () -> contacts.setMembership(list, id, member));
    }

    @PostMapping("/staff/press/contacts/lists")
    @PreAuthorize("hasRole('PRESS')")
    String addList(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts", form, "배포 목록을 만들었습니다.",
                () -> contacts.addList(form.get("code"), form.get("name"), form.get("description")));
    }

    @PostMapping("/staff/press/contacts/import")
    @PreAuthorize("hasRole('PRESS')")
    String importPreview(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("press.import.no-file", "가져올 엑셀(XLSX) 파일을 고르세요.");
            }
            try (var in = file.getInputStream()) {
                model.addAttribute("preview", contacts.previewImport(in, file.getOriginalFilename()));
            }
            return "press/import-preview";
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.getMessage(),
                    LocaleContextHolder.getLocale()));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", "파일을 읽을 수 없습니다.");
        }
        return "redirect:/staff/press/contacts";
    }

    @PostMapping("/staff/press/contacts/import/confirm")
    @PreAuthorize("hasRole('PRESS')")
    String importConfirm(@RequestParam String fileKey, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/contacts", null, () -> "기자 " + contacts.confirmImport(fileKey) + "명을 가져왔습니다.");
    }

    @GetMapping("/staff/press/contacts/export.xlsx")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR')")
    ResponseEntity<byte[]> export() {
        return PublicPressPages.bytes(contacts.exportXlsx("기자 연락처 엑셀 내려받기"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "press-contacts.xlsx");
    }

    // ---------- relations ----------

    @GetMapping("/staff/press/relations")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
    String relations(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("placements", relations.placements(y));
        model.addAttribute("events", relations.events());
        model.addAttribute("trainings", relations.trainings(y));
        model.addAttribute("outlets", contactsOrEmpty());
        model.addAttribute("placementKinds", Relations.PlacementKind.values());
        model.addAttribute("eventKinds", Relations.EventKind.values());
        model.addAttribute("canEdit", canEdit());
        return "press/relations";
    }

    private List<Contacts.Outlet> contactsOrEmpty() {
        return canEdit() || staff.current().map(m -> m.hasAnyRole("DIRECTOR", "ADMIN")).orElse(false)
                ? contacts.outlets() : List.of();
    }

    @PostMapping("/staff/press/relations/placements")
    @PreAuthorize("hasRole('PRESS')")
    String addPlacement(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/relations", f, "기록했습니다.", () -> relations.addPlacement(
                Forms.choice("구분", Relations.PlacementKind.class, f.get("kind")), Forms.id("언론사", f.get("outletId")),
                Forms.date("게재일", f.get("placedOn")), f.get("topic"), f.get("resultUrl"), f.get("note")));
    }

    @PostMapping("/staff/press/relations/events")
    @PreAuthorize("hasRole('PRESS')")
    String addEvent(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/relations", f, "행사를 등록했습니다.", () -> relations.addEvent(
                Forms.choice("구분", Relations.EventKind.class, f.get("kind")), f.get("title"),
                Forms.dateTime("일시", f.get("startsAt")), f.get("place"), f.get("description")));
    }

    @GetMapping("/staff/press/relations/events/{id}")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
    String event(@PathVariable long id, Model model) {
        model.addAttribute("e", relations.event(id));
        model.addAttribute("invitations", relations.invitations(id));
        model.addAttribute("reporters", canEdit() ? contacts.reporters(null, null) : List.of());
        model.addAttribute("canEdit", canEdit());
        return "press/event";
    }

    @PostMapping("/staff/press/relations/events/{id}/invite")
    @PreAuthorize("hasRole('PRESS')")
    String invite(@PathVariable long id, @RequestParam(required = false) List<Long> reporterIds, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/relations/events/" + id, null, "초대 메일을 보냈습니다.",
                () -> relations.invite(id, reporterIds));
    }

    @PostMapping("/staff/press/relations/events/{id}/rsvp")
    @PreAuthorize("hasRole('PRESS')")
    String rsvp(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/relations/events/" + id, null, "회신을 기록했습니다.",
                () -> relations.respond(id, Forms.id("기자", f.get("reporterId")), f.getOrDefault("rsvp", "PENDING"),
                        f.containsKey("attended")));
    }

    @PostMapping("/staff/press/relations/trainings")
    @PreAuthorize("hasRole('PRESS')")
    String addTraining(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/relations", f, "교육을 등록했습니다.", () -> relations.addTraining(f.get("title"),
                Forms.date("교육일", f.get("heldOn")), f.get("audience"), f.get("lecturer"), f.get("place"), f.get("note")));
    }

    @GetMapping("/staff/press/relations/trainings/{id}")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
    String training(@PathVariable long id, Model model) {
        model.addAttribute("t", relations.training(id));
        model.addAttribute("attendees", relations.attendees(id));
        model.addAttribute("canEdit", canEdit());
        return "press/training";
    }

    @PostMapping("/staff/press/relations/trainings/{id}/attendees")
    @PreAuthorize("hasRole('PRESS')")
    String addAttendee(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/relations/trainings/" + id, null, "수강자를 기록했습니다.",
                () -> relations.addAttendee(id, f.get("name"), f.get("team"), Forms.optionalInt("만족도", f.get("rating"), 1, 5),
                        f.get("feedback")));
    }

    // ---------- subscriptions and notices ----------

    @GetMapping("/staff/press/subscriptions")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
    String subscriptions(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("subscriptions", subscriptions.subscriptions(y));
        model.addAttribute("notices", subscriptions.notices(y));
        model.addAttribute("totals", subscriptions.totals(y));
        model.addAttribute("outlets", contactsOrEmpty());
        model.addAttribute("localOutlets", contactsOrEmpty().stream().filter(Contacts.Outlet::localPress).toList());
        model.addAttribute("programs", workplan.programs());
        model.addAttribute("categories", BudgetCategory.values());
        model.addAttribute("canEdit", canEdit());
        return "press/subscriptions";
    }

    @PostMapping("/staff/press/subscriptions")
    @PreAuthorize("hasRole('PRESS')")
    String addSubscription(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/subscriptions", f, "구독을 등록했습니다.", () -> subscriptions.addSubscription(
                Forms.id("언론사", f.get("outletId")), (int) Forms.number("부수", f.get("copies"), 1, 10_000),
                Forms.date("시작일", f.get("startsOn")), Forms.date("종료일", f.get("endsOn")),
                Forms.number("금액(원)", f.get("costWon"), 0, 100_000_000_000L), Forms.date("갱신일", f.get("renewalOn")),
                f.get("programCode"), f.get("note")));
    }

    @PostMapping("/staff/press/notices")
    @PreAuthorize("hasRole('PRESS')")
    String addNotice(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/subscriptions", f, "공고·광고를 등록하고 업무계획 예산에 집행으로 기록했습니다.",
                () -> subscriptions.addNotice(Forms.id("언론사", f.get("outletId")), Forms.date("게재일", f.get("placedOn")),
                        f.get("topic"), f.get("sizeLabel"), Forms.number("금액(원)", f.get("costWon"), 1, 100_000_000_000L),
                        f.get("programCode"), Forms.choice("예산 구분", BudgetCategory.class, f.getOrDefault("category", "POLICY_PROGRAM")),
                        f.get("note")));
    }

    @PostMapping("/staff/press/notices/{id}/delete")
    @PreAuthorize("hasRole('PRESS')")
    String deleteNotice(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "/staff/press/subscriptions", null, "삭제하고 예산 집행 기록도 지웠습니다.",
                () -> subscriptions.deleteNotice(id));
    }

    // ---------- statistics ----------

    @GetMapping("/staff/press/stats")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
    String stats(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("s", statistics.stats(y));
        return "press/stats";
    }

}
