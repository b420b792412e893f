package kr.sotong.press;

import static kr.sotong.press.ReleaseRepository.instant;
import static kr.sotong.press.ReleaseRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the public may see: for each release, its newest distributed edition whose 보도 시점 has passed
 * at {@code now}. Every public read goes through here, so the embargo rule lives in one place.
 */
@Repository
class PublicationRepository {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final String VISIBLE = " (e.embargo_until <= :now and not exists (select 1 from press_release_edition n"
            + " where n.release_id = e.release_id and n.edition > e.edition and n.embargo_until <= :now)) ";

    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static PublishedRelease summary(ResultSet rs) throws SQLException {
        long id = rs.getLong("release_id");
        return new PublishedRelease(id, rs.getInt("edition"), rs.getString("title"), rs.getString("subtitle"),
                rs.getString("department"), instant(rs, "embargo_until"), rs.getBoolean("correction"), "/press/" + id);
    }

    /** Newest first; {@code limit + 1} rows tell the caller whether another page follows. */
    List<PublishedRelease> list(Instant now, Integer year, String query, int limit, int offset) {
        StringBuilder sql = new StringBuilder("""
                select e.release_id, e.edition, e.title, e.subtitle, e.department, e.embargo_until, e.correction
                  from press_release_edition e where""").append(VISIBLE);
        List<Object[]> params = new ArrayList<>();
        if (year != null) {
            sql.append(" and e.embargo_until >= :from and e.embargo_until < :to");
            params.add(new Object[] {"from", ts(LocalDate.of(year, 1, 1).atStartOfDay(SEOUL).toInstant())});
            params.add(new Object[] {"to", ts(LocalDate.of(year + 1, 1, 1).atStartOfDay(SEOUL).toInstant())});
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and (e.title ilike :q escape '\\' or coalesce(e.subtitle, '') ilike :q escape '\\')");
            params.add(new Object[] {"q", "%" + likeEscape(query.strip()) + "%"});
        }
        sql.append(" order by e.embargo_until desc, e.release_id desc limit :limit offset :offset");
        var q = jdbc.sql(sql.toString()).param("now", ts(now)).param("limit", limit).param("offset", offset);
        for (Object[] p : params) {
            q = q.param((String) p[0], p[1]);
        }
        return q.query((rs, i) -> summary(rs)).list();
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    Optional<PublishedRelease> summary(long releaseId, Instant now) {
        return jdbc.sql("""
                        select e.release_id, e.edition, e.title, e.subtitle, e.department, e.embargo_until, e.correction
                          from press_release_edition e where e.release_id = :id and""" + VISIBLE)
                .param("id", releaseId).param("now", ts(now)).query((rs, i) -> summary(rs)).optional();
    }

    /** The visible edition's full text and the files that went out with it. */
    Optional<PublishedReleaseDetail> detail(long releaseId, Instant now) {
        return jdbc.sql("""
                        select e.release_id, e.edition, e.title, e.subtitle, e.department, e.embargo_until, e.correction,
                               e.file_ids, v.body, v.responsible, v.contact_name, v.contact_phone, v.correction_note
                          from press_release_edition e join press_release_revision v on v.id = e.revision_id
                         where e.release_id = :id and""" + VISIBLE)
                .param("id", releaseId).param("now", ts(now))
                .query((rs, i) -> new PublishedReleaseDetail(summary(rs), rs.getString("body"), rs.getString("responsible"),
                        rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("correction_note"),
                        files(releaseId, rs.getString("file_ids"))))
                .optional();
    }

    private List<ReleaseFile> files(long releaseId, String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        List<Long> list = Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
        return jdbc.sql("select * from press_release_file where release_id = :r and id in (:ids) order by kind, id")
                .param("r", releaseId).param("ids", list)
                .query((rs, i) -> new ReleaseFile(rs.getLong("id"), rs.getString("kind"), rs.getString("sha256"),
                        rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                        rs.getString("caption"))).list();
    }

    java.util.Optional<Long> visibleRevisionId(long releaseId, Instant now) {
        return jdbc.sql("select e.revision_id from press_release_edition e where e.release_id = :id and" + VISIBLE)
                .param("id", releaseId).param("now", ts(now)).query(Long.class).optional();
    }

    /** Feed entries: summary plus the body of the visible edition. */
    record FeedEntry(PublishedRelease summary, String body) {
    }

    List<FeedEntry> feed(Instant now, int limit) {
        return jdbc.sql("""
                        select e.release_id, e.edition, e.title, e.subtitle, e.department, e.embargo_until, e.correction, v.body
                          from press_release_edition e join press_release_revision v on v.id = e.revision_id
                         where""" + VISIBLE + " order by e.embargo_until desc, e.release_id desc limit :limit")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, i) -> new FeedEntry(summary(rs), rs.getString("body"))).list();
    }
}
