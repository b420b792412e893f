package kr.sotong.press;

import static kr.sotong.press.ReleaseRepository.instant;
import static kr.sotong.press.ReleaseRepository.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents other modules asked the press office to distribute; one row per request key. */
@Repository
class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the request; empty when the key was seen before (the request is then ignored). */
    Optional<Long> insert(String key, DocumentDistributionRequested e, Instant now, String failure) {
        return jdbc.sql("""
                        insert into press_document (request_key, kind, title, body, department, contact_name, contact_phone,
                                                    list_codes, received_at, failure)
                        values (:k, :kind, :title, :body, :dept, :cname, :cphone, :lists, :now, :failure)
                        on conflict (request_key) do nothing returning id""")
                .param("k", key).param("kind", e.kind() == null ? "NOTICE" : cut(e.kind(), 20))
                .param("title", e.title() == null || e.title().isBlank() ? "(제목 없음)" : cut(e.title().strip(), 300))
                .param("body", e.bodyText() == null ? "" : e.bodyText()).param("dept", cut(e.department(), 100))
                .param("cname", cut(e.contactName(), 100)).param("cphone", cut(e.contactPhone(), 40))
                .param("lists", cut(ReleaseRepository.joinCodes(e.listCodes()), 500)).param("now", ts(now))
                .param("failure", failure).query(Long.class).optional();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    void distributed(long id, long distributionId) {
        jdbc.sql("update press_document set distribution_id = :d where id = :id").param("d", distributionId).param("id", id)
                .update();
    }

    public record Document(long id, String requestKey, String kind, String title, String department, Instant receivedAt,
                           Long distributionId, String failure) {
    }

    List<Document> list() {
        return jdbc.sql("select * from press_document order by id desc limit 200")
                .query((rs, i) -> new Document(rs.getLong("id"), rs.getString("request_key"), rs.getString("kind"),
                        rs.getString("title"), rs.getString("department"), instant(rs, "received_at"),
                        (Long) rs.getObject("distribution_id"), rs.getString("failure"))).list();
    }

    Optional<Document> byKey(String key) {
        return jdbc.sql("select * from press_document where request_key = :k").param("k", key)
                .query((rs, i) -> new Document(rs.getLong("id"), rs.getString("request_key"), rs.getString("kind"),
                        rs.getString("title"), rs.getString("department"), instant(rs, "received_at"),
                        (Long) rs.getObject("distribution_id"), rs.getString("failure"))).optional();
    }
}
