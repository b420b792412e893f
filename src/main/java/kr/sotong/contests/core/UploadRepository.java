package kr.sotong.contests.core;

import static kr.sotong.contests.core.ContestRepository.intOrNull;
import static kr.sotong.contests.core.ContestRepository.longOrNull;
import static kr.sotong.contests.core.ContestRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.contests.media.MediaReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UploadRepository {

    private static final String COLUMNS = """
            id, draft_id, contest_id, original_name, declared_length, received, fingerprint, status, reject_reason,
            media_sha256, media_type, media_size, media_format, width, height, duration_ms, phash, frame_hash, details,
            warnings, public_sha256, resumed_count""";

    private final JdbcClient jdbc;

    UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String draftId, long contestId, String name, long length, String fingerprint, Instant now) {
        jdbc.sql("""
                        insert into contests_upload (id, draft_id, contest_id, original_name, declared_length, fingerprint,
                          created_at, updated_at)
                        values (:id, :d, :c, :n, :l, :f, :now, :now)""")
                .param("id", id).param("d", draftId).param("c", contestId).param("n", name).param("l", length)
                .param("f", fingerprint).param("now", ts(now)).update();
    }

    Optional<Upload> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from contests_upload where id = :id").param("id", id)
                .query(UploadRepository::map).optional();
    }

    Optional<Upload> resumable(String draftId, long contestId, String fingerprint, long length) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from contests_upload where draft_id = :d and contest_id = :c and fingerprint = :f
                          and declared_length = :l and status = 'RECEIVING' order by created_at desc limit 1""")
                .param("d", draftId).param("c", contestId).param("f", fingerprint).param("l", length)
                .query(UploadRepository::map).optional();
    }

    long countReceiving(String draftId) {
        return jdbc.sql("select count(*) from contests_upload where draft_id = :d and status = 'RECEIVING'")
                .param("d", draftId).query(Long.class).single();
    }

    /** Moves the offset forward only from the expected value (two writers cannot both win). */
    boolean advance(String id, long from, long to, boolean resumed, Instant now) {
        return jdbc.sql("""
                        update contests_upload set received = :to, updated_at = :now,
                          resumed_count = resumed_count + :r where id = :id and received = :from and status = 'RECEIVING'""")
                .param("to", to).param("now", ts(now)).param("r", resumed ? 1 : 0).param("id", id).param("from", from)
                .update() == 1;
    }

    void reject(String id, String reason, Instant now) {
        jdbc.sql("update contests_upload set status = 'REJECTED', reject_reason = :r, updated_at = :now where id = :id")
                .param("r", reason).param("now", ts(now)).param("id", id).update();
    }

    void complete(String id, String sha, String type, long size, MediaReport r, String publicSha, Instant now) {
        jdbc.sql("""
                        update contests_upload set status = 'COMPLETE', media_sha256 = :sha, media_type = :t, media_size = :s,
                          media_format = :f, width = :w, height = :h, duration_ms = :d, phash = :p, frame_hash = :fh,
                          details = :det, warnings = :warn, public_sha256 = :ps, updated_at = :now where id = :id""")
                .param("sha", sha).param("t", type).param("s", size).param("f", r.format().name())
                .param("w", r.width() > 0 ? r.width() : null).param("h", r.height() > 0 ? r.height() : null)
                .param("d", r.durationMs()).param("p", r.phash()).param("fh", r.frameHash())
                .param("det", Texts.mapToText(r.details())).param("warn", String.join("\n", r.warnings()))
                .param("ps", publicSha).param("now", ts(now)).param("id", id).update();
    }

    void delete(String id) {
        jdbc.sql("delete from contests_upload where id = :id").param("id", id).update();
    }

    List<String> idsOfDraft(String draftId) {
        return jdbc.sql("select id from contests_upload where draft_id = :d").param("d", draftId).query(String.class).list();
    }

    /** Uploads whose draft is gone or expired, or that stalled before the cutoff. */
    List<String> abandoned(Instant now, Instant cutoff) {
        return jdbc.sql("""
                        select u.id from contests_upload u left join contests_draft d on d.id = u.draft_id
                         where d.id is null or d.expires_at < :now or u.updated_at < :cutoff""")
                .param("now", ts(now)).param("cutoff", ts(cutoff))
                .query(String.class).list();
    }

    private static Upload map(ResultSet rs, int i) throws SQLException {
        String fmt = rs.getString("media_format");
        return new Upload(rs.getString("id"), rs.getString("draft_id"), rs.getLong("contest_id"), rs.getString("original_name"),
                rs.getLong("declared_length"), rs.getLong("received"), rs.getString("fingerprint"),
                Upload.State.valueOf(rs.getString("status")), rs.getString("reject_reason"), rs.getString("media_sha256"),
                rs.getString("media_type"), longOrNull(rs, "media_size"), fmt == null ? null : MediaFormat.valueOf(fmt),
                intOrNull(rs, "width"), intOrNull(rs, "height"), longOrNull(rs, "duration_ms"), longOrNull(rs, "phash"),
                longOrNull(rs, "frame_hash"), Texts.textToMap(rs.getString("details")), Texts.lines(rs.getString("warnings")),
                rs.getString("public_sha256"), rs.getInt("resumed_count"));
    }
}
