package kr.sotong.press;

import static kr.sotong.press.ReleaseRepository.instant;
import static kr.sotong.press.ReleaseRepository.ts;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Placements, press events with invitations, training, subscriptions and paid notices. */
@Repository
class RelationsRepository {

    private final JdbcClient jdbc;

    RelationsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static LocalDate date(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static Date sql(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    // ---------- placements ----------

    long insertPlacement(Relations.PlacementKind kind, long outletId, LocalDate on, String topic, String url, String note,
                         String by, Instant now) {
        return jdbc.sql("""
                        insert into press_placement (kind, outlet_id, placed_on, topic, result_url, note, created_by, created_at)
                        values (:k, :o, :d, :t, :u, :n, :by, :now) returning id""")
                .param("k", kind.name()).param("o", outletId).param("d", sql(on)).param("t", topic).param("u", url)
                .param("n", note).param("by", by).param("now", ts(now)).query(Long.class).single();
    }

    List<Relations.Placement> placements(int year) {
        return jdbc.sql("""
                        select p.*, o.name as outlet_name from press_placement p join press_outlet o on o.id = p.outlet_id
                         where extract(year from p.placed_on) = :y order by p.placed_on desc, p.id desc""")
                .param("y", year)
                .query((rs, i) -> new Relations.Placement(rs.getLong("id"),
                        Relations.PlacementKind.valueOf(rs.getString("kind")), rs.getLong("outlet_id"),
                        rs.getString("outlet_name"), date(rs, "placed_on"), rs.getString("topic"),
                        rs.getString("result_url"), rs.getString("note"))).list();
    }

    /** year → kind → count. */
    List<Object[]> placementCounts() {
        return jdbc.sql("select extract(year from placed_on)::int, kind, count(*) from press_placement group by 1, 2 order by 1, 2")
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getLong(3)}).list();
    }

    // ---------- events ----------

    long insertEvent(Relations.EventKind kind, String title, Instant startsAt, String place, String description, String by,
                     Instant now) {
        return jdbc.sql("""
                        insert into press_event (kind, title, starts_at, place, description, created_by, created_at)
                        values (:k, :t, :s, :p, :d, :by, :now) returning id""")
                .param("k", kind.name()).param("t", title).param("s", ts(startsAt)).param("p", place).param("d", description)
                .param("by", by).param("now", ts(now)).query(Long.class).single();
    }

    private static final String EVENT_SELECT = """
            select e.*, (select count(*) from press_event_invitation i where i.event_id = e.id) as invited,
                   (select count(*) from press_event_invitation i where i.event_id = e.id and i.rsvp = 'YES') as yes,
                   (select count(*) from press_event_invitation i where i.event_id = e.id and i.attended) as attended
              from press_event e""";

