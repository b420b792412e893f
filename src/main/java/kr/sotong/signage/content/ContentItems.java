package kr.sotong.signage.content;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.shared.DomainException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Content items in {@code signage_content}. */
@Repository("signageContentItems")
public class ContentItems {

    static final String COLUMNS = """
            id, title, kind, status, file_sha256, media_type, size_bytes, width_px, height_px, duration_ms, body_text,
            qr_sha256, link_url, valid_from, valid_until, source, source_key, check_note, submitted_by, submitted_at,
            decided_by, decided_at, decision_note, version""";

    private final JdbcClient jdbc;

    public ContentItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ContentItem> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from signage_content where id = :id").param("id", id)
                .query(ContentItems::map).optional();
    }

    public ContentItem require(long id) {
        return findById(id).orElseThrow(() -> DomainException.notFound("콘텐츠", id));
    }

    public Optional<ContentItem> findBySourceKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from signage_content where source_key = :k").param("k", key)
                .query(ContentItems::map).optional();
    }

    /** Items whose source key starts with the prefix (e.g. all versions of one press release). */
    public List<ContentItem> findBySourcePrefix(String prefix) {
        return jdbc.sql("select " + COLUMNS + " from signage_content where source_key like :p order by id")
                .param("p", prefix.replace("%", "\\%").replace("_", "\\_") + "%").query(ContentItems::map).list();
    }

    public List<ContentItem> list(ContentStatus status, ContentKind kind, String query, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from signage_content where true");
        Map<String, Object> p = new HashMap<>();
        if (status != null) {
            sql.append(" and status = :status");
            p.put("status", status.name());
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
            p.put("kind", kind.name());
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and (title ilike :q or body_text ilike :q)");
            p.put("q", "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by id desc limit :limit");
        p.put("limit", Math.max(1, Math.min(limit, 2000)));
        return jdbc.sql(sql.toString()).params(p).query(ContentItems::map).list();
    }

    public long countByStatus(ContentStatus status) {
        return jdbc.sql("select count(*) from signage_content where status = :s").param("s", status.name())
                .query(Long.class).single();
    }

    /** Is there an approved item with this media file? (content downloads are limited to those) */
    public boolean approvedWithFile(String sha256) {
        return jdbc.sql("""
                        select count(*) from signage_content where status = 'APPROVED'
                        and (file_sha256 = :h or qr_sha256 = :h)""")
                .param("h", sha256).query(Long.class).single() > 0;
    }

    public ContentItem insert(ContentItem c) {
        c.id = jdbc.sql("""
                        insert into signage_content (title, kind, status, file_sha256, media_type, size_bytes, width_px,
                            height_px, duration_ms, body_text, qr_sha256, link_url, valid_from, valid_until, source,
                            source_key, check_note, submitted_by, submitted_at, decided_by, decided_at, decision_note)
                        values (:title, :kind, :status, :sha, :type, :size, :w, :h, :dur, :body, :qr, :link, :from,
                            :until, :source, :key, :note, :by, :at, :decidedBy, :decidedAt, :decisionNote)
                        returning id""")
                .params(params(c)).query(Long.class).single();
        return c;
    }

    public void update(ContentItem c) {
        Map<String, Object> p = params(c);
        p.put("id", c.id);
        p.put("version", c.version);
        int n = jdbc.sql("""
                        update signage_content set title = :title, status = :status, body_text = :body, qr_sha256 = :qr,
                            link_url = :link, valid_from = :from, valid_until = :until, check_note = :note,
                            decided_by = :decidedBy, decided_at = :decidedAt, decision_note = :decisionNote,
                            version = version + 1
                        where id = :id and version = :version""")
                .params(p).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("signage_content " + c.id + " changed concurrently");
        }
        c.version++;
    }

    private static Map<String, Object> params(ContentItem c) {
        Map<String, Object> p = new HashMap<>();
        p.put("title", c.title);
        p.put("kind", c.kind.name());
        p.put("status", c.status.name());
        p.put("sha", c.fileSha256);
        p.put("type", c.mediaType);
        p.put("size", c.sizeBytes);
        p.put("w", c.width);
        p.put("h", c.height);
        p.put("dur", c.durationMs);
        p.put("body", c.bodyText == null ? "" : c.bodyText);
        p.put("qr", c.qrSha256);
        p.put("link", c.linkUrl);
        p.put("from", c.validFrom == null ? null : Date.valueOf(c.validFrom));
        p.put("until", c.validUntil == null ? null : Date.valueOf(c.validUntil));
        p.put("source", c.source.name());
        p.put("key", c.sourceKey);
        p.put("note", c.checkNote == null ? "" : c.checkNote);
        p.put("by", c.submittedBy);
        p.put("at", Timestamp.from(c.submittedAt));
        p.put("decidedBy", c.decidedBy);
        p.put("decidedAt", c.decidedAt == null ? null : Timestamp.from(c.decidedAt));
        p.put("decisionNote", c.decisionNote);
        return p;
    }

    static ContentItem map(ResultSet rs, int row) throws SQLException {
        ContentItem c = new ContentItem();
        c.id = rs.getLong("id");
        c.title = rs.getString("title");
        c.kind = ContentKind.valueOf(rs.getString("kind"));
        c.status = ContentStatus.valueOf(rs.getString("status"));
        c.fileSha256 = rs.getString("file_sha256");
        c.mediaType = rs.getString("media_type");
        c.sizeBytes = (Long) rs.getObject("size_bytes");
        c.width = (Integer) rs.getObject("width_px");
        c.height = (Integer) rs.getObject("height_px");
        c.durationMs = (Long) rs.getObject("duration_ms");
        c.bodyText = rs.getString("body_text");
        c.qrSha256 = rs.getString("qr_sha256");
        c.linkUrl = rs.getString("link_url");
        c.validFrom = date(rs.getDate("valid_from"));
        c.validUntil = date(rs.getDate("valid_until"));
        c.source = ContentSource.valueOf(rs.getString("source"));
        c.sourceKey = rs.getString("source_key");
        c.checkNote = rs.getString("check_note");
        c.submittedBy = rs.getString("submitted_by");
        c.submittedAt = rs.getTimestamp("submitted_at").toInstant();
        c.decidedBy = rs.getString("decided_by");
        Timestamp d = rs.getTimestamp("decided_at");
        c.decidedAt = d == null ? null : d.toInstant();
        c.decisionNote = rs.getString("decision_note");
        c.version = rs.getInt("version");
        return c;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
