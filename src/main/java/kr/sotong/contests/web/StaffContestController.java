package kr.sotong.contests.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.contests.UsageType;
import kr.sotong.contests.core.Awards;
import kr.sotong.contests.core.Contest;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestDefinition;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.contests.core.Eligibility;
import kr.sotong.contests.core.Judging;
import kr.sotong.contests.core.Prize;
import kr.sotong.contests.core.Ranking;
import kr.sotong.contests.core.StaffEntries;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 홍보미디어팀 pages for contests: definitions, prizes within budget, criteria, panels and judges, entries
 * (masked; unmasking is access-logged), judging progress and ranking, awards, announcement, usage records and
 * the export for prize payment. Staff who judge a contest cannot open its identity-bearing pages.
 */
@Controller
@RequestMapping("/staff/contests")
@PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR')")
class StaffContestController {

    private static final String EDIT = "hasAnyRole('PR_MEDIA','ADMIN')";

    private final ContestCatalog catalog;
    private final StaffEntries staffEntries;
    private final Judging judging;
    private final Awards awards;
    private final StaffDirectory staff;
    private final FileStore files;
    private final MessageSource messages;

    StaffContestController(ContestCatalog catalog, StaffEntries staffEntries, Judging judging, Awards awards,
                           StaffDirectory staff, FileStore files, MessageSource messages) {
        this.catalog = catalog;
        this.staffEntries = staffEntries;
        this.judging = judging;
        this.awards = awards;
        this.staff = staff;
        this.files = files;
        this.messages = messages;
    }

