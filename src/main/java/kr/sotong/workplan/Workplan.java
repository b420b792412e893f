package kr.sotong.workplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.WorkplanRepository.ProgramRow;
import kr.sotong.workplan.WorkplanRepository.TextSection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work plan's use cases: reading the organisation, budget and programs (for every module and the
 * dashboard), editing them (ADMIN edits organisation, staffing and budget; each team edits its own
 * programs; DIRECTOR reads everything), and recording spending against the budget.
 */
@Service
@Transactional(readOnly = true)
public class Workplan {

    static final int MAX_TEXT = 2000;

    private final WorkplanRepository repo;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    Workplan(WorkplanRepository repo, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    // =============== reading ===============

    /** The organisation as of today. */
    public Organization organization() {
        return organization(LocalDate.now(clock));
    }

    public Organization organization(LocalDate asOf) {
        var dept = repo.department();
        var names = repo.teamNames();
        var duties = repo.duties();
        List<Organization.Team> teams = new ArrayList<>();
        for (var t : repo.teams()) {
            List<Organization.TeamName> history = names.getOrDefault(t.id(), List.of());
            Optional<Organization.TeamName> current = nameOn(history, asOf);
            String name = current.map(Organization.TeamName::name)
                    .orElseGet(() -> history.isEmpty() ? t.code() : history.get(history.size() - 1).name());
            teams.add(new Organization.Team(t.id(), t.code(), name, current.isPresent(), List.copyOf(history),
                    List.copyOf(duties.getOrDefault(t.id(), List.of())), t.sortOrder()));
        }
        return new Organization(dept.map(WorkplanRepository.DepartmentRow::name).orElse("소통담당관"),
                dept.map(WorkplanRepository.DepartmentRow::organization).orElse(""), asOf, teams,
                staffing().orElse(null));
    }

    /** Title and date of the plan document the data came from (for report headers). */
    public Optional<String> documentTitle() {
        return repo.department().map(WorkplanRepository.DepartmentRow::documentTitle);
    }

    private static Optional<Organization.TeamName> nameOn(List<Organization.TeamName> history, LocalDate day) {
        return history.stream().filter(n -> !n.validFrom().isAfter(day) && (n.validTo() == null || !n.validTo().isBefore(day)))
                .reduce((a, b) -> b);
    }

    /** Team name by code as of today (the code itself when unknown). */
    public String teamName(String code) {
        return organization().teams().stream().filter(t -> t.code().equals(code)).map(Organization.Team::name)
                .findFirst().orElse(code);
    }

    /** The latest staffing table. */
    public Optional<Staffing> staffing() {
        return repo.latestStaffingDate().map(d -> new Staffing(d, repo.staffing(d)));
    }

    public Optional<Staffing> staffing(LocalDate referenceDate) {
        List<Staffing.GradeRow> rows = repo.staffing(referenceDate);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Staffing(referenceDate, rows));
    }

    public List<LocalDate> staffingDates() {
        return repo.staffingDates();
    }

    /** Fiscal years with budget lines, newest first. */
    public List<Integer> budgetYears() {
        return repo.budgetYears();
    }

    /** The newest fiscal year with budget data (the plan year on the dashboard). */
    public Optional<Integer> currentPlanYear() {
        return repo.budgetYears().stream().findFirst();
    }