    private static Relations.PressEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Relations.PressEvent(rs.getLong("id"), Relations.EventKind.valueOf(rs.getString("kind")),
                rs.getString("title"), instant(rs, "starts_at"), rs.getString("place"), rs.getString("description"),
                rs.getInt("invited"), rs.getInt("yes"), rs.getInt("attended"));
    }

    List<Relations.PressEvent> events() {
        return jdbc.sql(EVENT_SELECT + " order by e.starts_at desc").query((rs, i) -> event(rs)).list();
    }

    Optional<Relations.PressEvent> event(long id) {
        return jdbc.sql(EVENT_SELECT + " where e.id = :id").param("id", id).query((rs, i) -> event(rs)).optional();
    }

    boolean invite(long eventId, long reporterId, Instant now) {
        return jdbc.sql("""
                        insert into press_event_invitation (event_id, reporter_id, invited_at) values (:e, :r, :now)
                        on conflict do nothing""")
                .param("e", eventId).param("r", reporterId).param("now", ts(now)).update() == 1;
    }

    void setInvitationNotification(long eventId, long reporterId, long notificationId) {
        jdbc.sql("update press_event_invitation set notification_id = :n where event_id = :e and reporter_id = :r")
                .param("n", notificationId).param("e", eventId).param("r", reporterId).update();
    }

    boolean respond(long eventId, long reporterId, String rsvp, boolean attended) {
        return jdbc.sql("update press_event_invitation set rsvp = :s, attended = :a where event_id = :e and reporter_id = :r")
                .param("s", rsvp).param("a", attended).param("e", eventId).param("r", reporterId).update() == 1;
    }

    List<Relations.Invitation> invitations(long eventId) {
        return jdbc.sql("""
                        select i.*, o.name as outlet_name, r.name_masked from press_event_invitation i
                          join press_reporter r on r.id = i.reporter_id join press_outlet o on o.id = r.outlet_id
                         where i.event_id = :e order by o.name, r.id""")
                .param("e", eventId)
                .query((rs, i) -> new Relations.Invitation(rs.getLong("reporter_id"), rs.getString("outlet_name"),
                        rs.getString("name_masked"), instant(rs, "invited_at"), rs.getString("rsvp"),
                        rs.getBoolean("attended"))).list();
    }

    // ---------- training ----------

    long insertTraining(String title, LocalDate on, String audience, String lecturer, String place, String note, String by,
                        Instant now) {
        return jdbc.sql("""
                        insert into press_training (title, held_on, audience, lecturer, place, note, created_by, created_at)
                        values (:t, :d, :a, :l, :p, :n, :by, :now) returning id""")
                .param("t", title).param("d", sql(on)).param("a", audience).param("l", lecturer).param("p", place)
                .param("n", note).param("by", by).param("now", ts(now)).query(Long.class).single();
    }

    private static final String TRAINING_SELECT = """
            select t.*, (select count(*) from press_training_attendee a where a.training_id = t.id) as attendees,
                   (select round(avg(rating)::numeric, 1) from press_training_attendee a where a.training_id = t.id) as avg_rating
              from press_training t""";

    private static Relations.Training training(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.math.BigDecimal avg = rs.getBigDecimal("avg_rating");
        return new Relations.Training(rs.getLong("id"), rs.getString("title"), date(rs, "held_on"), rs.getString("audience"),
                rs.getString("lecturer"), rs.getString("place"), rs.getString("note"), rs.getInt("attendees"),
                avg == null ? "-" : avg.toPlainString());
    }

    List<Relations.Training> trainings(int year) {
        return jdbc.sql(TRAINING_SELECT + " where extract(year from t.held_on) = :y order by t.held_on")
                .param("y", year).query((rs, i) -> training(rs)).list();
    }

    Optional<Relations.Training> training(long id) {
        return jdbc.sql(TRAINING_SELECT + " where t.id = :id").param("id", id).query((rs, i) -> training(rs)).optional();
    }

    void insertAttendee(long trainingId, String name, String team, Integer rating, String feedback) {
        jdbc.sql("""
                        insert into press_training_attendee (training_id, name, team, rating, feedback)
                        values (:t, :n, :team, :r, :f)""")
                .param("t", trainingId).param("n", name).param("team", team).param("r", rating).param("f", feedback).update();
    }

    List<Relations.Attendee> attendees(long trainingId) {
        return jdbc.sql("select * from press_training_attendee where training_id = :t order by id").param("t", trainingId)
                .query((rs, i) -> new Relations.Attendee(rs.getLong("id"), rs.getString("name"), rs.getString("team"),
                        (Integer) rs.getObject("rating"), rs.getString("feedback"))).list();
    }

    // ---------- subscriptions and paid notices ----------

    long insertSubscription(long outletId, int copies, LocalDate start, LocalDate end, long cost, LocalDate renewal,
                            String programCode, String note, Instant now) {
        return jdbc.sql("""
                        insert into press_subscription (outlet_id, copies, starts_on, ends_on, cost_won, renewal_on, program_code, note, created_at)
                        values (:o, :c, :s, :e, :cost, :r, :p, :n, :now) returning id""")
                .param("o", outletId).param("c", copies).param("s", sql(start)).param("e", sql(end)).param("cost", cost)
                .param("r", sql(renewal)).param("p", programCode).param("n", note).param("now", ts(now))
                .query(Long.class).single();
    }

    List<Relations.Subscription> subscriptions(int year) {
        return jdbc.sql("""
                        select s.*, o.name as outlet_name from press_subscription s join press_outlet o on o.id = s.outlet_id
                         where extract(year from s.starts_on) <= :y and extract(year from s.ends_on) >= :y
                         order by s.renewal_on nulls last, o.name""")
                .param("y", year)
                .query((rs, i) -> new Relations.Subscription(rs.getLong("id"), rs.getLong("outlet_id"),
                        rs.getString("outlet_name"), rs.getInt("copies"), date(rs, "starts_on"), date(rs, "ends_on"),
                        rs.getLong("cost_won"), date(rs, "renewal_on"), rs.getString("program_code"), rs.getString("note")))
                .list();
    }

    long insertNotice(long outletId, LocalDate on, String topic, String size, long cost, String programCode, String category,
                      String note, Instant now) {
        return jdbc.sql("""
                        insert into press_paid_notice (outlet_id, placed_on, topic, size_label, cost_won, program_code, category, note, created_at)
                        values (:o, :d, :t, :s, :c, :p, :cat, :n, :now) returning id""")
                .param("o", outletId).param("d", sql(on)).param("t", topic).param("s", size).param("c", cost)
                .param("p", programCode).param("cat", category).param("n", note).param("now", ts(now))
                .query(Long.class).single();
    }

    void deleteNotice(long id) {
        jdbc.sql("delete from press_paid_notice where id = :id").param("id", id).update();
    }

    Optional<Relations.PaidNotice> notice(long id) {
        return jdbc.sql("""
                        select n.*, o.name as outlet_name from press_paid_notice n join press_outlet o on o.id = n.outlet_id
                         where n.id = :id""")
                .param("id", id).query((rs, i) -> notice(rs)).optional();
    }

    private static Relations.PaidNotice notice(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Relations.PaidNotice(rs.getLong("id"), rs.getLong("outlet_id"), rs.getString("outlet_name"),
                date(rs, "placed_on"), rs.getString("topic"), rs.getString("size_label"), rs.getLong("cost_won"),
                rs.getString("program_code"), rs.getString("category"), rs.getString("note"));
    }

    List<Relations.PaidNotice> notices(int year) {
        return jdbc.sql("""
                        select n.*, o.name as outlet_name from press_paid_notice n join press_outlet o on o.id = n.outlet_id
                         where extract(year from n.placed_on) = :y order by n.placed_on desc, n.id desc""")
                .param("y", year).query((rs, i) -> notice(rs)).list();
    }
}
