package kr.sotong.press;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The annual press plan's items. */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static PlanItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date kd = rs.getDate("key_date");
        return new PlanItem(rs.getLong("id"), rs.getInt("plan_year"), rs.getInt("plan_month"), rs.getString("title"),
                rs.getString("issue"), rs.getString("program_code"), (Long) rs.getObject("activity_id"),
                rs.getString("derived_key"), kd == null ? null : kd.toLocalDate(), rs.getString("owner"),
                rs.getString("status"), (Long) rs.getObject("release_id"), rs.getString("note"));
    }

    List<PlanItem> year(int year) {
        return jdbc.sql("select * from press_plan_item where plan_year = :y order by plan_month, key_date nulls last, id")
                .param("y", year).query((rs, i) -> item(rs)).list();
    }

    Optional<PlanItem> item(long id) {
        return jdbc.sql("select * from press_plan_item where id = :id").param("id", id).query((rs, i) -> item(rs)).optional();
    }

    boolean exists(long id) {
        return item(id).isPresent();
    }

    /** Inserts unless an item with the same derived key exists; true when inserted. */
    boolean insert(int year, int month, String title, String issue, String programCode, Long activityId, String derivedKey,
                   LocalDate keyDate, String owner, String note) {
        return jdbc.sql("""
                        insert into press_plan_item (plan_year, plan_month, title, issue, program_code, activity_id, derived_key,
                                                     key_date, owner, note)
                        values (:y, :m, :t, :i, :p, :a, :k, :d, :o, :n) on conflict (derived_key) do nothing""")
                .param("y", year).param("m", month).param("t", title).param("i", issue).param("p", programCode)
                .param("a", activityId).param("k", derivedKey).param("d", keyDate == null ? null : Date.valueOf(keyDate))
                .param("o", owner).param("n", note).update() == 1;
    }

    void update(long id, int month, String title, String issue, LocalDate keyDate, String owner, String status, String note) {
        jdbc.sql("""
                        update press_plan_item set plan_month = :m, title = :t, issue = :i, key_date = :d, owner = :o,
                               status = :s, note = :n where id = :id""")
                .param("m", month).param("t", title).param("i", issue).param("d", keyDate == null ? null : Date.valueOf(keyDate))
                .param("o", owner).param("s", status).param("n", note).param("id", id).update();
    }

    void link(long itemId, long releaseId) {
        jdbc.sql("update press_plan_item set release_id = :r, status = 'DRAFTING' where id = :id and status <> 'DISTRIBUTED'")
                .param("r", releaseId).param("id", itemId).update();
    }

    void markDistributed(long itemId) {
        jdbc.sql("update press_plan_item set status = 'DISTRIBUTED' where id = :id").param("id", itemId).update();
    }
}