    public BudgetReport budget(int year) {
        Map<BudgetCategory, Long> now = repo.totalsByCategory(year);
        Integer prevYear = repo.budgetYears().contains(year - 1) ? year - 1 : null;
        Map<BudgetCategory, Long> prev = prevYear == null ? Map.of() : repo.totalsByCategory(prevYear);
        List<BudgetReport.CategoryRow> rows = new ArrayList<>();
        long total = 0;
        long prevTotal = 0;
        for (BudgetCategory c : BudgetCategory.values()) {
            long amount = now.getOrDefault(c, 0L);
            total += amount;
            if (prevYear != null) {
                long p = prev.getOrDefault(c, 0L);
                prevTotal += p;
                Change ch = Change.between(p, amount);
                rows.add(new BudgetReport.CategoryRow(c, amount, p, ch.amount(), ch.rate()));
            } else {
                rows.add(new BudgetReport.CategoryRow(c, amount, null, null, null));
            }
        }
        BudgetReport.CategoryRow totalRow;
        if (prevYear != null) {
            Change ch = Change.between(prevTotal, total);
            totalRow = new BudgetReport.CategoryRow(null, total, prevTotal, ch.amount(), ch.rate());
        } else {
            totalRow = new BudgetReport.CategoryRow(null, total, null, null, null);
        }
        Map<String, Long> programAmounts = repo.programFundingForYear(year);
        List<BudgetReport.ProgramBudget> programs = repo.programs().stream()
                .filter(p -> programAmounts.containsKey(p.code()))
                .map(p -> new BudgetReport.ProgramBudget(p.code(), p.title(), programAmounts.get(p.code()))).toList();
        return new BudgetReport(year, repo.basis(year).orElse(null), prevYear,
                prevYear == null ? null : repo.basis(prevYear).orElse(null), rows, totalRow, repo.budgetLines(year), programs);
    }

