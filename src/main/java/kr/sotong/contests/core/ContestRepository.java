package kr.sotong.contests.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contests with their prizes, criteria, panels and judges ({@code contests_contest} and friends). */
@Repository
class ContestRepository {

    private final JdbcClient jdbc;

    ContestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            id, seed_key, kind, title, new_this_year, purposes, themes, field, uses, rules, programme_start, programme_end,
            entry_opens_at, entry_closes_at, eligibility, min_age, guardian_under_age, max_entries_per_person, formats,
            max_bytes, min_long_side, min_duration_ms, max_duration_ms, prize_budget_won, prize_goods, score_scale_max,
            normalise_scores, public_vote, vote_weight_percent, vote_opens_at, vote_closes_at, status, announcement,
            announced_at, version""";

    Optional<Contest> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from contests_contest where id = :id").param("id", id)
                .query(ContestRepository::map).optional();
    }

    Contest get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("공모전", id));
    }

    /**
     * Locks the row for the rest of the transaction (state changes, award decisions). {@code for no key update}: the
     * contest's key never changes, and background work that only references the contest (a similarity row, whose
     * foreign-key check takes a key-share lock) must not wait for it — with {@code for update} a withdrawal holding the
     * contest and waiting for an entry row deadlocked with the public-copy maker holding that entry row.
     */
    Contest lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from contests_contest where id = :id for no key update").param("id", id)
                .query(ContestRepository::map).optional().orElseThrow(() -> DomainException.notFound("공모전", id));
    }

    Optional<Contest> findBySeedKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from contests_contest where seed_key = :k").param("k", key)
                .query(ContestRepository::map).optional();
    }

    List<Contest> all() {
        return jdbc.sql("select " + COLUMNS + " from contests_contest order by coalesce(entry_opens_at, created_at) desc, id desc")
                .query(ContestRepository::map).list();
    }

    List<Contest> withStatus(List<ContestStatus> statuses) {
        return jdbc.sql("select " + COLUMNS + " from contests_contest where status in (:s) order by entry_closes_at nulls last, id")
                .param("s", statuses.stream().map(Enum::name).toList()).query(ContestRepository::map).list();
    }

    long insert(Contest c, Instant now) {
        ContestDefinition d = c.def();
        return bind(jdbc.sql("""
                        insert into contests_contest (seed_key, kind, title, new_this_year, purposes, themes, field, uses, rules,
                          programme_start, programme_end, entry_opens_at, entry_closes_at, eligibility, min_age, guardian_under_age,
                          max_entries_per_person, formats, max_bytes, min_long_side, min_duration_ms, max_duration_ms,
                          prize_budget_won, prize_goods, score_scale_max, normalise_scores, public_vote, vote_weight_percent,
                          vote_opens_at, vote_closes_at, status, created_at, updated_at)
                        values (:seed, :kind, :title, :nty, :purposes, :themes, :field, :uses, :rules, :ps, :pe, :eo, :ec, :elig,
                          :minAge, :gAge, :maxEntries, :formats, :maxBytes, :minSide, :minMs, :maxMs, :budget, :goods, :scale,
                          :norm, :vote, :voteWeight, :vo, :vc, :status, :now, :now)
                        returning id""").param("seed", c.seedKey()), d)
                .param("status", c.status().name()).param("now", ts(now)).query(Long.class).single();
    }

    void update(Contest c, Instant now) {
        int n = bind(jdbc.sql("""
                        update contests_contest set kind = :kind, title = :title, new_this_year = :nty, purposes = :purposes,
                          themes = :themes, field = :field, uses = :uses, rules = :rules, programme_start = :ps, programme_end = :pe,
                          entry_opens_at = :eo, entry_closes_at = :ec, eligibility = :elig, min_age = :minAge,
                          guardian_under_age = :gAge, max_entries_per_person = :maxEntries, formats = :formats,
                          max_bytes = :maxBytes, min_long_side = :minSide, min_duration_ms = :minMs, max_duration_ms = :maxMs,
                          prize_budget_won = :budget, prize_goods = :goods, score_scale_max = :scale, normalise_scores = :norm,
                          public_vote = :vote, vote_weight_percent = :voteWeight, vote_opens_at = :vo, vote_closes_at = :vc,
                          status = :status, announcement = :ann, announced_at = :annAt, updated_at = :now, version = version + 1
                        where id = :id and version = :version"""), c.def())
                .param("status", c.status().name()).param("ann", c.announcement()).param("annAt", ts(c.announcedAt()))
                .param("now", ts(now)).param("id", c.id()).param("version", c.version()).update();
        if (n != 1) {
            throw DomainException.conflict("contests.concurrent", "다른 사용자가 먼저 고쳤습니다. 새로 고친 뒤 다시 하세요.");
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, ContestDefinition d) {
        return s.param("kind", d.kind().name()).param("title", d.title().strip()).param("nty", d.newThisYear())
                .param("purposes", lines(d.purposes())).param("themes", lines(d.themes())).param("field", d.field().strip())
                .param("uses", lines(d.uses())).param("rules", d.rules()).param("ps", d.programmeStart())
                .param("pe", d.programmeEnd()).param("eo", ts(d.entryOpensAt())).param("ec", ts(d.entryClosesAt()))
                .param("elig", Eligibility.csv(d.eligibility())).param("minAge", d.minAge())
                .param("gAge", d.guardianUnderAge()).param("maxEntries", d.maxEntriesPerPerson())
                .param("formats", MediaFormat.toCsv(d.formats())).param("maxBytes", d.maxBytes())
                .param("minSide", d.minLongSide()).param("minMs", d.minDurationMs()).param("maxMs", d.maxDurationMs())
                .param("budget", d.prizeBudgetWon()).param("goods", d.prizeGoods()).param("scale", d.scoreScaleMax())
                .param("norm", d.normaliseScores()).param("vote", d.publicVote()).param("voteWeight", d.voteWeightPercent())
                .param("vo", ts(d.voteOpensAt())).param("vc", ts(d.voteClosesAt()));
    }

    static String lines(List<String> items) {
        return items.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining("\n"));
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Contest map(ResultSet rs, int i) throws SQLException {
        LocalDate ps = rs.getObject("programme_start", LocalDate.class);
        LocalDate pe = rs.getObject("programme_end", LocalDate.class);
        ContestDefinition d = new ContestDefinition(ContestKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getBoolean("new_this_year"), split(rs.getString("purposes")), split(rs.getString("themes")),
                rs.getString("field"), split(rs.getString("uses")), rs.getString("rules"), ps, pe,
                instant(rs, "entry_opens_at"), instant(rs, "entry_closes_at"), Eligibility.parse(rs.getString("eligibility")),
                intOrNull(rs, "min_age"), rs.getInt("guardian_under_age"), rs.getInt("max_entries_per_person"),
                MediaFormat.parseSet(rs.getString("formats")), rs.getLong("max_bytes"), intOrNull(rs, "min_long_side"),
                longOrNull(rs, "min_duration_ms"), longOrNull(rs, "max_duration_ms"), rs.getLong("prize_budget_won"),
                rs.getString("prize_goods"), rs.getInt("score_scale_max"), rs.getBoolean("normalise_scores"),
                rs.getBoolean("public_vote"), rs.getInt("vote_weight_percent"), instant(rs, "vote_opens_at"),
                instant(rs, "vote_closes_at"));
        return new Contest(rs.getLong("id"), rs.getString("seed_key"), d, ContestStatus.valueOf(rs.getString("status")),
                rs.getString("announcement"), instant(rs, "announced_at"), rs.getInt("version"));
    }

    // ---- prizes

    List<Prize> prizes(long contestId) {
        return jdbc.sql("select id, contest_id, rank, name, winners, amount_won, goods from contests_prize where contest_id = :c order by rank")
                .param("c", contestId)
                .query((rs, i) -> new Prize(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                        rs.getLong(6), rs.getString(7)))
                .list();
    }

    long insertPrize(long contestId, int rank, String name, int winners, long amount, String goods) {
        return jdbc.sql("""
                        insert into contests_prize (contest_id, rank, name, winners, amount_won, goods)
                        values (:c, :r, :n, :w, :a, :g) returning id""")
                .param("c", contestId).param("r", rank).param("n", name).param("w", winners).param("a", amount)
                .param("g", goods == null ? "" : goods).query(Long.class).single();
    }

    int deletePrize(long contestId, long prizeId) {
        return jdbc.sql("delete from contests_prize where id = :p and contest_id = :c").param("p", prizeId)
                .param("c", contestId).update();
    }

    // ---- criteria

    List<Criterion> criteria(long contestId) {
        return jdbc.sql("select id, contest_id, position, name, description, weight from contests_criterion where contest_id = :c order by position, id")
                .param("c", contestId)
                .query((rs, i) -> new Criterion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)))
                .list();
    }

    long insertCriterion(long contestId, String name, String description, int weight) {
        return jdbc.sql("""
                        insert into contests_criterion (contest_id, position, name, description, weight)
                        values (:c, (select coalesce(max(position), 0) + 1 from contests_criterion where contest_id = :c), :n, :d, :w)
                        returning id""")
                .param("c", contestId).param("n", name).param("d", description == null ? "" : description)
                .param("w", weight).query(Long.class).single();
    }

    int deleteCriterion(long contestId, long criterionId) {
        return jdbc.sql("delete from contests_criterion where id = :id and contest_id = :c").param("id", criterionId)
                .param("c", contestId).update();
    }

    // ---- panels and judges

    List<Panel> panels(long contestId) {
        List<Judge> judges = judges(contestId);
        Map<Long, List<Judge>> byPanel = judges.stream().collect(Collectors.groupingBy(Judge::panelId));
        return jdbc.sql("select id, contest_id, name from contests_panel where contest_id = :c order by id").param("c", contestId)
                .query((rs, i) -> new Panel(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        byPanel.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    List<Judge> judges(long contestId) {
        return jdbc.sql("select id, contest_id, panel_id, account_id, display_name from contests_judge where contest_id = :c order by panel_id, id")
                .param("c", contestId).query(ContestRepository::judge).list();
    }

    Optional<Judge> judgeOf(long contestId, long accountId) {
        return jdbc.sql("select id, contest_id, panel_id, account_id, display_name from contests_judge where contest_id = :c and account_id = :a")
                .param("c", contestId).param("a", accountId).query(ContestRepository::judge).optional();
    }

    /** Contests in which the staff account is a judge. */
    List<Long> contestsJudgedBy(long accountId) {
        return jdbc.sql("select contest_id from contests_judge where account_id = :a order by contest_id").param("a", accountId)
                .query(Long.class).list();
    }

    private static Judge judge(ResultSet rs, int i) throws SQLException {
        return new Judge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5));
    }

    long insertPanel(long contestId, String name) {
        return jdbc.sql("insert into contests_panel (contest_id, name) values (:c, :n) returning id").param("c", contestId)
                .param("n", name).query(Long.class).single();
    }

    long insertJudge(long contestId, long panelId, long accountId, String displayName) {
        return jdbc.sql("""
                        insert into contests_judge (contest_id, panel_id, account_id, display_name)
                        values (:c, :p, :a, :n) returning id""")
                .param("c", contestId).param("p", panelId).param("a", accountId).param("n", displayName)
                .query(Long.class).single();
    }

    int deleteJudge(long contestId, long judgeId) {
        return jdbc.sql("delete from contests_judge where id = :j and contest_id = :c").param("j", judgeId).param("c", contestId)
                .update();
    }
}
