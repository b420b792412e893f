package kr.sotong.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import kr.sotong.monitoring.search.Analysis;
import kr.sotong.monitoring.search.Indexer;
import kr.sotong.monitoring.search.KoreanText;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The managed relevance terms (금천구, G밸리, 가산디지털단지 …): they decide which feed articles are kept and form
 * the Nori user dictionary. Changing them rebuilds the search index in the background.
 */
@Service
public class Terms {

    public record Term(long id, String term, String kind, boolean active, boolean inDictionary) {
    }

    public static final List<String> KINDS = List.of("PLACE", "PERSON", "ORGANISATION", "FACILITY", "PROGRAM", "OTHER");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private final Analysis analysis;
    private final Indexer indexer;

    Terms(JdbcClient jdbc, AuditLog audit, StaffDirectory staff, Clock clock, Analysis analysis, Indexer indexer) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.analysis = analysis;
        this.indexer = indexer;
    }

    public List<Term> all() {
        return jdbc.sql("select id, term, kind, active from monitoring_term order by active desc, term")
                .query((rs, i) -> new Term(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        !KoreanText.dictionaryEntries(List.of(rs.getString(2))).isEmpty()))
                .list();
    }

    @Transactional
    public long add(String term, String kind) {
        String t = term == null ? "" : term.strip();
        if (t.isEmpty() || t.length() > 60) {
            throw new DomainException("monitoring.term.invalid", "검색어는 1~60자로 입력하세요.");
        }
        if (!KINDS.contains(kind)) {
            throw new DomainException("monitoring.term.kind", "검색어 종류가 올바르지 않습니다: " + kind);
        }
        Long id = jdbc.sql("""
                        insert into monitoring_term (term, kind, active, created_at, created_by)
                        values (:t, :k, true, :at, :by) on conflict (term) do update set active = true, kind = excluded.kind
                        returning id""")
                .param("t", t).param("k", kind).param("at", Timestamp.from(clock.instant()))
                .param("by", staff.currentActor()).query(Long.class).single();
        audit.record("monitoring.term.add", "MonitoringTerm", id, "관련 검색어 추가: " + t);
        rebuildAfterCommit();
        return id;
    }

    @Transactional
    public void deactivate(long id) {
        String t = jdbc.sql("select term from monitoring_term where id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> DomainException.notFound("검색어", id));
        jdbc.sql("update monitoring_term set active = false where id = :id").param("id", id).update();
        audit.record("monitoring.term.deactivate", "MonitoringTerm", id, "관련 검색어 사용 중지: " + t);
        rebuildAfterCommit();
    }

    private void rebuildAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                analysis.reload();
                indexer.rebuild();
            }
        });
    }
}