    private String back(long id, String tail, RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("info", done);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", WebSupport.text(messages, e));
        }
        return "redirect:/staff/contests/" + id + tail;
    }

    @ModelAttribute("canEdit")
    boolean canEdit() {
        return staff.current().map(m -> m.hasAnyRole("PR_MEDIA", "ADMIN")).orElse(false);
    }

    @ModelAttribute("kinds")
    ContestKind[] kinds() {
        return ContestKind.values();
    }

    @ModelAttribute("formatsAll")
    MediaFormat[] formatsAll() {
        return MediaFormat.values();
    }

    @ModelAttribute("eligibilities")
    Eligibility[] eligibilities() {
        return Eligibility.values();
    }

    @ModelAttribute("usageTypes")
    UsageType[] usageTypes() {
        return UsageType.values();
    }

    public record ListRow(Contest contest, long entries) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", catalog.all().stream().map(c -> new ListRow(c, catalog.entryCount(c.id()))).toList());
        return "contests/staff/list";
    }

    @GetMapping("/new")
    @PreAuthorize(EDIT)
    String newForm(@RequestParam(defaultValue = "PHOTO") String kind, Model model) {
        ContestKind k;
        try {
            k = ContestKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            k = ContestKind.PHOTO;
        }
        model.addAttribute("form", ContestForm.of(ContestDefinition.defaults(k, "")));
        model.addAttribute("contest", null);
        return "contests/staff/form";
    }

    @PostMapping
    @PreAuthorize(EDIT)
    String create(@ModelAttribute("form") ContestForm form, Model model, RedirectAttributes flash) {
        try {
            long id = catalog.create(form.toDefinition());
            flash.addFlashAttribute("info", "공모전을 등록했습니다. 시상·심사 기준·심사위원을 정한 뒤 공고하세요.");
            return "redirect:/staff/contests/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", WebSupport.text(messages, e));
            model.addAttribute("contest", null);
            return "contests/staff/form";
        }
    }

    @GetMapping("/{id:\\d+}/edit")
    @PreAuthorize(EDIT)
    String edit(@PathVariable long id, Model model) {
        Contest c = catalog.get(id);
        model.addAttribute("contest", c);
        model.addAttribute("form", ContestForm.of(c.def()));
        return "contests/staff/form";
    }

    @PostMapping("/{id:\\d+}")
    @PreAuthorize(EDIT)
    String update(@PathVariable long id, @ModelAttribute("form") ContestForm form, Model model, RedirectAttributes flash) {
        try {
            catalog.update(id, form.toDefinition());
            flash.addFlashAttribute("info", "저장했습니다.");
            return "redirect:/staff/contests/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", WebSupport.text(messages, e));
            model.addAttribute("contest", catalog.get(id));
            return "contests/staff/form";
        }
    }

    @GetMapping("/{id:\\d+}")
    String overview(@PathVariable long id, Model model) {
        Contest c = catalog.get(id);
        List<Prize> prizes = catalog.prizes(id);
        model.addAttribute("contest", c);
        model.addAttribute("prizes", prizes);
        model.addAttribute("prizeTotal", prizes.stream().mapToLong(Prize::totalWon).sum());
        model.addAttribute("criteria", catalog.criteria(id));
        model.addAttribute("weightSum", catalog.criteria(id).stream().mapToInt(x -> x.weight()).sum());
        model.addAttribute("panels", catalog.panels(id));
        model.addAttribute("accounts", staff.all().stream().filter(StaffMember::enabled).toList());
        model.addAttribute("entryCount", catalog.entryCount(id));
        model.addAttribute("accepting", catalog.acceptsEntriesNow(c));
        model.addAttribute("iJudge", judging.isJudge(id, staff.requireCurrent().id()));
        return "contests/staff/overview";
    }

    @PostMapping("/{id:\\d+}/publish")
    @PreAuthorize(EDIT)
    String publish(@PathVariable long id, RedirectAttributes flash) {
        return back(id, "", flash, () -> catalog.publish(id), "공고했습니다. 접수 기간에 누리집에서 응모를 받습니다.");
    }

    @PostMapping("/{id:\\d+}/unpublish")
    @PreAuthorize(EDIT)
    String unpublish(@PathVariable long id, RedirectAttributes flash) {
        return back(id, "", flash, () -> catalog.unpublish(id), "공고를 취소했습니다.");
    }

    @PostMapping("/{id:\\d+}/prizes")
    @PreAuthorize(EDIT)
    String addPrize(@PathVariable long id, @RequestParam(defaultValue = "0") int rank, @RequestParam String name,
                    @RequestParam(defaultValue = "1") int winners, @RequestParam(defaultValue = "0") String amount,
                    @RequestParam(required = false) String goods, RedirectAttributes flash) {
        return back(id, "#prizes", flash, () -> catalog.addPrize(id, rank, name, winners, ContestForm.won(amount), goods),
                "상을 추가했습니다.");
    }

    @PostMapping("/{id:\\d+}/prizes/{prizeId:\\d+}/delete")
    @PreAuthorize(EDIT)
    String removePrize(@PathVariable long id, @PathVariable long prizeId, RedirectAttributes flash) {
        return back(id, "#prizes", flash, () -> catalog.removePrize(id, prizeId), "상을 지웠습니다.");
    }

    @PostMapping("/{id:\\d+}/criteria")
    @PreAuthorize(EDIT)
    String addCriterion(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String description,
                        @RequestParam(defaultValue = "0") int weight, RedirectAttributes flash) {
        return back(id, "#criteria", flash, () -> catalog.addCriterion(id, name, description, weight), "심사 기준을 추가했습니다.");
    }

    @PostMapping("/{id:\\d+}/criteria/{criterionId:\\d+}/delete")
    @PreAuthorize(EDIT)
    String removeCriterion(@PathVariable long id, @PathVariable long criterionId, RedirectAttributes flash) {
        return back(id, "#criteria", flash, () -> catalog.removeCriterion(id, criterionId), "심사 기준을 지웠습니다.");
    }

    @PostMapping("/{id:\\d+}/panels")
    @PreAuthorize(EDIT)
    String addPanel(@PathVariable long id, @RequestParam String name, RedirectAttributes flash) {
        return back(id, "#panels", flash, () -> catalog.addPanel(id, name), "심사위원단을 만들었습니다.");
    }

    @PostMapping("/{id:\\d+}/judges")
    @PreAuthorize(EDIT)
    String addJudge(@PathVariable long id, @RequestParam long panelId, @RequestParam long accountId,
                    RedirectAttributes flash) {
        return back(id, "#panels", flash, () -> catalog.addJudge(id, panelId, accountId), "심사위원을 배정했습니다.");
    }

    @PostMapping("/{id:\\d+}/judges/{judgeId:\\d+}/delete")
    @PreAuthorize(EDIT)
    String removeJudge(@PathVariable long id, @PathVariable long judgeId, RedirectAttributes flash) {
        return back(id, "#panels", flash, () -> catalog.removeJudge(id, judgeId), "심사위원 배정을 취소했습니다.");
    }

    // ---- entries (identity: never for this contest's judges)

    @GetMapping("/{id:\\d+}/entries")
    String entries(@PathVariable long id, Model model) {
        Contest c = catalog.get(id);
        model.addAttribute("contest", c);
        model.addAttribute("rows", staffEntries.list(id, staff.requireCurrent()));
        return "contests/staff/entries";
    }

    @GetMapping("/{id:\\d+}/entries/{entryId:\\d+}")
    String entry(@PathVariable long id, @PathVariable long entryId, Model model) {
        model.addAttribute("contest", catalog.get(id));
        model.addAttribute("detail", staffEntries.detail(id, entryId, staff.requireCurrent()));
        model.addAttribute("usages", awards.of(entryId));
        return "contests/staff/entry";
    }

    @PostMapping("/{id:\\d+}/entries/{entryId:\\d+}/reveal")
    String reveal(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String purpose,
                  Model model) {
        StaffMember me = staff.requireCurrent();
        model.addAttribute("contest", catalog.get(id));
        model.addAttribute("detail", staffEntries.detail(id, entryId, me));
        model.addAttribute("usages", awards.of(entryId));
        try {
            model.addAttribute("personal", staffEntries.reveal(id, entryId, me, purpose));
        } catch (DomainException e) {
            model.addAttribute("error", WebSupport.text(messages, e));
        }
        return "contests/staff/entry";
    }

    @PostMapping("/{id:\\d+}/entries/{entryId:\\d+}/disqualify")
    @PreAuthorize(EDIT)
    String disqualify(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String reason,
                      RedirectAttributes flash) {
        return back(id, "/entries/" + entryId, flash, () -> staffEntries.disqualify(id, entryId, reason), "심사에서 제외했습니다.");
    }

    @PostMapping("/{id:\\d+}/entries/{entryId:\\d+}/reinstate")
    @PreAuthorize(EDIT)
    String reinstate(@PathVariable long id, @PathVariable long entryId, RedirectAttributes flash) {
        return back(id, "/entries/" + entryId, flash, () -> staffEntries.reinstate(id, entryId), "제외를 취소했습니다.");
    }

    @GetMapping("/{id:\\d+}/entries/{entryId:\\d+}/original")
    ResponseEntity<Resource> original(@PathVariable long id, @PathVariable long entryId) {
        String[] f = staffEntries.original(id, entryId, staff.requireCurrent());
        return WebSupport.media(files, f[0], f[1], f[2], false);
    }

    @GetMapping("/{id:\\d+}/entries/{entryId:\\d+}/preview")
    ResponseEntity<Resource> preview(@PathVariable long id, @PathVariable long entryId) {
        String[] f = staffEntries.publicCopy(id, entryId, staff.requireCurrent());
        return WebSupport.media(files, f[0], f[1], null, false);
    }

    // ---- judging

    @PostMapping("/{id:\\d+}/judging/start")
    @PreAuthorize(EDIT)
    String startJudging(@PathVariable long id, RedirectAttributes flash) {
        return back(id, "/judging", flash, () -> judging.start(id), "심사를 시작했습니다. 심사위원에게 '공모전 심사' 메뉴를 안내하세요.");
    }

    public record RankRow(Ranking.Row row, StaffEntries.Row entry) {
    }

    /** Entries by id (refused to the contest's judges) and the ranking joined to them. */
    private Map<Long, StaffEntries.Row> entryRows(long id, Model model) {
        StaffMember me = staff.requireCurrent();
        staffEntries.requireNotJudge(id, me);
        Map<Long, StaffEntries.Row> rows = staffEntries.list(id, me).stream()
                .collect(Collectors.toMap(StaffEntries.Row::id, Function.identity()));
        model.addAttribute("contest", catalog.get(id));
        model.addAttribute("ranking", judging.ranking(id).stream().map(r -> new RankRow(r, rows.get(r.entryId()))).toList());
        return rows;
    }

    @GetMapping("/{id:\\d+}/judging")
    String judgingPage(@PathVariable long id, Model model) {
        Map<Long, StaffEntries.Row> rows = entryRows(id, model);
        model.addAttribute("criteria", catalog.criteria(id));
        model.addAttribute("panels", catalog.panels(id));
        model.addAttribute("progress", judging.progress(id));
        Map<Long, String> judgeNames = new HashMap<>();
        catalog.panels(id).forEach(p -> p.judges().forEach(j -> judgeNames.put(j.id(), j.displayName())));
        model.addAttribute("judgeNames", judgeNames);
        model.addAttribute("entriesById", rows);
        model.addAttribute("recusals", judging.recusals(id));
        model.addAttribute("activeEntries", rows.values().stream().filter(r -> r.status().name().equals("SUBMITTED")).toList());
        return "contests/staff/judging";
    }

    @PostMapping("/{id:\\d+}/judging/exclude")
    @PreAuthorize(EDIT)
    String exclude(@PathVariable long id, @RequestParam long judgeId, @RequestParam long entryId,
                   @RequestParam(required = false) String reason, RedirectAttributes flash) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        return back(id, "/judging", flash, () -> judging.exclude(id, judgeId, entryId, reason),
                "해당 심사위원을 그 작품의 심사에서 제외했습니다(점수 삭제).");
    }

    @PostMapping("/{id:\\d+}/judging/move")
    @PreAuthorize(EDIT)
    String move(@PathVariable long id, @RequestParam long entryId, @RequestParam long panelId, RedirectAttributes flash) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        return back(id, "/judging", flash, () -> judging.movePanel(id, entryId, panelId), "심사위원단을 바꿨습니다.");
    }

    // ---- awards

    @GetMapping("/{id:\\d+}/awards")
    String awardsPage(@PathVariable long id, Model model) {
        entryRows(id, model);
        model.addAttribute("prizes", catalog.prizes(id));
        model.addAttribute("awards", awards.awards(id));
        model.addAttribute("awardedTotal", awards.awardedTotal(id));
        return "contests/staff/awards";
    }

    @PostMapping("/{id:\\d+}/awards/propose")
    @PreAuthorize(EDIT)
    String propose(@PathVariable long id, RedirectAttributes flash) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        return back(id, "/awards", flash, () -> awards.propose(id), "순위에 따라 수상작을 제안했습니다. 확인 뒤 확정하세요.");
    }

    @PostMapping("/{id:\\d+}/awards")
    @PreAuthorize(EDIT)
    String assign(@PathVariable long id, @RequestParam long entryId, @RequestParam long prizeId, RedirectAttributes flash) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        return back(id, "/awards", flash, () -> awards.assign(id, entryId, prizeId), "수상작을 정했습니다.");
    }

    @PostMapping("/{id:\\d+}/awards/{entryId:\\d+}/revoke")
    @PreAuthorize(EDIT)
    String revoke(@PathVariable long id, @PathVariable long entryId, RedirectAttributes flash) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        return back(id, "/awards", flash, () -> awards.revoke(id, entryId), "수상 결정을 취소했습니다.");
    }

    @PostMapping("/{id:\\d+}/awards/confirm")
    @PreAuthorize(EDIT)
    String confirm(@PathVariable long id, RedirectAttributes flash) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        return back(id, "/awards", flash, () -> awards.confirm(id), "시상을 확정했습니다. 결과를 발표할 수 있습니다.");
    }

    @PostMapping("/{id:\\d+}/awards/reopen")
    @PreAuthorize(EDIT)
    String reopen(@PathVariable long id, RedirectAttributes flash) {
        return back(id, "/awards", flash, () -> awards.reopen(id), "시상 확정을 취소했습니다.");
    }

    @PostMapping("/{id:\\d+}/announce")
    @PreAuthorize(EDIT)
    String announce(@PathVariable long id, @RequestParam(required = false) String announcement, RedirectAttributes flash) {
        return back(id, "/results", flash, () -> awards.announce(id, announcement), "결과를 발표했습니다. 누리집 갤러리에 공개되었습니다.");
    }

    // ---- results: usage of winning works, export for payment

    @GetMapping("/{id:\\d+}/results")
    String resultsPage(@PathVariable long id, Model model) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        model.addAttribute("contest", catalog.get(id));
        model.addAttribute("awards", awards.awards(id));
        model.addAttribute("usages", awards.usagesOfContest(id));
        model.addAttribute("today", LocalDate.now(ContestForm.SEOUL));
        return "contests/staff/results";
    }

    @PostMapping("/{id:\\d+}/usages")
    @PreAuthorize(EDIT)
    String addUsage(@PathVariable long id, @RequestParam long entryId, @RequestParam String type,
                    @RequestParam(required = false) String usedOn, @RequestParam(required = false) String note,
                    @RequestParam(required = false) String link, RedirectAttributes flash) {
        return back(id, "/results", flash, () -> {
            UsageType t;
            try {
                t = UsageType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new DomainException("contests.usage.type", "활용 유형을 고르세요.");
            }
            LocalDate on;
            try {
                on = usedOn == null || usedOn.isBlank() ? null : LocalDate.parse(usedOn.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new DomainException("contests.usage.date", "날짜 형식이 올바르지 않습니다(예: 2025-11-03).");
            }
            if (awards.awards(id).stream().noneMatch(a -> a.entryId() == entryId)) {
                throw new DomainException("contests.usage.not-winner", "이 공모전의 수상작만 기록할 수 있습니다.");
            }
            awards.record(entryId, t, on, note, link);
        }, "활용 기록을 남겼습니다.");
    }

    @PostMapping("/{id:\\d+}/usages/{usageId:\\d+}/delete")
    @PreAuthorize(EDIT)
    String deleteUsage(@PathVariable long id, @PathVariable long usageId, RedirectAttributes flash) {
        return back(id, "/results", flash, () -> awards.deleteUsage(id, usageId), "활용 기록을 지웠습니다.");
    }

    @GetMapping("/{id:\\d+}/export.xlsx")
    @PreAuthorize(EDIT)
    ResponseEntity<byte[]> export(@PathVariable long id) {
        staffEntries.requireNotJudge(id, staff.requireCurrent());
        byte[] xlsx = awards.exportForPayment(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("contest-" + id + "-prize-payment.xlsx").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(xlsx);
    }
}
