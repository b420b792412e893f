package kr.sotong.contests.core;

import static kr.sotong.contests.core.ContestRepository.instant;
import static kr.sotong.contests.core.ContestRepository.ts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.sotong.contests.UsageType;
import kr.sotong.contests.WorkUsages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AwardRepository {

    private final JdbcClient jdbc;

    AwardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Award(long contestId, long entryId, long prizeId, long amountWon, String decidedBy, Instant decidedAt) {
    }

    List<Award> awards(long contestId) {
        return jdbc.sql("""
                        select a.contest_id, a.entry_id, a.prize_id, a.amount_won, a.decided_by, a.decided_at
                          from contests_award a join contests_prize p on p.id = a.prize_id
                         where a.contest_id = :c order by p.rank, a.decided_at, a.entry_id""")
                .param("c", contestId)
                .query((rs, i) -> new Award(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        instant(rs, "decided_at")))
                .list();
    }

    void insert(long contestId, long entryId, long prizeId, long amount, String by, Instant at) {
        jdbc.sql("""
                        insert into contests_award (contest_id, entry_id, prize_id, amount_won, decided_by, decided_at)
                        values (:c, :e, :p, :a, :b, :at)""")
                .param("c", contestId).param("e", entryId).param("p", prizeId).param("a", amount).param("b", by)
                .param("at", ts(at)).update();
    }

    int delete(long contestId, long entryId) {
        return jdbc.sql("delete from contests_award where contest_id = :c and entry_id = :e").param("c", contestId)
                .param("e", entryId).update();
    }

    void deleteAll(long contestId) {
        jdbc.sql("delete from contests_award where contest_id = :c").param("c", contestId).update();
    }

    boolean awarded(long entryId) {
        return jdbc.sql("select count(*) from contests_award where entry_id = :e").param("e", entryId).query(Long.class)
                .single() > 0;
    }

    long insertUsage(long contestId, long entryId, UsageType type, LocalDate on, String note, String link, String by,
                     Instant at) {
        return jdbc.sql("""
                        insert into contests_usage (contest_id, entry_id, usage_type, used_on, note, link, created_by, created_at)
                        values (:c, :e, :t, :on, :n, :l, :b, :at) returning id""")
                .param("c", contestId).param("e", entryId).param("t", type.name()).param("on", on).param("n", note)
                .param("l", link).param("b", by).param("at", ts(at)).query(Long.class).single();
    }

    List<WorkUsages.Usage> usagesOfEntry(long entryId) {
        return jdbc.sql("select id, entry_id, usage_type, used_on, note, link, created_by from contests_usage where entry_id = :e order by used_on, id")
                .param("e", entryId).query(AwardRepository::usage).list();
    }

    List<WorkUsages.Usage> usagesOfContest(long contestId) {
        return jdbc.sql("select id, entry_id, usage_type, used_on, note, link, created_by from contests_usage where contest_id = :c order by used_on, id")
                .param("c", contestId).query(AwardRepository::usage).list();
    }

    int deleteUsage(long contestId, long usageId) {
        return jdbc.sql("delete from contests_usage where id = :id and contest_id = :c").param("id", usageId)
                .param("c", contestId).update();
    }

    private static WorkUsages.Usage usage(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new WorkUsages.Usage(rs.getLong(1), rs.getLong(2), UsageType.valueOf(rs.getString(3)),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
