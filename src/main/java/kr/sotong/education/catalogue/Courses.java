package kr.sotong.education.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses with their quotas and sessions. */
@Repository
public class Courses {

    private final JdbcClient jdbc;

    Courses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Course> find(long id) {
        return jdbc.sql("select * from education_course where id = :id").param("id", id)
                .query((rs, i) -> map(rs, quotas(id))).optional();
    }

    public Course require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("과정", id));
    }

    /**
     * Locks the course row for the rest of the transaction: every change to its seats, arrivals and waitlist is
     * serialised here, so arrival order is the order in which registrations pass this lock.
     */
    public Course lock(long id) {
        return jdbc.sql("select * from education_course where id = :id for update").param("id", id)
                .query((rs, i) -> map(rs, quotas(id))).optional()
                .orElseThrow(() -> DomainException.notFound("과정", id));
    }

    /** Hands out {@code n} arrival numbers (call with the course locked, after deciding the arrivals). */
    public void advanceArrivals(long id, int n) {
        jdbc.sql("update education_course set next_arrival = next_arrival + :n where id = :id").param("n", n).param("id", id)
                .update();
    }

    private static Map<TargetGroup, Integer> parseQuotas(String list) {
        Map<TargetGroup, Integer> q = new EnumMap<>(TargetGroup.class);
        if (list != null && !list.isBlank()) {
            for (String part : list.split(",")) {
                String[] kv = part.split(":");
                q.put(TargetGroup.valueOf(kv[0]), Integer.parseInt(kv[1]));
            }
        }
        return q;
    }

    public List<Course> all() {
        Map<Long, Map<TargetGroup, Integer>> quotas = allQuotas();
        return jdbc.sql("select * from education_course order by opens_at desc, id desc")
                .query((rs, i) -> map(rs, quotas.getOrDefault(rs.getLong("id"), Map.of()))).list();
    }

    public List<Course> withStatus(CourseStatus status) {
        Map<Long, Map<TargetGroup, Integer>> quotas = allQuotas();
        return jdbc.sql("select * from education_course where status = :s order by opens_at, id").param("s", status.name())
                .query((rs, i) -> map(rs, quotas.getOrDefault(rs.getLong("id"), Map.of()))).list();
    }

    public long insert(CourseDraft d, String seedHash, String seedEnc, Instant now, String actor) {
        long id = draft(jdbc.sql("""
                        insert into education_course (title, kind, category_code, level_code, room_id, instructor, summary,
                            target_groups, capacity, allocation, opens_at, closes_at, claim_hours, completion_percent,
                            lottery_seed_hash, lottery_seed_enc, created_at, created_by)
                        values (:title, :kind, :cat, :level, :room, :instructor, :summary, :groups, :capacity, :allocation,
                            :opens, :closes, :claim, :completion, :hash, :enc, :now, :actor) returning id"""), d, seedHash, seedEnc)
                .param("now", Timestamp.from(now)).param("actor", actor).query(Long.class).single();
        replaceQuotas(id, d.quotas());
        return id;
    }

    public void update(long id, CourseDraft d, String seedHash, String seedEnc) {
        draft(jdbc.sql("""
                        update education_course set title = :title, kind = :kind, category_code = :cat, level_code = :level,
                            room_id = :room, instructor = :instructor, summary = :summary, target_groups = :groups,
                            capacity = :capacity, allocation = :allocation, opens_at = :opens, closes_at = :closes,
                            claim_hours = :claim, completion_percent = :completion, lottery_seed_hash = :hash,
                            lottery_seed_enc = :enc
                         where id = :id"""), d, seedHash, seedEnc)
                .param("id", id).update();
        replaceQuotas(id, d.quotas());
    }

    /** Binds a course draft's columns (shared by insert and update). */
    private static JdbcClient.StatementSpec draft(JdbcClient.StatementSpec st, CourseDraft d, String seedHash, String seedEnc) {
        return st.param("title", d.title()).param("kind", d.kind().name()).param("cat", d.categoryCode())
                .param("level", d.levelCode()).param("room", d.roomId()).param("instructor", d.instructor())
                .param("summary", d.summary()).param("groups", TargetGroup.toCsv(d.targetGroups()))
                .param("capacity", d.capacity()).param("allocation", d.allocation().name())
                .param("opens", Timestamp.from(d.opensAt())).param("closes", Timestamp.from(d.closesAt()))
                .param("claim", d.claimHours()).param("completion", d.completionPercent()).param("hash", seedHash)
                .param("enc", seedEnc);
    }

    public void replaceQuotas(long courseId, Map<TargetGroup, Integer> quotas) {
        jdbc.sql("delete from education_course_quota where course_id = :id").param("id", courseId).update();
        quotas.forEach((g, seats) -> jdbc.sql("insert into education_course_quota (course_id, target_group, seats) values (:c, :g, :s)")
                .param("c", courseId).param("g", g.name()).param("s", seats).update());
    }

    public void setStatus(long id, CourseStatus status, Instant finishedAt) {
        jdbc.sql("update education_course set status = :s, finished_at = coalesce(:f, finished_at) where id = :id")
                .param("s", status.name()).param("f", finishedAt == null ? null : Timestamp.from(finishedAt)).param("id", id)
                .update();
    }

    public void setCapacity(long id, int capacity) {
        jdbc.sql("update education_course set capacity = :c where id = :id").param("c", capacity).param("id", id).update();
    }

    /** Hands out the next arrival number (call with the course locked). */
    public int nextArrival(long id) {
        return jdbc.sql("update education_course set next_arrival = next_arrival + 1 where id = :id returning next_arrival")
                .param("id", id).query(Integer.class).single();
    }

    /** The encrypted secret seed of a lottery course (revealed only by the draw). */
    public String sealedSeed(long id) {
        return jdbc.sql("select lottery_seed_enc from education_course where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    public void recordDraw(long id, String seed, Instant at) {
        jdbc.sql("update education_course set lottery_seed = :s, drawn_at = :at where id = :id")
                .param("s", seed).param("at", Timestamp.from(at)).param("id", id).update();
    }

    // sessions ------------------------------------------------------------------------------------------------

    public List<Session> sessions(long courseId) {
        return jdbc.sql("select * from education_session where course_id = :c order by session_no").param("c", courseId)
                .query(Courses::session).list();
    }

    public Map<Long, List<Session>> sessionsByCourse(List<Long> courseIds) {
        Map<Long, List<Session>> map = new HashMap<>();
        if (courseIds.isEmpty()) {
            return map;
        }
        jdbc.sql("select * from education_session where course_id in (:ids) order by course_id, session_no")
                .param("ids", courseIds).query(Courses::session).list()
                .forEach(s -> map.computeIfAbsent(s.courseId(), k -> new java.util.ArrayList<>()).add(s));
        return map;
    }

    public Optional<Session> session(long sessionId) {
        return jdbc.sql("select * from education_session where id = :id").param("id", sessionId).query(Courses::session)
                .optional();
    }

    public long insertSession(long courseId, Instant starts, Instant ends, String topic, String instructor) {
        int no = jdbc.sql("select coalesce(max(session_no), 0) + 1 from education_session where course_id = :c")
                .param("c", courseId).query(Integer.class).single();
        return jdbc.sql("""
                        insert into education_session (course_id, session_no, starts_at, ends_at, topic, instructor)
                        values (:c, :no, :s, :e, :t, :i) returning id""")
                .param("c", courseId).param("no", no).param("s", Timestamp.from(starts)).param("e", Timestamp.from(ends))
                .param("t", topic).param("i", instructor).query(Long.class).single();
    }

    /** Deletes a session and renumbers the rest in time order. */
    public void deleteSession(long courseId, long sessionId) {
        jdbc.sql("delete from education_session where id = :id and course_id = :c").param("id", sessionId)
                .param("c", courseId).update();
        renumber(courseId);
    }

    public void renumber(long courseId) {
        jdbc.sql("update education_session set session_no = session_no + 100000 where course_id = :c").param("c", courseId).update();
        jdbc.sql("""
                        update education_session s set session_no = n.rn
                          from (select id, row_number() over (order by starts_at, id) rn from education_session where course_id = :c) n
                         where s.id = n.id""")
                .param("c", courseId).update();
    }

    /** Sessions of other courses in the same room that overlap the given time. */
    public List<String> roomClashes(long roomId, long exceptCourseId, Instant starts, Instant ends) {
        return jdbc.sql("""
                        select c.title || ' ' || s.session_no || '회차' from education_session s join education_course c on c.id = s.course_id
                         where c.room_id = :r and c.id <> :c and c.status in ('DRAFT', 'PUBLISHED')
                           and s.starts_at < :e and :s < s.ends_at""")
                .param("r", roomId).param("c", exceptCourseId).param("s", Timestamp.from(starts))
                .param("e", Timestamp.from(ends)).query(String.class).list();
    }

    // mapping -------------------------------------------------------------------------------------------------

    private Map<TargetGroup, Integer> quotas(long courseId) {
        Map<TargetGroup, Integer> q = new EnumMap<>(TargetGroup.class);
        jdbc.sql("select target_group, seats from education_course_quota where course_id = :c").param("c", courseId)
                .query(rs -> {
                    q.put(TargetGroup.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return q;
    }

    private Map<Long, Map<TargetGroup, Integer>> allQuotas() {
        Map<Long, Map<TargetGroup, Integer>> all = new HashMap<>();
        jdbc.sql("select course_id, target_group, seats from education_course_quota").query(rs -> {
            all.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TargetGroup.class))
                    .put(TargetGroup.valueOf(rs.getString(2)), rs.getInt(3));
        });
        return all;
    }

    static Course map(ResultSet rs, Map<TargetGroup, Integer> quotas) throws SQLException {
        return new Course(rs.getLong("id"), rs.getString("title"), CourseKind.valueOf(rs.getString("kind")),
                rs.getString("category_code"), rs.getString("level_code"), rs.getLong("room_id"), rs.getString("instructor"),
                rs.getString("summary"), TargetGroup.parseAll(rs.getString("target_groups")), quotas, rs.getInt("capacity"),
                Allocation.valueOf(rs.getString("allocation")), instant(rs, "opens_at"), instant(rs, "closes_at"),
                rs.getInt("claim_hours"), rs.getInt("completion_percent"), CourseStatus.valueOf(rs.getString("status")),
                rs.getInt("next_arrival"), rs.getString("lottery_seed_hash"), rs.getString("lottery_seed"),
                instant(rs, "drawn_at"), instant(rs, "finished_at"), instant(rs, "created_at"), rs.getString("created_by"));
    }

    static Session session(ResultSet rs, int i) throws SQLException {
        return new Session(rs.getLong("id"), rs.getLong("course_id"), rs.getInt("session_no"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("topic"), rs.getString("instructor"));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
