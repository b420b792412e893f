package kr.sotong.workplan.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.Amounts;
import kr.sotong.workplan.BudgetCategory;
import kr.sotong.workplan.FundingSource;
import kr.sotong.workplan.Program;
import kr.sotong.workplan.ProgramKind;
import kr.sotong.workplan.ProgramStatus;
import kr.sotong.workplan.Staffing;
import kr.sotong.workplan.Workplan;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff screens of the work plan: overview, organisation and staffing, budget, programs. */
@Controller
@RequestMapping("/staff/workplan")
class WorkplanPages {

    private final Workplan workplan;
    private final StaffDirectory staff;
    private final MessageSource messages;

    WorkplanPages(Workplan workplan, StaffDirectory staff, MessageSource messages) {
        this.workplan = workplan;
        this.staff = staff;
        this.messages = messages;
    }

    private String text(DomainException e) {
        return messages.getMessage(e.code(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    private boolean isAdmin() {
        return staff.current().map(m -> m.hasRole(Roles.ADMIN)).orElse(false);
    }

    /** Runs an edit; on a domain error keeps the form values and shows the Korean reason. */
    private String edit(RedirectAttributes redirect, String target, Map<String, String> form, String success,
                        Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", success);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:" + target;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("org", workplan.organization());
        workplan.currentPlanYear().ifPresent(y -> {
            model.addAttribute("budget", workplan.budget(y));
            model.addAttribute("burn", workplan.burn(y));
        });
        model.addAttribute("programs", workplan.programs());
        model.addAttribute("title", workplan.documentTitle().orElse("업무계획"));
        return "workplan/overview";
    }

    // ---------- organisation ----------

    @GetMapping("/organization")
    String organization(Model model) {
        var org = workplan.organization();
        model.addAttribute("org", org);
        Map<Integer, Staffing.GradeRow> byGrade = new java.util.HashMap<>();
        if (org.staffing() != null) {
            org.staffing().grades().forEach(g -> byGrade.put(g.grade(), g));
        }
        model.addAttribute("byGrade", byGrade);
        model.addAttribute("staffingDates", workplan.staffingDates());
        model.addAttribute("admin", isAdmin());
        model.addAttribute("grades", List.of(3, 4, 5, 6, 7, 8, 9));
        return "workplan/organization";
    }

    @PostMapping("/teams")
    String addTeam(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/organization", form, "팀을 추가했습니다.",
                () -> workplan.addTeam(form.get("code"), form.get("name"), FormValues.requiredDate("시작일", form.get("from")),
                        FormValues.lines(form.get("duties"))));
    }

    @PostMapping("/teams/{code}/rename")
    String rename(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/organization", form, "팀 이름을 바꿨습니다(이전 이름은 이력에 남습니다).",
                () -> workplan.renameTeam(code, form.get("name"), FormValues.requiredDate("변경일", form.get("from"))));
    }

    @PostMapping("/teams/{code}/duties")
    String duties(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/organization", form, "주요 업무를 저장했습니다.",
                () -> workplan.updateDuties(code, FormValues.lines(form.get("duties"))));
    }

