package kr.sotong.press;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Press releases, revisions, editions, comments and files (JdbcClient over the press_ tables). */
@Repository
class ReleaseRepository {

    private final JdbcClient jdbc;

    ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    static String joinCodes(List<String> codes) {
        return String.join(",", codes);
    }

    static List<String> splitCodes(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).filter(x -> !x.isBlank()).toList();
    }

    long insert(String owner, String ownerName, String teamCode, Long planItemId, String title, List<String> lists,
                Instant distributeAt, Instant embargoUntil, Instant now) {
        return jdbc.sql("""
                        insert into press_release (plan_item_id, owner, owner_name, team_code, status, edition, current_revision,
                                                   title, list_codes, distribute_at, embargo_until, created_at, updated_at)
                        values (:plan, :owner, :ownerName, :team, 'DRAFT', 1, 0, :title, :lists, :dist, :emb, :now, :now)
                        returning id""")
                .param("plan", planItemId).param("owner", owner).param("ownerName", ownerName).param("team", teamCode)
                .param("title", title).param("lists", joinCodes(lists)).param("dist", ts(distributeAt))
                .param("emb", ts(embargoUntil)).param("now", ts(now)).query(Long.class).single();
    }

    Optional<PressRelease> load(long id, boolean forUpdate) {
        return jdbc.sql("select * from press_release where id = :id" + (forUpdate ? " for update" : ""))
                .param("id", id).query((rs, i) -> aggregate(rs)).optional();
    }

    PressRelease require(long id, boolean forUpdate) {
        return load(id, forUpdate).orElseThrow(() -> DomainException.notFound("보도자료", id));
    }

    private static PressRelease aggregate(ResultSet rs) throws SQLException {
        return new PressRelease(rs.getLong("id"), rs.getString("owner"), ReleaseStatus.valueOf(rs.getString("status")),
                rs.getInt("edition"), rs.getInt("current_revision"), instant(rs, "distribute_at"),
                instant(rs, "embargo_until"), rs.getString("reviewed_by"), rs.getString("approved_by"),
                rs.getInt("lock_version"));
    }

    /** Saves the workflow state; fails when someone else changed the release meanwhile. */
    void save(PressRelease r, Instant now) {
        int n = jdbc.sql("""
                        update press_release set status = :status, edition = :edition, current_revision = :rev,
                               distribute_at = :dist, embargo_until = :emb, reviewed_by = :reviewed, approved_by = :approved,
                               updated_at = :now, lock_version = lock_version + 1
                         where id = :id and lock_version = :lock""")
                .param("status", r.status.name()).param("edition", r.edition).param("rev", r.currentRevision)
                .param("dist", ts(r.distributeAt)).param("emb", ts(r.embargoUntil)).param("reviewed", r.reviewedBy)
                .param("approved", r.approvedBy).param("now", ts(now)).param("id", r.id).param("lock", r.lockVersion)
                .update();
        if (n != 1) {
            throw DomainException.conflict("press.release.stale",
                    "다른 사용자가 먼저 이 보도자료를 바꿨습니다. 새로 고친 뒤 다시 하세요.");
        }
    }

    void updateHeader(long id, String title, List<String> lists) {
        jdbc.sql("update press_release set title = :t, list_codes = :l where id = :id")
                .param("t", title).param("l", joinCodes(lists)).param("id", id).update();
    }

    long insertRevision(long releaseId, int revision, int edition, ReleaseDraft d, String savedBy, Instant now) {
        return jdbc.sql("""
                        insert into press_release_revision (release_id, revision, edition, title, subtitle, body, department,
                               responsible, contact_name, contact_phone, distribute_at, embargo_until, correction_note, saved_by, saved_at)
                        values (:r, :rev, :ed, :title, :sub, :body, :dept, :resp, :cname, :cphone, :dist, :emb, :note, :by, :now)
                        returning id""")
                .param("r", releaseId).param("rev", revision).param("ed", edition).param("title", d.title())
                .param("sub", d.subtitle()).param("body", d.body()).param("dept", d.department())
                .param("resp", d.responsible()).param("cname", d.contactName()).param("cphone", d.contactPhone())
                .param("dist", ts(d.distributeAt())).param("emb", ts(d.embargoUntil())).param("note", d.correctionNote())
                .param("by", savedBy).param("now", ts(now)).query(Long.class).single();
    }

    private static ReleaseView.Revision revision(ResultSet rs) throws SQLException {
        return new ReleaseView.Revision(rs.getLong("id"), rs.getInt("revision"), rs.getInt("edition"), rs.getString("title"),
                rs.getString("subtitle"), rs.getString("body"), rs.getString("department"), rs.getString("responsible"),
                rs.getString("contact_name"), rs.getString("contact_phone"), instant(rs, "distribute_at"),
                instant(rs, "embargo_until"), rs.getString("correction_note"), rs.getString("saved_by"),
                instant(rs, "saved_at"));
    }

    Optional<ReleaseView.Revision> revision(long releaseId, int revision) {
        return jdbc.sql("select * from press_release_revision where release_id = :r and revision = :n")
                .param("r", releaseId).param("n", revision).query((rs, i) -> revision(rs)).optional();
    }

    Optional<ReleaseView.Revision> revisionById(long id) {
        return jdbc.sql("select * from press_release_revision where id = :id").param("id", id)
                .query((rs, i) -> revision(rs)).optional();
    }

    List<ReleaseView.Revision> revisions(long releaseId) {
        return jdbc.sql("select * from press_release_revision where release_id = :r order by revision desc")
                .param("r", releaseId).query((rs, i) -> revision(rs)).list();
    }

    Optional<ReleaseView> view(long id) {
        return jdbc.sql("""
                        select r.*, v.id as v_id from press_release r
                          join press_release_revision v on v.release_id = r.id and v.revision = r.current_revision
                         where r.id = :id""")
                .param("id", id).query((rs, i) -> view(rs)).optional();
    }

    private ReleaseView view(ResultSet rs) throws SQLException {
        long vid = rs.getLong("v_id");
        ReleaseView.Revision rev = revisionById(vid).orElseThrow();
        return new ReleaseView(rs.getLong("id"), ReleaseStatus.valueOf(rs.getString("status")), rs.getInt("edition"),
                rs.getString("owner"), rs.getString("owner_name"), rs.getString("team_code"),
                (Long) rs.getObject("plan_item_id"), rev, splitCodes(rs.getString("list_codes")),
                rs.getString("reviewed_by"), rs.getString("approved_by"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("lock_version"));
    }

    List<ReleaseSummary> list(Integer year, ReleaseStatus status, boolean onlyPublic, Instant now, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select r.id, r.status, r.edition, r.title, r.owner_name, r.distribute_at, r.embargo_until, r.updated_at from press_release r where 1=1");
        if (year != null) {
            sql.append(" and extract(year from r.embargo_until at time zone 'Asia/Seoul') = :year");
        }
        if (status != null) {
            sql.append(" and r.status = :status");
        }
        if (onlyPublic) {
            sql.append(" and exists (select 1 from press_release_edition e where e.release_id = r.id and e.embargo_until <= :now)");
        }
        sql.append(" order by r.embargo_until desc, r.id desc limit :limit offset :offset");
        var q = jdbc.sql(sql.toString()).param("limit", limit).param("offset", offset);
        if (year != null) {
            q = q.param("year", year);
        }
        if (status != null) {
            q = q.param("status", status.name());
        }
        if (onlyPublic) {
            q = q.param("now", ts(now));
        }
        return q.query((rs, i) -> new ReleaseSummary(rs.getLong("id"), ReleaseStatus.valueOf(rs.getString("status")),
                rs.getInt("edition"), rs.getString("title"), rs.getString("owner_name"), instant(rs, "distribute_at"),
                instant(rs, "embargo_until"), instant(rs, "updated_at"))).list();
    }

    List<ReleaseSummary> awaitingApproval() {
        return jdbc.sql("""
                        select id, status, edition, title, owner_name, distribute_at, embargo_until, updated_at from press_release
                         where status in ('IN_REVIEW','AWAITING_APPROVAL') order by distribute_at""")
                .query((rs, i) -> new ReleaseSummary(rs.getLong("id"), ReleaseStatus.valueOf(rs.getString("status")),
                        rs.getInt("edition"), rs.getString("title"), rs.getString("owner_name"),
                        instant(rs, "distribute_at"), instant(rs, "embargo_until"), instant(rs, "updated_at"))).list();
    }

    // ---------- comments ----------

    void comment(long releaseId, String kind, String author, String authorName, String text, Instant now) {
        jdbc.sql("""
                        insert into press_release_comment (release_id, kind, author, author_name, text, at)
                        values (:r, :k, :a, :n, :t, :at)""")
                .param("r", releaseId).param("k", kind).param("a", author).param("n", authorName).param("t", text)
                .param("at", ts(now)).update();
    }

    List<ReleaseView.Comment> comments(long releaseId) {
        return jdbc.sql("select * from press_release_comment where release_id = :r order by id")
                .param("r", releaseId)
                .query((rs, i) -> new ReleaseView.Comment(rs.getLong("id"), rs.getString("kind"), rs.getString("author"),
                        rs.getString("author_name"), rs.getString("text"), instant(rs, "at"))).list();
    }

    // ---------- files ----------

    long addFile(long releaseId, String kind, String sha, String name, String mediaType, long size, String caption,
                 String by, Instant now) {
        return jdbc.sql("""
                        insert into press_release_file (release_id, kind, sha256, file_name, media_type, size_bytes, caption, added_by, added_at)
                        values (:r, :k, :sha, :name, :type, :size, :caption, :by, :now) returning id""")
                .param("r", releaseId).param("k", kind).param("sha", sha).param("name", name).param("type", mediaType)
                .param("size", size).param("caption", caption).param("by", by).param("now", ts(now))
                .query(Long.class).single();
    }

    void removeFile(long releaseId, long fileId) {
        jdbc.sql("delete from press_release_file where release_id = :r and id = :id").param("r", releaseId)
                .param("id", fileId).update();
    }

    List<ReleaseFile> files(long releaseId) {
        return jdbc.sql("select * from press_release_file where release_id = :r order by kind, id").param("r", releaseId)
                .query((rs, i) -> new ReleaseFile(rs.getLong("id"), rs.getString("kind"), rs.getString("sha256"),
                        rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                        rs.getString("caption"))).list();
    }

    // ---------- editions and publication ----------

    void insertEdition(long releaseId, int edition, long revisionId, boolean correction, ReleaseView.Revision rev,
                       String teamCode, Instant distributedAt, long distributionId, List<Long> fileIds) {
        jdbc.sql("""
                        insert into press_release_edition (release_id, edition, revision_id, correction, title, subtitle, department,
                                                           team_code, distributed_at, embargo_until, distribution_id, file_ids)
                        values (:r, :e, :rev, :corr, :title, :sub, :dept, :team, :at, :emb, :dist, :files)""")
                .param("r", releaseId).param("e", edition).param("rev", revisionId).param("corr", correction)
                .param("title", rev.title()).param("sub", rev.subtitle()).param("dept", rev.department())
                .param("team", teamCode).param("at", ts(distributedAt)).param("emb", ts(rev.embargoUntil()))
                .param("dist", distributionId)
                .param("files", String.join(",", fileIds.stream().map(String::valueOf).toList())).update();
    }

    List<ReleaseView.Edition> editions(long releaseId) {
        return jdbc.sql("select * from press_release_edition where release_id = :r order by edition")
                .param("r", releaseId)
                .query((rs, i) -> new ReleaseView.Edition(rs.getInt("edition"), rs.getBoolean("correction"),
                        rs.getString("title"), instant(rs, "distributed_at"), instant(rs, "embargo_until"),
                        instant(rs, "published_at"), (Long) rs.getObject("distribution_id"))).list();
    }

    /** Editions whose embargo passed but whose publication was not announced yet, locked for this node. */
    record Due(long releaseId, int edition, long revisionId, boolean correction, String teamCode, Instant embargoUntil) {
    }

    List<Due> dueForPublication(Instant now, int limit) {
        return jdbc.sql("""
                        select release_id, edition, revision_id, correction, team_code, embargo_until from press_release_edition
                         where published_at is null and embargo_until <= :now
                         order by embargo_until limit :limit for update skip locked""")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5),
                        instant(rs, "embargo_until"))).list();
    }

    void markPublished(long releaseId, int edition, Instant at) {
        jdbc.sql("update press_release_edition set published_at = :at where release_id = :r and edition = :e and published_at is null")
                .param("at", ts(at)).param("r", releaseId).param("e", edition).update();
    }

    /** Scheduled releases whose 배포 일시 came, locked so that a second node skips them. */
    List<Long> dueForDistribution(Instant now, int limit) {
        return jdbc.sql("""
                        select id from press_release where status = 'SCHEDULED' and distribute_at <= :now
                         order by distribute_at limit :limit for update skip locked""")
                .param("now", ts(now)).param("limit", limit).query(Long.class).list();
    }

    String teamCode(long releaseId) {
        return jdbc.sql("select team_code from press_release where id = :id").param("id", releaseId)
                .query(String.class).optional().orElse(null);
    }

    List<String> listCodes(long releaseId) {
        return splitCodes(jdbc.sql("select list_codes from press_release where id = :id").param("id", releaseId)
                .query(String.class).single());
    }
}
