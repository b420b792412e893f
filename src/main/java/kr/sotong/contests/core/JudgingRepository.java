package kr.sotong.contests.core;

import static kr.sotong.contests.core.ContestRepository.instant;
import static kr.sotong.contests.core.ContestRepository.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scores, recusals and public votes. */
@Repository
class JudgingRepository {

    private final JdbcClient jdbc;

    JudgingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Ranking.Score> scores(long contestId) {
        return jdbc.sql("""
                        select s.entry_id, s.judge_id, s.criterion_id, s.points from contests_score s
                          join contests_entry e on e.id = s.entry_id where e.contest_id = :c""")
                .param("c", contestId)
                .query((rs, i) -> new Ranking.Score(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4))).list();
    }

    Map<Long, Integer> scoresOf(long entryId, long judgeId) {
        Map<Long, Integer> m = new HashMap<>();
        jdbc.sql("select criterion_id, points from contests_score where entry_id = :e and judge_id = :j").param("e", entryId)
                .param("j", judgeId).query((rs, i) -> m.put(rs.getLong(1), rs.getInt(2))).list();
        return m;
    }

    void upsertScore(long entryId, long judgeId, long criterionId, int points, Instant at) {
        jdbc.sql("""
                        insert into contests_score (entry_id, judge_id, criterion_id, points, scored_at) values (:e, :j, :c, :p, :at)
                        on conflict (entry_id, judge_id, criterion_id) do update set points = excluded.points, scored_at = excluded.scored_at""")
                .param("e", entryId).param("j", judgeId).param("c", criterionId).param("p", points).param("at", ts(at)).update();
    }

    int deleteScores(long entryId, long judgeId) {
        return jdbc.sql("delete from contests_score where entry_id = :e and judge_id = :j").param("e", entryId)
                .param("j", judgeId).update();
    }

    boolean judgeHasScores(long judgeId) {
        return jdbc.sql("select count(*) from contests_score where judge_id = :j").param("j", judgeId).query(Long.class)
                .single() > 0;
    }

    record Recusal(long entryId, long judgeId, String source, String reason, String createdBy, Instant createdAt) {
    }

    List<Recusal> recusals(long contestId) {
        return jdbc.sql("""
                        select r.entry_id, r.judge_id, r.source, r.reason, r.created_by, r.created_at from contests_recusal r
                          join contests_entry e on e.id = r.entry_id where e.contest_id = :c order by r.created_at""")
                .param("c", contestId)
                .query((rs, i) -> new Recusal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs, "created_at")))
                .list();
    }

    boolean recused(long entryId, long judgeId) {
        return jdbc.sql("select count(*) from contests_recusal where entry_id = :e and judge_id = :j").param("e", entryId)
                .param("j", judgeId).query(Long.class).single() > 0;
    }

    void insertRecusal(long entryId, long judgeId, String source, String reason, String by, Instant at) {
        jdbc.sql("""
                        insert into contests_recusal (entry_id, judge_id, source, reason, created_by, created_at)
                        values (:e, :j, :s, :r, :b, :at) on conflict do nothing""")
                .param("e", entryId).param("j", judgeId).param("s", source).param("r", reason).param("b", by)
                .param("at", ts(at)).update();
    }

    int deleteRecusal(long entryId, long judgeId) {
        return jdbc.sql("delete from contests_recusal where entry_id = :e and judge_id = :j").param("e", entryId)
                .param("j", judgeId).update();
    }

    Map<Long, Long> votes(long contestId) {
        Map<Long, Long> m = new HashMap<>();
        jdbc.sql("select entry_id, count(*) from contests_vote where contest_id = :c group by entry_id").param("c", contestId)
                .query((rs, i) -> m.put(rs.getLong(1), rs.getLong(2))).list();
        return m;
    }

    boolean insertVote(long contestId, String phoneHash, long entryId, Instant at) {
        return jdbc.sql("""
                        insert into contests_vote (contest_id, phone_hash, entry_id, voted_at) values (:c, :p, :e, :at)
                        on conflict (contest_id, phone_hash) do nothing""")
                .param("c", contestId).param("p", phoneHash).param("e", entryId).param("at", ts(at)).update() == 1;
    }

    boolean hasVoted(long contestId, String phoneHash) {
        return jdbc.sql("select count(*) from contests_vote where contest_id = :c and phone_hash = :p").param("c", contestId)
                .param("p", phoneHash).query(Long.class).single() > 0;
    }
}