    @PostMapping("/staffing")
    String staffing(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/organization", form, "인력 현황을 저장했습니다.", () -> {
            List<Staffing.GradeRow> rows = new ArrayList<>();
            for (int g = 3; g <= 9; g++) {
                int a = FormValues.integer(g + "급 정원", form.get("authorized" + g), 0, 10_000);
                int c = FormValues.integer(g + "급 현원", form.get("actual" + g), 0, 10_000);
                rows.add(new Staffing.GradeRow(g, a, c));
            }
            workplan.saveStaffing(FormValues.requiredDate("기준일", form.get("referenceDate")), rows);
        });
    }

    // ---------- budget ----------

    @GetMapping("/budget")
    String budget(@RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = workplan.budgetYears();
        Integer y = year != null ? year : years.isEmpty() ? null : years.get(0);
        model.addAttribute("years", years);
        model.addAttribute("year", y);
        if (y != null && years.contains(y)) {
            model.addAttribute("budget", workplan.budget(y));
            model.addAttribute("burn", workplan.burn(y));
            model.addAttribute("spending", workplan.spending(y));
        }
        model.addAttribute("admin", isAdmin());
        model.addAttribute("categories", BudgetCategory.values());
        model.addAttribute("sources", FundingSource.values());
        model.addAttribute("programs", workplan.programs());
        return "workplan/budget";
    }

    private Workplan.BudgetLineInput lineInput(Map<String, String> form) {
        return new Workplan.BudgetLineInput(FormValues.integer("회계연도", form.get("year"), 2000, 2100),
                form.get("basis"), FormValues.choice("예산 구분", BudgetCategory.class, form.get("category")),
                FormValues.choice("재원", FundingSource.class, form.get("source")), form.get("description"),
                form.get("programCode"), Amounts.parse("금액(천원)", form.get("amount")));
    }

    @PostMapping("/budget/lines")
    String addLine(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/budget?year=" + safeYear(form.get("year")), form, "예산 항목을 추가했습니다.",
                () -> workplan.addBudgetLine(lineInput(form)));
    }

    @PostMapping("/budget/lines/{id}")
    String updateLine(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/budget?year=" + safeYear(form.get("year")), form, "예산 항목을 저장했습니다.",
                () -> workplan.updateBudgetLine(id, lineInput(form)));
    }

    @PostMapping("/budget/lines/{id}/delete")
    String deleteLine(@PathVariable long id, @RequestParam(required = false) String year, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/budget?year=" + safeYear(year), Map.of(), "예산 항목을 삭제했습니다.",
                () -> workplan.deleteBudgetLine(id));
    }

    private static String safeYear(String y) {
        return y != null && y.matches("\\d{4}") ? y : "";
    }

    // ---------- programs ----------

    @GetMapping("/programs")
    String programs(Model model) {
        model.addAttribute("programs", workplan.programs());
        return "workplan/programs";
    }

    @GetMapping("/programs/{code}")
    String program(@PathVariable String code, Model model) {
        Program p = workplan.program(code);
        model.addAttribute("p", p);
        model.addAttribute("canEdit", workplan.canEdit(p));
        model.addAttribute("kinds", ProgramKind.values());
        model.addAttribute("statuses", ProgramStatus.values());
        model.addAttribute("sources", FundingSource.values());
        model.addAttribute("version", currentVersion(code));
        return "workplan/program";
    }

    private int currentVersion(String code) {
        return workplan.programVersion(code);
    }

    @PostMapping("/programs/{code}")
    String updateProgram(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/programs/" + code, form, "사업 정보를 저장했습니다.", () -> workplan.updateProgram(code,
                FormValues.integer("버전", form.get("version"), 0, Integer.MAX_VALUE),
                new Workplan.ProgramInput(form.get("title"), FormValues.choice("구분", ProgramKind.class, form.get("kind")),
                        FormValues.date("시작일", form.get("periodStart")), FormValues.date("종료일", form.get("periodEnd")),
                        FormValues.choice("진행 상태", ProgramStatus.class, form.get("status")),
                        FormValues.lines(form.get("necessity")), FormValues.lines(form.get("goals")),
                        FormValues.lines(form.get("contents")), FormValues.lines(form.get("achievements")),
                        FormValues.lines(form.get("issues")), FormValues.lines(form.get("expectedEffects")))));
    }

    private static Workplan.ActivityInput activityInput(Map<String, String> form) {
        return new Workplan.ActivityInput(form.get("group"), form.get("title"),
                FormValues.date("시작일", form.get("start")), FormValues.date("종료일", form.get("end")),
                form.get("periodLabel"), form.get("place"), form.get("content"),
                Amounts.parseOptional("예산(천원)", form.get("budget")));
    }

    @PostMapping("/programs/{code}/activities")
    String addActivity(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/programs/" + code + "#activities", form, "추진계획 항목을 추가했습니다.",
                () -> workplan.addActivity(code, activityInput(form)));
    }

    @GetMapping("/activities/{id}")
    String activity(@PathVariable long id, Model model) {
        Program.Activity a = workplan.activity(id).orElseThrow(() -> DomainException.notFound("추진계획 항목", id));
        Program p = workplan.program(a.programCode());
        model.addAttribute("a", a);
        model.addAttribute("p", p);
        model.addAttribute("canEdit", workplan.canEdit(p));
        return "workplan/activity";
    }

    @PostMapping("/activities/{id}")
    String updateActivity(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/activities/" + id, form, "추진계획 항목을 저장했습니다.",
                () -> workplan.updateActivity(id, activityInput(form)));
    }

    @PostMapping("/activities/{id}/delete")
    String deleteActivity(@PathVariable long id, RedirectAttributes redirect) {
        String code = workplan.activity(id).map(Program.Activity::programCode).orElse("");
        return edit(redirect, "/staff/workplan/programs/" + code + "#activities", Map.of(), "추진계획 항목을 삭제했습니다.",
                () -> workplan.deleteActivity(id));
    }

    private static Workplan.KpiInput kpiInput(Map<String, String> form) {
        return new Workplan.KpiInput(form.get("name"), form.get("unit"), FormValues.decimal("기준값", form.get("baseline")),
                form.get("baselineLabel"), FormValues.date("기준일", form.get("baselineDate")),
                FormValues.decimal("목표", form.get("target")), FormValues.decimal("실적", form.get("actual")),
                FormValues.date("실적 기준일", form.get("actualDate")), form.get("note"));
    }

    @PostMapping("/programs/{code}/kpis")
    String addKpi(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/programs/" + code + "#kpis", form, "성과지표를 추가했습니다.",
                () -> workplan.addKpi(code, kpiInput(form)));
    }

    @PostMapping("/kpis/{id}")
    String updateKpi(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String code = form.getOrDefault("programCode", "");
        return edit(redirect, "/staff/workplan/programs/" + code + "#kpis", form, "성과지표를 저장했습니다.",
                () -> workplan.updateKpi(id, kpiInput(form)));
    }

    @PostMapping("/kpis/{id}/delete")
    String deleteKpi(@PathVariable long id, @RequestParam(defaultValue = "") String programCode, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/programs/" + programCode + "#kpis", Map.of(), "성과지표를 삭제했습니다.",
                () -> workplan.deleteKpi(id));
    }

    @PostMapping("/programs/{code}/funding")
    String setFunding(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> kept = new LinkedHashMap<>(form);
        return edit(redirect, "/staff/workplan/programs/" + code + "#funding", kept, "연차별 소요재원을 저장했습니다.",
                () -> workplan.setFunding(code, FormValues.integer("연도", form.get("year"), 2000, 2100),
                        FormValues.choice("재원", FundingSource.class, form.get("source")),
                        Amounts.parse("금액(천원)", form.get("amount"))));
    }

    @PostMapping("/programs/{code}/funding/delete")
    String removeFunding(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return edit(redirect, "/staff/workplan/programs/" + code + "#funding", form, "연차별 소요재원을 삭제했습니다.",
                () -> workplan.removeFunding(code, FormValues.integer("연도", form.get("year"), 2000, 2100),
                        FormValues.choice("재원", FundingSource.class, form.get("source"))));
    }
}
