package kr.sotong.workplan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.SeedRuns;
import kr.sotong.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the work plan from the versioned dataset {@code seed/workplan/geumcheon-2025.yaml} on first start
 * (idempotent, all or nothing). Every row is validated and every total the document prints is
 * recomputed and compared; a file with a broken row is refused with a Korean message naming the row.
 */
@Component
@Order(10)
class WorkplanSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WorkplanSeed.class);
    static final String RESOURCE = "seed/workplan/geumcheon-2025.yaml";

    private final SeedRuns seeds;
    private final WorkplanRepository repo;
    private final AuditLog audit;
    private final YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    WorkplanSeed(SeedRuns seeds, WorkplanRepository repo, AuditLog audit) {
        this.seeds = seeds;
        this.repo = repo;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!seeds.enabled()) {
            return;
        }
        byte[] bytes;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            bytes = in.readAllBytes();
        }
        Dataset data = parse(bytes);
        seeds.runOnce(data.dataset(), data.version(), sha256(bytes), () -> load(data));
    }

    // ---------- the file format ----------

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Dataset(String dataset, String version, Department department, List<TeamSeed> teams,
                   List<StaffingSeed> staffing, List<BudgetYear> budget, List<ProgramSeed> programs) {
    }

    record Department(String name, String organization, String documentTitle, LocalDate documentDate) {
    }

    record TeamSeed(String code, int sortOrder, List<NameSeed> names, List<String> duties) {
    }

    record NameSeed(String name, LocalDate from, LocalDate to) {
    }

    record StaffingSeed(LocalDate referenceDate, List<GradeSeed> grades, Printed printed) {
    }

    record GradeSeed(int grade, int authorized, int actual) {
    }

    record Printed(Integer authorized, Integer actual, Long total, Long change, String changeRate,
                   Map<BudgetCategory, PrintedCategory> categories, Long planYearBudget, Long fundingTotal) {
    }

    record PrintedCategory(Long change, String changeRate) {
    }

    record BudgetYear(int year, String basis, List<LineSeed> lines, Printed printed) {
    }

    record LineSeed(BudgetCategory category, FundingSource source, String description, String programCode,
                    long amountThousands) {
    }

    record ProgramSeed(String code, int seq, String title, ProgramKind kind, String team, String editorRole, Integer page,
                       Integer planYear, PeriodSeed period, List<String> necessity, List<String> goals,
                       List<String> contents, List<String> achievements, List<String> issues,
                       List<ActivitySeed> activities, List<String> expectedEffects, List<KpiSeed> kpis,
                       List<FundingSeed> funding, Printed printed) {
    }

    record PeriodSeed(LocalDate start, LocalDate end, String label) {
    }

    record ActivitySeed(String group, String title, PeriodSeed period, String place, String content,
                        Long budgetThousands) {
    }

    record KpiSeed(String code, String name, String unit, BigDecimal baseline, String baselineLabel,
                   LocalDate baselineDate, BigDecimal target, BigDecimal actual, LocalDate actualDate, String note) {
    }

    record FundingSeed(int year, FundingSource source, long amountThousands) {
    }

    /** Parses and validates the whole file before anything is written. */
    Dataset parse(byte[] bytes) {
        Dataset d;
        try {
            d = yaml.readValue(new String(bytes, StandardCharsets.UTF_8), Dataset.class);
        } catch (JacksonException e) {
            throw new DomainException("workplan.seed.unreadable",
                    "업무계획 초기 데이터 파일을 읽을 수 없습니다: " + e.getOriginalMessage() + locationOf(e));
        }
        validate(d);
        return d;
    }

    private static String locationOf(JacksonException e) {
        var loc = e.getLocation();
        return loc == null ? "" : " (" + loc.getLineNr() + "행)";
    }

    private static DomainException broken(String where, String what) {
        return new DomainException("workplan.seed.broken", "업무계획 초기 데이터 오류 [" + where + "]: " + what, where, what);
    }

    static void validate(Dataset d) {
        if (d == null || blank(d.dataset()) || blank(d.version())) {
            throw broken("dataset", "dataset과 version이 필요합니다.");
        }
        if (d.department() == null || blank(d.department().name())) {
            throw broken("department", "부서 이름이 필요합니다.");
        }
        Set<String> teamCodes = new HashSet<>();
        Set<String> currentNames = new HashSet<>();
        for (int i = 0; i < list(d.teams()).size(); i++) {
            TeamSeed t = d.teams().get(i);
            String where = "teams[" + i + "]";
            if (t.code() == null || !t.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw broken(where, "팀 코드가 올바르지 않습니다: " + t.code());
            }
            if (!teamCodes.add(t.code())) {
                throw broken(where, "팀 코드가 중복되었습니다: " + t.code());
            }
            if (list(t.names()).isEmpty()) {
                throw broken(where, "팀 이름이 없습니다.");
            }
            for (NameSeed n : t.names()) {
                if (blank(n.name()) || n.from() == null) {
                    throw broken(where, "팀 이름과 시작일이 필요합니다.");
                }
                if (n.to() != null && n.to().isBefore(n.from())) {
                    throw broken(where, "팀 이름 '" + n.name() + "'의 종료일이 시작일보다 앞섭니다.");
                }
                if (n.to() == null && !currentNames.add(n.name())) {
                    throw broken(where, "현재 팀 이름이 중복되었습니다: " + n.name());
                }
            }
        }
        for (int i = 0; i < list(d.staffing()).size(); i++) {
            StaffingSeed s = d.staffing().get(i);
            String where = "staffing[" + i + "]";
            if (s.referenceDate() == null) {
                throw broken(where, "기준일이 필요합니다.");
            }
            Set<Integer> grades = new HashSet<>();
            int auth = 0;
            int act = 0;
            for (GradeSeed g : list(s.grades())) {
                if (g.grade() < 1 || g.grade() > 9 || !grades.add(g.grade())) {
                    throw broken(where, "직급이 올바르지 않거나 중복되었습니다: " + g.grade());
                }
                if (g.authorized() < 0 || g.actual() < 0) {
                    throw broken(where, g.grade() + "급 인원이 음수입니다.");
                }
                auth += g.authorized();
                act += g.actual();
            }
            if (s.printed() != null && (!eq(s.printed().authorized(), auth) || !eq(s.printed().actual(), act))) {
                throw broken(where, "정원(현원) 합계 " + auth + " (" + act + ")이(가) 문서의 " + s.printed().authorized()
                        + " (" + s.printed().actual() + ")과(와) 다릅니다.");
            }
        }
        Map<Integer, Map<BudgetCategory, Long>> byYear = new java.util.HashMap<>();
        for (int i = 0; i < list(d.budget()).size(); i++) {
            BudgetYear y = d.budget().get(i);
            String where = "budget[" + i + "]";
            if (y.year() < 2000 || y.year() > 2100 || blank(y.basis())) {
                throw broken(where, "회계연도와 예산 기준이 필요합니다.");
            }
            Map<BudgetCategory, Long> cats = new EnumMap<>(BudgetCategory.class);
            for (LineSeed l : list(y.lines())) {
                if (l.category() == null || l.source() == null || blank(l.description())) {
                    throw broken(where, "예산 항목에 구분·재원·항목명이 필요합니다.");
                }
                if (l.amountThousands() < 0) {
                    throw broken(where, "'" + l.description() + "' 금액이 음수입니다.");
                }
                cats.merge(l.category(), l.amountThousands(), Long::sum);
            }
            if (byYear.put(y.year(), cats) != null) {
                throw broken(where, y.year() + "년 예산이 두 번 나옵니다.");
            }
        }
        for (int i = 0; i < list(d.budget()).size(); i++) {
            BudgetYear y = d.budget().get(i);
            Printed p = y.printed();
            if (p == null) {
                continue;
            }
            String where = "budget[" + i + "] " + y.year();
            Map<BudgetCategory, Long> cats = byYear.get(y.year());
            long total = cats.values().stream().mapToLong(Long::longValue).sum();
            if (p.total() != null && p.total() != total) {
                throw broken(where, "합계 " + total + "이(가) 문서의 " + p.total() + "과(와) 다릅니다.");
            }
            Map<BudgetCategory, Long> prev = byYear.get(y.year() - 1);
            if (prev != null) {
                Change c = Change.between(prev.values().stream().mapToLong(Long::longValue).sum(), total);
                if (p.change() != null && p.change() != c.amount() || p.changeRate() != null && !p.changeRate().equals(c.rate())) {
                    throw broken(where, "증감 " + c.amount() + " / " + c.rate() + "이(가) 문서의 " + p.change() + " / "
                            + p.changeRate() + "과(와) 다릅니다.");
                }
                for (var e : (p.categories() == null ? Map.<BudgetCategory, PrintedCategory>of() : p.categories()).entrySet()) {
                    Change cc = Change.between(prev.getOrDefault(e.getKey(), 0L), cats.getOrDefault(e.getKey(), 0L));
                    if (e.getValue().change() != null && e.getValue().change() != cc.amount()
                            || e.getValue().changeRate() != null && !e.getValue().changeRate().equals(cc.rate())) {
                        throw broken(where, e.getKey().label() + " 증감 " + cc.amount() + " / " + cc.rate()
                                + "이(가) 문서와 다릅니다.");
                    }
                }
            }
        }
        Set<String> programCodes = new HashSet<>();
        Set<String> kpiCodes = new HashSet<>();
        for (int i = 0; i < list(d.programs()).size(); i++) {
            ProgramSeed p = d.programs().get(i);
            String where = "programs[" + i + "]";
            if (blank(p.code()) || !programCodes.add(p.code())) {
                throw broken(where, "사업 코드가 없거나 중복되었습니다: " + p.code());
            }
            if (blank(p.title()) || p.title().length() > 200 || p.kind() == null) {
                throw broken(where, "사업명(200자 이내)과 구분(신규/계속)이 필요합니다.");
            }
            if (!teamCodes.contains(p.team())) {
                throw broken(where, "알 수 없는 팀입니다: " + p.team());
            }
            checkPeriod(where, p.period());
            for (int j = 0; j < list(p.activities()).size(); j++) {
                ActivitySeed a = p.activities().get(j);
                String aw = where + ".activities[" + j + "]";
                if (blank(a.title()) || a.title().length() > 200) {
                    throw broken(aw, "항목명(200자 이내)이 필요합니다.");
                }
                checkPeriod(aw, a.period());
                if (a.budgetThousands() != null && a.budgetThousands() < 0) {
                    throw broken(aw, "예산이 음수입니다.");
                }
            }
            for (int j = 0; j < list(p.kpis()).size(); j++) {
                KpiSeed k = p.kpis().get(j);
                String kw = where + ".kpis[" + j + "]";
                if (blank(k.code()) || !kpiCodes.add(k.code()) || blank(k.name()) || blank(k.unit())) {
                    throw broken(kw, "지표 코드(중복 불가)·지표명·단위가 필요합니다.");
                }
                for (BigDecimal v : new BigDecimal[] {k.baseline(), k.target(), k.actual()}) {
                    if (v != null && v.signum() < 0) {
                        throw broken(kw, "지표 값이 음수입니다.");
                    }
                }
            }
            Set<String> cells = new HashSet<>();
            long fundingTotal = 0;
            long planYear = 0;
            for (FundingSeed f : list(p.funding())) {
                if (f.source() == null || f.amountThousands() < 0 || f.year() < 2000 || f.year() > 2100
                        || !cells.add(f.year() + "/" + f.source())) {
                    throw broken(where + ".funding", "연도·재원·금액이 올바르지 않거나 중복되었습니다: " + f);
                }
                fundingTotal += f.amountThousands();
                if (p.planYear() != null && f.year() == p.planYear()) {
                    planYear += f.amountThousands();
                }
            }
            if (p.printed() != null) {
                if (p.printed().fundingTotal() != null && p.printed().fundingTotal() != fundingTotal) {
                    throw broken(where, "연차별 소요재원 계 " + fundingTotal + "이(가) 문서의 " + p.printed().fundingTotal()
                            + "과(와) 다릅니다.");
                }
                if (p.printed().planYearBudget() != null && p.printed().planYearBudget() != planYear) {
                    throw broken(where, p.planYear() + "년 소요예산 " + planYear + "이(가) 문서의 "
                            + p.printed().planYearBudget() + "과(와) 다릅니다.");
                }
            }
        }
    }

    private static void checkPeriod(String where, PeriodSeed p) {
        if (p == null) {
            return;
        }
        if (p.start() == null && p.end() != null) {
            throw broken(where, "종료일만 있고 시작일이 없습니다.");
        }
        if (p.start() != null && p.end() != null && p.end().isBefore(p.start())) {
            throw broken(where, "종료일(" + p.end() + ")이 시작일(" + p.start() + ")보다 앞섭니다.");
        }
    }

    /** Writes the validated dataset (called inside the seed transaction). */
    void load(Dataset d) {
        repo.saveDepartment(d.department().name(), d.department().organization(), d.department().documentTitle(),
                d.department().documentDate());
        for (TeamSeed t : list(d.teams())) {
            long id = repo.insertTeam(t.code(), t.sortOrder());
            for (NameSeed n : t.names()) {
                repo.insertTeamName(id, n.name(), n.from(), n.to());
            }
            repo.replaceDuties(id, list(t.duties()));
        }
        for (StaffingSeed s : list(d.staffing())) {
            repo.replaceStaffing(s.referenceDate(), s.grades().stream()
                    .map(g -> new Staffing.GradeRow(g.grade(), g.authorized(), g.actual())).toList());
        }
        for (BudgetYear y : list(d.budget())) {
            for (LineSeed l : list(y.lines())) {
                repo.insertBudgetLine(y.year(), y.basis(), l.category(), l.source(), l.description(), l.programCode(),
                        l.amountThousands());
            }
        }
        for (ProgramSeed p : list(d.programs())) {
            PeriodSeed period = p.period();
            long id = repo.insertProgram(p.code(), p.seq(), p.title(), p.kind(), p.team(), p.editorRole(), p.planYear(),
                    period == null ? null : period.start(), period == null ? null : period.end(), p.page());
            repo.replaceTexts(id, WorkplanRepository.TextSection.NECESSITY, list(p.necessity()));
            repo.replaceTexts(id, WorkplanRepository.TextSection.GOAL, list(p.goals()));
            repo.replaceTexts(id, WorkplanRepository.TextSection.CONTENT, list(p.contents()));
            repo.replaceTexts(id, WorkplanRepository.TextSection.ACHIEVEMENT, list(p.achievements()));
            repo.replaceTexts(id, WorkplanRepository.TextSection.ISSUE, list(p.issues()));
            repo.replaceTexts(id, WorkplanRepository.TextSection.EFFECT, list(p.expectedEffects()));
            int order = 0;
            for (ActivitySeed a : list(p.activities())) {
                order++;
                PeriodSeed ap = a.period();
                repo.insertActivity(id, p.code() + "-A" + String.format("%02d", order), a.group(), a.title(),
                        ap == null ? null : ap.start(), ap == null ? null : ap.end(), ap == null ? null : ap.label(),
                        a.place(), a.content() == null ? null : a.content().strip(), a.budgetThousands(), order);
            }
            order = 0;
            for (KpiSeed k : list(p.kpis())) {
                repo.insertKpi(id, k.code(), k.name(), k.unit(), k.baseline(), k.baselineLabel(), k.baselineDate(),
                        k.target(), k.actual(), k.actualDate(), k.note(), ++order);
            }
            for (FundingSeed f : list(p.funding())) {
                repo.upsertFunding(id, f.year(), f.source(), f.amountThousands());
            }
        }
        audit.recordAs("system", "workplan.seed", "Dataset", d.dataset() + "@" + d.version(),
                "초기 데이터 적재: 팀 " + list(d.teams()).size() + ", 주요사업 " + list(d.programs()).size());
        log.info("업무계획 초기 데이터 {} {} 적재", d.dataset(), d.version());
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? new ArrayList<>() : l;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean eq(Integer printed, int actual) {
        return printed == null || printed == actual;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