    /** Spending recorded against a year's budget. */
    public BudgetBurn burn(int year) {
        long budget = repo.totalsByCategory(year).values().stream().mapToLong(Long::longValue).sum();
        long spent = repo.spentWon(year);
        String rate = budget == 0 ? "-" : BigDecimal.valueOf(spent).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(budget * 1000), 1, RoundingMode.HALF_UP).toPlainString();
        return new BudgetBurn(year, budget, spent, rate);
    }

    public List<SpendingRecord> spending(int year) {
        return repo.spending(year);
    }

    public List<Program> programs() {
        var texts = repo.texts();
        var funding = repo.funding();
        var activities = repo.activities();
        var kpis = repo.kpis();
        Map<String, String> teamNames = new java.util.HashMap<>();
        organization().teams().forEach(t -> teamNames.put(t.code(), t.name()));
        return repo.programs().stream().map(p -> assemble(p, texts, funding, activities, kpis, teamNames)).toList();
    }

    public Program program(String code) {
        return programs().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> DomainException.notFound("주요사업", code));
    }

    public Program program(long id) {
        return programs().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("주요사업", id));
    }

    /** Every activity with a period overlapping the year (for the press plan's 기획형 보도자료). */
    public List<Program.Activity> activities(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return repo.activities().stream()
                .filter(a -> a.start() != null && !a.start().isAfter(to) && (a.end() == null || !a.end().isBefore(from)))
                .toList();
    }

    public Optional<Program.Activity> activity(long id) {
        return repo.activity(id);
    }

    public Optional<Program.Kpi> kpi(String code) {
        return repo.kpi(code);
    }

    private static Program assemble(ProgramRow p, Map<Long, Map<TextSection, List<String>>> texts,
                                    Map<Long, List<Program.Funding>> funding, List<Program.Activity> activities,
                                    List<Program.Kpi> kpis, Map<String, String> teamNames) {
        Map<TextSection, List<String>> t = texts.getOrDefault(p.id(), new EnumMap<>(TextSection.class));
        return new Program(p.id(), p.code(), p.seq(), p.title(), p.kind(), p.teamCode(),
                teamNames.getOrDefault(p.teamCode(), p.teamCode()), p.editorRole(), p.planYear(), p.periodStart(),
                p.periodEnd(), p.status(), p.page(), t.getOrDefault(TextSection.NECESSITY, List.of()),
                t.getOrDefault(TextSection.GOAL, List.of()), t.getOrDefault(TextSection.CONTENT, List.of()),
                t.getOrDefault(TextSection.ACHIEVEMENT, List.of()), t.getOrDefault(TextSection.ISSUE, List.of()),
                t.getOrDefault(TextSection.EFFECT, List.of()),
                activities.stream().filter(a -> a.programCode().equals(p.code())).toList(),
                kpis.stream().filter(k -> k.programCode().equals(p.code())).toList(),
                List.copyOf(funding.getOrDefault(p.id(), List.of())));
    }

    /** Version of a program for optimistic locking in edit forms. */
    public int programVersion(String code) {
        return repo.program(code).map(ProgramRow::version).orElseThrow(() -> DomainException.notFound("주요사업", code));
    }

    /** True when the current staff member may edit the program (its team's role, its editor role, ADMIN). */
    public boolean canEdit(Program program) {
        return staff.current().map(m -> canEdit(m, program.teamCode(), program.editorRole())).orElse(false);
    }

    static boolean canEdit(StaffMember m, String teamCode, String editorRole) {
        return m.hasRole(Roles.ADMIN) || m.hasRole(teamCode) || editorRole != null && m.hasRole(editorRole);
    }

    // =============== editing: organisation, staffing, budget (ADMIN) ===============

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void addTeam(String code, String name, LocalDate from, List<String> duties) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new DomainException("workplan.team.code", "팀 코드는 영문 대문자로 시작하는 2~40자(영문 대문자·숫자·밑줄)여야 합니다.");
        }
        if (repo.team(c).isPresent()) {
            throw DomainException.conflict("workplan.team.code-taken", "이미 있는 팀 코드입니다: " + c, c);
        }
        String n = requireText("팀 이름", name, 100);
        requireDate("시작일", from);
        requireUniqueTeamName(n, null, from);
        long id = repo.insertTeam(c, repo.teams().size() + 1);
        repo.insertTeamName(id, n, from, null);
        repo.replaceDuties(id, cleanLines("주요 업무", duties, 500));
        audit.record("workplan.team.add", "Team", c, n + " (" + from + "~)");
    }

    /** Renames a team from {@code effectiveFrom}; the old name stays in the history until the day before. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void renameTeam(String code, String newName, LocalDate effectiveFrom) {
        var team = repo.team(code).orElseThrow(() -> DomainException.notFound("팀", code));
        String n = requireText("새 팀 이름", newName, 100);
        requireDate("변경일", effectiveFrom);
        List<Organization.TeamName> history = repo.teamNames().getOrDefault(team.id(), List.of());
        Organization.TeamName open = history.stream().filter(h -> h.validTo() == null).findFirst().orElse(null);
        if (open != null && !effectiveFrom.isAfter(open.validFrom())) {
            throw new DomainException("workplan.team.rename-date",
                    "변경일은 현재 이름의 시작일(" + open.validFrom() + ")보다 뒤여야 합니다.");
        }
        if (open != null && open.name().equals(n)) {
            throw new DomainException("workplan.team.rename-same", "지금과 같은 이름입니다.");
        }
        requireUniqueTeamName(n, team.id(), effectiveFrom);
        repo.closeOpenTeamName(team.id(), effectiveFrom.minusDays(1));
        repo.insertTeamName(team.id(), n, effectiveFrom, null);
        audit.record("workplan.team.rename", "Team", code, (open == null ? "" : open.name() + " → ") + n + " (" + effectiveFrom + "부터)");
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void updateDuties(String code, List<String> duties) {
        var team = repo.team(code).orElseThrow(() -> DomainException.notFound("팀", code));
        List<String> clean = cleanLines("주요 업무", duties, 500);
        repo.replaceDuties(team.id(), clean);
        audit.record("workplan.team.duties", "Team", code, clean.size() + "개 업무");
    }

    private void requireUniqueTeamName(String name, Long exceptTeamId, LocalDate on) {
        Organization org = organization(on);
        boolean clash = org.teams().stream()
                .filter(t -> exceptTeamId == null || t.id() != exceptTeamId)
                .anyMatch(t -> t.name().equals(name));
        if (clash) {
            throw DomainException.conflict("workplan.team.name-taken", "같은 이름의 팀이 이미 있습니다: " + name, name);
        }
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void saveStaffing(LocalDate referenceDate, List<Staffing.GradeRow> rows) {
        requireDate("기준일", referenceDate);
        if (rows == null || rows.isEmpty()) {
            throw new DomainException("workplan.staffing.empty", "직급별 인원을 입력해 주세요.");
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Staffing.GradeRow r : rows) {
            if (r.grade() < 1 || r.grade() > 9) {
                throw new DomainException("workplan.staffing.grade", "직급은 1급~9급이어야 합니다: " + r.grade());
            }
            if (!seen.add(r.grade())) {
                throw new DomainException("workplan.staffing.duplicate", r.grade() + "급이 두 번 입력되었습니다.");
            }
            if (r.authorizedHeadcount() < 0 || r.actualHeadcount() < 0) {
                throw new DomainException("workplan.staffing.negative", "인원은 0 이상이어야 합니다 (" + r.grade() + "급).");
            }
            if (r.authorizedHeadcount() > 10_000 || r.actualHeadcount() > 10_000) {
                throw new DomainException("workplan.staffing.too-large", "인원이 너무 큽니다 (" + r.grade() + "급).");
            }
        }
        List<Staffing.GradeRow> sorted = rows.stream().sorted(java.util.Comparator.comparingInt(Staffing.GradeRow::grade)).toList();
        repo.replaceStaffing(referenceDate, sorted);
        Staffing s = new Staffing(referenceDate, sorted);
        audit.record("workplan.staffing.save", "Staffing", referenceDate, "정원(현원) " + s.display());
    }

    public record BudgetLineInput(int year, String basis, BudgetCategory category, FundingSource source,
                                  String description, String programCode, long amountThousands) {
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long addBudgetLine(BudgetLineInput in) {
        validate(in);
        long id = repo.insertBudgetLine(in.year(), in.basis().strip(), in.category(), in.source(), in.description().strip(),
                blankToNull(in.programCode()), in.amountThousands());
        audit.record("workplan.budget.add", "BudgetLine", id, in.year() + " " + in.category().label() + " "
                + in.source().label() + " " + in.amountThousands() + "천원");
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void updateBudgetLine(long id, BudgetLineInput in) {
        var existing = repo.budgetLine(id).orElseThrow(() -> DomainException.notFound("예산 항목", id));
        if (existing.year() != in.year()) {
            throw new DomainException("workplan.budget.year-change", "예산 항목의 회계연도는 바꿀 수 없습니다. 새 항목을 추가하세요.");
        }
        validate(in);
        repo.updateBudgetLine(id, in.basis().strip(), in.category(), in.source(), in.description().strip(),
                blankToNull(in.programCode()), in.amountThousands());
        audit.record("workplan.budget.update", "BudgetLine", id, existing.amountThousands() + " → " + in.amountThousands() + "천원");
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void deleteBudgetLine(long id) {
        var existing = repo.budgetLine(id).orElseThrow(() -> DomainException.notFound("예산 항목", id));
        repo.deleteBudgetLine(id);
        audit.record("workplan.budget.delete", "BudgetLine", id, existing.year() + " " + existing.description() + " "
                + existing.amountThousands() + "천원 삭제");
    }

    private void validate(BudgetLineInput in) {
        if (in.year() < 2000 || in.year() > 2100) {
            throw new DomainException("workplan.budget.year", "회계연도는 2000~2100 사이여야 합니다.");
        }
        requireText("예산 기준(본예산·당초예산 등)", in.basis(), 20);
        if (in.category() == null || in.source() == null) {
            throw new DomainException("workplan.budget.category", "예산 구분과 재원을 고르세요.");
        }
        requireText("항목명", in.description(), 200);
        if (in.amountThousands() < 0) {
            throw new DomainException("workplan.amount.negative", "금액은 0 이상이어야 합니다.");
        }
        if (in.programCode() != null && !in.programCode().isBlank() && repo.program(in.programCode().strip()).isEmpty()) {
            throw DomainException.notFound("주요사업", in.programCode());
        }
        String basis = repo.basis(in.year()).orElse(null);
        if (basis != null && !basis.equals(in.basis().strip())) {
            throw new DomainException("workplan.budget.basis-mismatch",
                    in.year() + "년 예산은 '" + basis + "' 기준으로 입력되어 있습니다. 같은 기준을 쓰세요.");
        }
    }

    // =============== editing: programs (their team) ===============

    public record ProgramInput(String title, ProgramKind kind, LocalDate periodStart, LocalDate periodEnd,
                               ProgramStatus status, List<String> necessity, List<String> goals, List<String> contents,
                               List<String> achievements, List<String> issues, List<String> expectedEffects) {
    }

    @Transactional
    public void updateProgram(String code, int expectedVersion, ProgramInput in) {
        ProgramRow p = editable(code);
        String title = requireText("사업명", in.title(), 200);
        if (in.kind() == null || in.status() == null) {
            throw new DomainException("workplan.program.kind", "구분(신규/계속)과 진행 상태를 고르세요.");
        }
        if (in.periodStart() == null && in.periodEnd() != null) {
            throw new DomainException("workplan.period.start-required", "종료일만 입력할 수 없습니다. 시작일을 입력하세요.");
        }
        if (in.periodStart() != null && in.periodEnd() != null && in.periodEnd().isBefore(in.periodStart())) {
            throw new DomainException("error.period.end-before-start", "종료일이 시작일보다 앞설 수 없습니다.");
        }
        if (!repo.updateProgram(p.id(), expectedVersion, title, in.kind(), in.periodStart(), in.periodEnd(), in.status())) {
            throw DomainException.conflict("workplan.program.stale",
                    "다른 사용자가 먼저 이 사업을 수정했습니다. 새로 고친 뒤 다시 입력하세요.");
        }
        repo.replaceTexts(p.id(), TextSection.NECESSITY, cleanLines("사업필요성", in.necessity(), MAX_TEXT));
        repo.replaceTexts(p.id(), TextSection.GOAL, cleanLines("사업목표", in.goals(), MAX_TEXT));
        repo.replaceTexts(p.id(), TextSection.CONTENT, cleanLines("사업내용", in.contents(), MAX_TEXT));
        repo.replaceTexts(p.id(), TextSection.ACHIEVEMENT, cleanLines("추진실적", in.achievements(), MAX_TEXT));
        repo.replaceTexts(p.id(), TextSection.ISSUE, cleanLines("문제점 및 개선방안", in.issues(), MAX_TEXT));
        repo.replaceTexts(p.id(), TextSection.EFFECT, cleanLines("기대효과", in.expectedEffects(), MAX_TEXT));
        audit.record("workplan.program.update", "Program", code, title + " / 상태 " + in.status().label());
    }

    public record ActivityInput(String group, String title, LocalDate start, LocalDate end, String periodLabel,
                                String place, String content, Long budgetThousands) {
    }

    @Transactional
    public long addActivity(String programCode, ActivityInput in) {
        ProgramRow p = editable(programCode);
        validate(in);
        int n = repo.nextActivityNumber(p.id());
        String code = p.code() + "-A" + String.format("%02d", n);
        while (repo.activityCodeExists(code)) {
            code = p.code() + "-A" + String.format("%02d", ++n);
        }
        long id = repo.insertActivity(p.id(), code, blankToNull(in.group()), in.title().strip(), in.start(), in.end(),
                blankToNull(in.periodLabel()), blankToNull(in.place()), blankToNull(in.content()), in.budgetThousands(), n);
        audit.record("workplan.activity.add", "Activity", code, in.title());
        return id;
    }

    @Transactional
    public void updateActivity(long id, ActivityInput in) {
        Program.Activity a = repo.activity(id).orElseThrow(() -> DomainException.notFound("추진계획 항목", id));
        editable(a.programCode());
        validate(in);
        repo.updateActivity(id, blankToNull(in.group()), in.title().strip(), in.start(), in.end(),
                blankToNull(in.periodLabel()), blankToNull(in.place()), blankToNull(in.content()), in.budgetThousands());
        audit.record("workplan.activity.update", "Activity", a.code(), in.title());
    }

    @Transactional
    public void deleteActivity(long id) {
        Program.Activity a = repo.activity(id).orElseThrow(() -> DomainException.notFound("추진계획 항목", id));
        editable(a.programCode());
        repo.deleteActivity(id);
        audit.record("workplan.activity.delete", "Activity", a.code(), a.title() + " 삭제");
    }

    private static void validate(ActivityInput in) {
        requireText("항목명", in.title(), 200);
        if (in.start() == null && in.end() != null) {
            throw new DomainException("workplan.period.start-required", "종료일만 입력할 수 없습니다. 시작일을 입력하세요.");
        }
        if (in.start() != null && in.end() != null && in.end().isBefore(in.start())) {
            throw new DomainException("error.period.end-before-start", "종료일이 시작일보다 앞설 수 없습니다.");
        }
        optionalText("구분", in.group(), 200);
        optionalText("기간 표기", in.periodLabel(), 100);
        optionalText("장소", in.place(), 300);
        optionalText("내용", in.content(), 10_000);
        if (in.budgetThousands() != null && in.budgetThousands() < 0) {
            throw new DomainException("workplan.amount.negative", "예산은 0 이상이어야 합니다.");
        }
    }

    public record KpiInput(String name, String unit, BigDecimal baseline, String baselineLabel, LocalDate baselineDate,
                           BigDecimal target, BigDecimal actual, LocalDate actualDate, String note) {
    }

    @Transactional
    public long addKpi(String programCode, KpiInput in) {
        ProgramRow p = editable(programCode);
        validate(in);
        int order = (int) repo.kpis().stream().filter(k -> k.programCode().equals(programCode)).count() + 1;
        String code = p.code() + "-K" + String.format("%02d", order);
        while (repo.kpi(code).isPresent()) {
            code = p.code() + "-K" + String.format("%02d", ++order);
        }
        long id = repo.insertKpi(p.id(), code, in.name().strip(), in.unit().strip(), in.baseline(), blankToNull(in.baselineLabel()),
                in.baselineDate(), in.target(), in.actual(), in.actualDate(), blankToNull(in.note()), order);
        audit.record("workplan.kpi.add", "Kpi", code, in.name());
        return id;
    }

    @Transactional
    public void updateKpi(long id, KpiInput in) {
        Program.Kpi k = repo.kpi(id).orElseThrow(() -> DomainException.notFound("성과지표", id));
        editable(k.programCode());
        validate(in);
        repo.updateKpi(id, in.name().strip(), in.unit().strip(), in.baseline(), blankToNull(in.baselineLabel()),
                in.baselineDate(), in.target(), in.actual(), in.actualDate(), blankToNull(in.note()));
        audit.record("workplan.kpi.update", "Kpi", k.code(), in.name() + " 실적 " + in.actual());
    }

    @Transactional
    public void deleteKpi(long id) {
        Program.Kpi k = repo.kpi(id).orElseThrow(() -> DomainException.notFound("성과지표", id));
        editable(k.programCode());
        repo.deleteKpi(id);
        audit.record("workplan.kpi.delete", "Kpi", k.code(), k.name() + " 삭제");
    }

    private static void validate(KpiInput in) {
        requireText("지표명", in.name(), 200);
        requireText("단위", in.unit(), 20);
        optionalText("기준 표기", in.baselineLabel(), 100);
        optionalText("비고", in.note(), 500);
        for (BigDecimal v : new BigDecimal[] {in.baseline(), in.target(), in.actual()}) {
            if (v != null && (v.signum() < 0 || v.scale() > 2 || v.precision() - v.scale() > 16)) {
                throw new DomainException("workplan.kpi.value", "지표 값은 0 이상, 소수 둘째 자리까지 입력하세요.");
            }
        }
    }

    @Transactional
    public void setFunding(String programCode, int year, FundingSource source, long amountThousands) {
        ProgramRow p = editable(programCode);
        if (year < 2000 || year > 2100) {
            throw new DomainException("workplan.budget.year", "회계연도는 2000~2100 사이여야 합니다.");
        }
        if (source == null) {
            throw new DomainException("workplan.budget.category", "재원을 고르세요.");
        }
        if (amountThousands < 0) {
            throw new DomainException("workplan.amount.negative", "금액은 0 이상이어야 합니다.");
        }
        repo.upsertFunding(p.id(), year, source, amountThousands);
        audit.record("workplan.funding.set", "Program", programCode, year + " " + source.label() + " " + amountThousands + "천원");
    }

    @Transactional
    public void removeFunding(String programCode, int year, FundingSource source) {
        ProgramRow p = editable(programCode);
        repo.deleteFunding(p.id(), year, source);
        audit.record("workplan.funding.remove", "Program", programCode, year + " " + source.label() + " 삭제");
    }

    private ProgramRow editable(String code) {
        ProgramRow p = repo.program(code).orElseThrow(() -> DomainException.notFound("주요사업", code));
        StaffMember me = staff.requireCurrent();
        if (!canEdit(me, p.teamCode(), p.editorRole())) {
            throw DomainException.forbidden("이 사업은 담당 팀만 수정할 수 있습니다.");
        }
        return p;
    }

    // =============== spending (other modules) ===============

    /** Records (or updates) spending against the budget; idempotent on (sourceModule, sourceRef). */
    @Transactional
    public void recordSpending(SpendingRecord s) {
        requireText("출처 모듈", s.sourceModule(), 40);
        requireText("출처 참조", s.sourceRef(), 100);
        requireText("지출 내용", s.description(), 300);
        if (s.amountWon() <= 0) {
            throw new DomainException("workplan.spending.amount", "지출액은 0보다 커야 합니다.");
        }
        if (s.category() == null || s.spentOn() == null) {
            throw new DomainException("workplan.spending.fields", "예산 구분과 지출일을 입력하세요.");
        }
        if (s.programCode() != null && repo.program(s.programCode()).isEmpty()) {
            throw DomainException.notFound("주요사업", s.programCode());
        }
        repo.upsertSpending(s);
    }

    /** Withdraws recorded spending (e.g. a cancelled ad). */
    @Transactional
    public void withdrawSpending(String sourceModule, String sourceRef) {
        repo.deleteSpending(sourceModule, sourceRef);
    }

    // =============== validation helpers ===============

    static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DomainException("workplan.text.required", field + "을(를) 입력해 주세요.", field);
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException("workplan.text.too-long", field + "은(는) " + max + "자 이내로 입력해 주세요.", field, max);
        }
        return v;
    }

    static void optionalText(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new DomainException("workplan.text.too-long", field + "은(는) " + max + "자 이내로 입력해 주세요.", field, max);
        }
    }

    static void requireDate(String field, LocalDate date) {
        if (date == null) {
            throw new DomainException("workplan.date.required", field + "을(를) 입력해 주세요.", field);
        }
    }

    static List<String> cleanLines(String field, List<String> lines, int max) {
        if (lines == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l != null && !l.isBlank()) {
                String v = l.strip();
                if (v.length() > max) {
                    throw new DomainException("workplan.text.too-long", field + "의 각 줄은 " + max + "자 이내로 입력해 주세요.", field, max);
                }
                out.add(v);
            }
        }
        if (out.size() > 100) {
            throw new DomainException("workplan.text.too-many", field + "은(는) 100줄 이내로 입력해 주세요.", field);
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
