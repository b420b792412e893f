package kr.sotong.workplan;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the work plan (tables {@code workplan_*}). */
@Repository
class WorkplanRepository {

    enum TextSection { NECESSITY, GOAL, CONTENT, ACHIEVEMENT, ISSUE, EFFECT }

    private final JdbcClient jdbc;

    WorkplanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------- organisation ----------

    record DepartmentRow(String name, String organization, String documentTitle, LocalDate documentDate) {
    }

    Optional<DepartmentRow> department() {
        return jdbc.sql("select name, organization, document_title, document_date from workplan_department where id = 1")
                .query((rs, i) -> new DepartmentRow(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, 4)))
                .optional();
    }

    void saveDepartment(String name, String organization, String title, LocalDate date) {
        jdbc.sql("""
                        insert into workplan_department (id, name, organization, document_title, document_date)
                        values (1, :n, :o, :t, :d)
                        on conflict (id) do update set name = :n, organization = :o, document_title = :t, document_date = :d""")
                .param("n", name).param("o", organization).param("t", title).param("d", sqlDate(date)).update();
    }

    record TeamRow(long id, String code, int sortOrder) {
    }

    List<TeamRow> teams() {
        return jdbc.sql("select id, code, sort_order from workplan_team order by sort_order, id")
                .query((rs, i) -> new TeamRow(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    Optional<TeamRow> team(String code) {
        return jdbc.sql("select id, code, sort_order from workplan_team where code = :c").param("c", code)
                .query((rs, i) -> new TeamRow(rs.getLong(1), rs.getString(2), rs.getInt(3))).optional();
    }

    long insertTeam(String code, int sortOrder) {
        return jdbc.sql("insert into workplan_team (code, sort_order) values (:c, :s) returning id")
                .param("c", code).param("s", sortOrder).query(Long.class).single();
    }

    Map<Long, List<Organization.TeamName>> teamNames() {
        Map<Long, List<Organization.TeamName>> map = new LinkedHashMap<>();
        jdbc.sql("select team_id, name, valid_from, valid_to from workplan_team_name order by team_id, valid_from")
                .query(rs -> {
                    map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Organization.TeamName(rs.getString(2), date(rs, 3), date(rs, 4)));
                });
        return map;
    }

    void insertTeamName(long teamId, String name, LocalDate from, LocalDate to) {
        jdbc.sql("insert into workplan_team_name (team_id, name, valid_from, valid_to) values (:t, :n, :f, :u)")
                .param("t", teamId).param("n", name).param("f", sqlDate(from)).param("u", sqlDate(to)).update();
    }

    int closeOpenTeamName(long teamId, LocalDate until) {
        return jdbc.sql("update workplan_team_name set valid_to = :u where team_id = :t and valid_to is null")
                .param("u", sqlDate(until)).param("t", teamId).update();
    }

    Map<Long, List<String>> duties() {
        Map<Long, List<String>> map = new LinkedHashMap<>();
        jdbc.sql("select team_id, text from workplan_team_duty order by team_id, sort_order")
                .query(rs -> {
                    map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return map;
    }

    void replaceDuties(long teamId, List<String> duties) {
        jdbc.sql("delete from workplan_team_duty where team_id = :t").param("t", teamId).update();
        for (int i = 0; i < duties.size(); i++) {
            jdbc.sql("insert into workplan_team_duty (team_id, sort_order, text) values (:t, :s, :x)")
                    .param("t", teamId).param("s", i).param("x", duties.get(i)).update();
        }
    }

    // ---------- staffing ----------

    Optional<LocalDate> latestStaffingDate() {
        return jdbc.sql("select max(reference_date) from workplan_staffing").query((rs, i) -> date(rs, 1)).optional()
                .filter(java.util.Objects::nonNull);
    }

    List<LocalDate> staffingDates() {
        return jdbc.sql("select distinct reference_date from workplan_staffing order by reference_date desc")
                .query((rs, i) -> date(rs, 1)).list();
    }

    List<Staffing.GradeRow> staffing(LocalDate referenceDate) {
        return jdbc.sql("select grade, authorized, actual from workplan_staffing where reference_date = :d order by grade")
                .param("d", sqlDate(referenceDate))
                .query((rs, i) -> new Staffing.GradeRow(rs.getInt(1), rs.getInt(2), rs.getInt(3))).list();
    }

    void replaceStaffing(LocalDate referenceDate, List<Staffing.GradeRow> rows) {
        jdbc.sql("delete from workplan_staffing where reference_date = :d").param("d", sqlDate(referenceDate)).update();
        for (Staffing.GradeRow r : rows) {
            jdbc.sql("insert into workplan_staffing (reference_date, grade, authorized, actual) values (:d, :g, :a, :c)")
                    .param("d", sqlDate(referenceDate)).param("g", r.grade()).param("a", r.authorizedHeadcount())
                    .param("c", r.actualHeadcount()).update();
        }
    }

    // ---------- budget ----------

    private static BudgetReport.Line line(ResultSet rs) throws SQLException {
        return new BudgetReport.Line(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("basis"),
                BudgetCategory.valueOf(rs.getString("category")), FundingSource.valueOf(rs.getString("source")),
                rs.getString("description"), rs.getString("program_code"), rs.getLong("amount_thousands"));
    }

    List<BudgetReport.Line> budgetLines(int year) {
        return jdbc.sql("select * from workplan_budget_line where fiscal_year = :y order by category, source, id")
                .param("y", year).query((rs, i) -> line(rs)).list();
    }

    Optional<BudgetReport.Line> budgetLine(long id) {
        return jdbc.sql("select * from workplan_budget_line where id = :id").param("id", id)
                .query((rs, i) -> line(rs)).optional();
    }

    List<Integer> budgetYears() {
        return jdbc.sql("select distinct fiscal_year from workplan_budget_line order by fiscal_year desc")
                .query(Integer.class).list();
    }

    Map<BudgetCategory, Long> totalsByCategory(int year) {
        Map<BudgetCategory, Long> map = new EnumMap<>(BudgetCategory.class);
        jdbc.sql("select category, sum(amount_thousands) from workplan_budget_line where fiscal_year = :y group by category")
                .param("y", year)
                .query(rs -> {
                    map.put(BudgetCategory.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return map;
    }

    Optional<String> basis(int year) {
        return jdbc.sql("select min(basis) from workplan_budget_line where fiscal_year = :y").param("y", year)
                .query(String.class).optional().filter(java.util.Objects::nonNull);
    }

    long insertBudgetLine(int year, String basis, BudgetCategory category, FundingSource source, String description,
                          String programCode, long amount) {
        return jdbc.sql("""
                        insert into workplan_budget_line (fiscal_year, basis, category, source, description, program_code, amount_thousands)
                        values (:y, :b, :c, :s, :d, :p, :a) returning id""")
                .param("y", year).param("b", basis).param("c", category.name()).param("s", source.name())
                .param("d", description).param("p", programCode).param("a", amount).query(Long.class).single();
    }

    void updateBudgetLine(long id, String basis, BudgetCategory category, FundingSource source, String description,
                          String programCode, long amount) {
        jdbc.sql("""
                        update workplan_budget_line set basis = :b, category = :c, source = :s, description = :d,
                               program_code = :p, amount_thousands = :a where id = :id""")
                .param("b", basis).param("c", category.name()).param("s", source.name()).param("d", description)
                .param("p", programCode).param("a", amount).param("id", id).update();
    }

    void deleteBudgetLine(long id) {
        jdbc.sql("delete from workplan_budget_line where id = :id").param("id", id).update();
    }

    // ---------- programs ----------

    record ProgramRow(long id, String code, int seq, String title, ProgramKind kind, String teamCode, String editorRole,
                      Integer planYear, LocalDate periodStart, LocalDate periodEnd, ProgramStatus status, Integer page,
                      int version) {
    }

    private static ProgramRow programRow(ResultSet rs) throws SQLException {
        return new ProgramRow(rs.getLong("id"), rs.getString("code"), rs.getInt("seq"), rs.getString("title"),
                ProgramKind.valueOf(rs.getString("kind")), rs.getString("team_code"), rs.getString("editor_role"),
                (Integer) rs.getObject("plan_year"), date(rs, "period_start"), date(rs, "period_end"),
                ProgramStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("page"), rs.getInt("version"));
    }

    List<ProgramRow> programs() {
        return jdbc.sql("select * from workplan_program order by seq, code").query((rs, i) -> programRow(rs)).list();
    }

    Optional<ProgramRow> program(String code) {
        return jdbc.sql("select * from workplan_program where code = :c").param("c", code)
                .query((rs, i) -> programRow(rs)).optional();
    }

    Optional<ProgramRow> program(long id) {
        return jdbc.sql("select * from workplan_program where id = :id").param("id", id)
                .query((rs, i) -> programRow(rs)).optional();
    }

    long insertProgram(String code, int seq, String title, ProgramKind kind, String teamCode, String editorRole,
                       Integer planYear, LocalDate start, LocalDate end, Integer page) {
        return jdbc.sql("""
                        insert into workplan_program (code, seq, title, kind, team_code, editor_role, plan_year, period_start, period_end, page)
                        values (:c, :s, :t, :k, :team, :er, :py, :ps, :pe, :pg) returning id""")
                .param("c", code).param("s", seq).param("t", title).param("k", kind.name()).param("team", teamCode)
                .param("er", editorRole).param("py", planYear).param("ps", sqlDate(start)).param("pe", sqlDate(end))
                .param("pg", page).query(Long.class).single();
    }

    /** Optimistic update: false when someone else saved first. */
    boolean updateProgram(long id, int expectedVersion, String title, ProgramKind kind, LocalDate start, LocalDate end,
                          ProgramStatus status) {
        return jdbc.sql("""
                        update workplan_program set title = :t, kind = :k, period_start = :ps, period_end = :pe, status = :st,
                               version = version + 1
                         where id = :id and version = :v""")
                .param("t", title).param("k", kind.name()).param("ps", sqlDate(start)).param("pe", sqlDate(end))
                .param("st", status.name()).param("id", id).param("v", expectedVersion).update() == 1;
    }

    Map<Long, Map<TextSection, List<String>>> texts() {
        Map<Long, Map<TextSection, List<String>>> map = new LinkedHashMap<>();
        jdbc.sql("select program_id, section, text from workplan_program_text order by program_id, section, sort_order")
                .query(rs -> {
                    map.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TextSection.class))
                            .computeIfAbsent(TextSection.valueOf(rs.getString(2)), k -> new ArrayList<>())
                            .add(rs.getString(3));
                });
        return map;
    }

    void replaceTexts(long programId, TextSection section, List<String> texts) {
        jdbc.sql("delete from workplan_program_text where program_id = :p and section = :s")
                .param("p", programId).param("s", section.name()).update();
        for (int i = 0; i < texts.size(); i++) {
            jdbc.sql("insert into workplan_program_text (program_id, section, sort_order, text) values (:p, :s, :o, :t)")
                    .param("p", programId).param("s", section.name()).param("o", i).param("t", texts.get(i)).update();
        }
    }

    private static Program.Activity activity(ResultSet rs) throws SQLException {
        return new Program.Activity(rs.getLong("id"), rs.getString("code"), rs.getString("program_code"),
                rs.getString("group_name"), rs.getString("title"), date(rs, "period_start"), date(rs, "period_end"),
                rs.getString("period_label"), rs.getString("place"), rs.getString("content"),
                (Long) rs.getObject("budget_thousands"), rs.getInt("sort_order"));
    }

    private static final String ACTIVITY_SELECT = """
            select a.*, p.code as program_code from workplan_activity a join workplan_program p on p.id = a.program_id""";

    List<Program.Activity> activities() {
        return jdbc.sql(ACTIVITY_SELECT + " order by p.seq, a.sort_order, a.id").query((rs, i) -> activity(rs)).list();
    }

    Optional<Program.Activity> activity(long id) {
        return jdbc.sql(ACTIVITY_SELECT + " where a.id = :id").param("id", id).query((rs, i) -> activity(rs)).optional();
    }

    long insertActivity(long programId, String code, String group, String title, LocalDate start, LocalDate end,
                        String label, String place, String content, Long budget, int sortOrder) {
        return jdbc.sql("""
                        insert into workplan_activity (program_id, code, group_name, title, period_start, period_end, period_label,
                                                       place, content, budget_thousands, sort_order)
                        values (:p, :c, :g, :t, :s, :e, :l, :pl, :ct, :b, :o) returning id""")
                .param("p", programId).param("c", code).param("g", group).param("t", title).param("s", sqlDate(start))
                .param("e", sqlDate(end)).param("l", label).param("pl", place).param("ct", content).param("b", budget)
                .param("o", sortOrder).query(Long.class).single();
    }

    void updateActivity(long id, String group, String title, LocalDate start, LocalDate end, String label, String place,
                        String content, Long budget) {
        jdbc.sql("""
                        update workplan_activity set group_name = :g, title = :t, period_start = :s, period_end = :e,
                               period_label = :l, place = :pl, content = :ct, budget_thousands = :b where id = :id""")
                .param("g", group).param("t", title).param("s", sqlDate(start)).param("e", sqlDate(end))
                .param("l", label).param("pl", place).param("ct", content).param("b", budget).param("id", id).update();
    }

    void deleteActivity(long id) {
        jdbc.sql("delete from workplan_activity where id = :id").param("id", id).update();
    }

    int nextActivityNumber(long programId) {
        return jdbc.sql("select count(*) + 1 from workplan_activity where program_id = :p").param("p", programId)
                .query(Integer.class).single();
    }

    boolean activityCodeExists(String code) {
        return jdbc.sql("select count(*) from workplan_activity where code = :c").param("c", code)
                .query(Long.class).single() > 0;
    }

    private static Program.Kpi kpi(ResultSet rs) throws SQLException {
        return new Program.Kpi(rs.getLong("id"), rs.getString("code"), rs.getString("program_code"), rs.getString("name"),
                rs.getString("unit"), rs.getBigDecimal("baseline"), rs.getString("baseline_label"),
                date(rs, "baseline_date"), rs.getBigDecimal("target"), rs.getBigDecimal("actual"),
                date(rs, "actual_date"), rs.getString("note"), rs.getInt("sort_order"));
    }

    private static final String KPI_SELECT = """
            select k.*, p.code as program_code from workplan_kpi k join workplan_program p on p.id = k.program_id""";

    List<Program.Kpi> kpis() {
        return jdbc.sql(KPI_SELECT + " order by p.seq, k.sort_order, k.id").query((rs, i) -> kpi(rs)).list();
    }

    Optional<Program.Kpi> kpi(long id) {
        return jdbc.sql(KPI_SELECT + " where k.id = :id").param("id", id).query((rs, i) -> kpi(rs)).optional();
    }

    Optional<Program.Kpi> kpi(String code) {
        return jdbc.sql(KPI_SELECT + " where k.code = :c").param("c", code).query((rs, i) -> kpi(rs)).optional();
    }

    long insertKpi(long programId, String code, String name, String unit, BigDecimal baseline, String baselineLabel,
                   LocalDate baselineDate, BigDecimal target, BigDecimal actual, LocalDate actualDate, String note,
                   int sortOrder) {
        return jdbc.sql("""
                        insert into workplan_kpi (program_id, code, name, unit, baseline, baseline_label, baseline_date,
                                                  target, actual, actual_date, note, sort_order)
                        values (:p, :c, :n, :u, :b, :bl, :bd, :t, :a, :ad, :no, :o) returning id""")
                .param("p", programId).param("c", code).param("n", name).param("u", unit).param("b", baseline)
                .param("bl", baselineLabel).param("bd", sqlDate(baselineDate)).param("t", target).param("a", actual)
                .param("ad", sqlDate(actualDate)).param("no", note).param("o", sortOrder).query(Long.class).single();
    }

    void updateKpi(long id, String name, String unit, BigDecimal baseline, String baselineLabel, LocalDate baselineDate,
                   BigDecimal target, BigDecimal actual, LocalDate actualDate, String note) {
        jdbc.sql("""
                        update workplan_kpi set name = :n, unit = :u, baseline = :b, baseline_label = :bl, baseline_date = :bd,
                               target = :t, actual = :a, actual_date = :ad, note = :no where id = :id""")
                .param("n", name).param("u", unit).param("b", baseline).param("bl", baselineLabel)
                .param("bd", sqlDate(baselineDate)).param("t", target).param("a", actual).param("ad", sqlDate(actualDate))
                .param("no", note).param("id", id).update();
    }

    void deleteKpi(long id) {
        jdbc.sql("delete from workplan_kpi where id = :id").param("id", id).update();
    }

    Map<Long, List<Program.Funding>> funding() {
        Map<Long, List<Program.Funding>> map = new LinkedHashMap<>();
        jdbc.sql("select program_id, fiscal_year, source, amount_thousands from workplan_funding order by program_id, fiscal_year, source")
                .query(rs -> {
                    map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Program.Funding(rs.getInt(2),
                            FundingSource.valueOf(rs.getString(3)), rs.getLong(4)));
                });
        return map;
    }

    void upsertFunding(long programId, int year, FundingSource source, long amount) {
        jdbc.sql("""
                        insert into workplan_funding (program_id, fiscal_year, source, amount_thousands) values (:p, :y, :s, :a)
                        on conflict (program_id, fiscal_year, source) do update set amount_thousands = :a""")
                .param("p", programId).param("y", year).param("s", source.name()).param("a", amount).update();
    }

    void deleteFunding(long programId, int year, FundingSource source) {
        jdbc.sql("delete from workplan_funding where program_id = :p and fiscal_year = :y and source = :s")
                .param("p", programId).param("y", year).param("s", source.name()).update();
    }

    Map<String, Long> programFundingForYear(int year) {
        Map<String, Long> map = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.code, sum(f.amount_thousands) from workplan_funding f join workplan_program p on p.id = f.program_id
                         where f.fiscal_year = :y group by p.code, p.seq order by p.seq""")
                .param("y", year)
                .query(rs -> {
                    map.put(rs.getString(1), rs.getLong(2));
                });
        return map;
    }

    // ---------- spending ----------

    void upsertSpending(SpendingRecord s) {
        jdbc.sql("""
                        insert into workplan_spending (source_module, source_ref, fiscal_year, program_code, category, amount_won, spent_on, description)
                        values (:m, :r, :y, :p, :c, :a, :d, :x)
                        on conflict (source_module, source_ref) do update
                           set fiscal_year = :y, program_code = :p, category = :c, amount_won = :a, spent_on = :d, description = :x""")
                .param("m", s.sourceModule()).param("r", s.sourceRef()).param("y", s.fiscalYear())
                .param("p", s.programCode()).param("c", s.category().name()).param("a", s.amountWon())
                .param("d", sqlDate(s.spentOn())).param("x", s.description()).update();
    }

    void deleteSpending(String module, String ref) {
        jdbc.sql("delete from workplan_spending where source_module = :m and source_ref = :r")
                .param("m", module).param("r", ref).update();
    }

    long spentWon(int year) {
        return jdbc.sql("select coalesce(sum(amount_won), 0) from workplan_spending where fiscal_year = :y")
                .param("y", year).query(Long.class).single();
    }

    List<SpendingRecord> spending(int year) {
        return jdbc.sql("""
                        select source_module, source_ref, fiscal_year, program_code, category, amount_won, spent_on, description
                          from workplan_spending where fiscal_year = :y order by spent_on desc, id desc""")
                .param("y", year)
                .query((rs, i) -> new SpendingRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        BudgetCategory.valueOf(rs.getString(5)), rs.getLong(6), date(rs, 7), rs.getString(8)))
                .list();
    }

    // ---------- helpers ----------

    static LocalDate date(ResultSet rs, int col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static LocalDate date(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
