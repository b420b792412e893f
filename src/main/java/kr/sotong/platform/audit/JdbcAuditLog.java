package kr.sotong.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hash-chained audit log in {@code platform_audit_log}. Appends take a transaction-scoped advisory lock
 * so that rows are chained in commit order; keep auditing at the end of a use case's transaction.
 */
@Service
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x50_7A_0D_17L;
    private static final int MAX_SUMMARY = 4000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final StaffDirectory staff;

    JdbcAuditLog(JdbcTemplate jdbc, Clock clock, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staff = staff;
    }

    @Override
    @Transactional
    public void record(String action, String entityType, Object entityId, String summary) {
        append("CHANGE", staff.currentActor(), action, entityType, entityId, summary);
    }

    @Override
    @Transactional
    public void recordAs(String actor, String action, String entityType, Object entityId, String summary) {
        append("CHANGE", actor, action, entityType, entityId, summary);
    }

    @Override
    @Transactional
    public void recordAccess(String subjectType, Object subjectId, String purpose) {
        append("ACCESS", staff.currentActor(), "personal-data.access", subjectType, subjectId, purpose);
    }

    private void append(String category, String actor, String action, String entityType, Object entityId,
                        String summary) {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
        String prev = jdbc.query("select hash from platform_audit_log order by id desc limit 1",
                rs -> rs.next() ? rs.getString(1) : GENESIS);
        long id = jdbc.queryForObject("select nextval('platform_audit_log_id_seq')", Long.class);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Entry e = new Entry(id, category, at, limit(actor, 100), limit(action, 100), limit(entityType, 100),
                entityId == null ? null : limit(String.valueOf(entityId), 100), limit(summary == null ? "" : summary, MAX_SUMMARY),
                prev);
        jdbc.update("""
                insert into platform_audit_log (id, category, at, actor, action, entity_type, entity_id, summary, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.id, e.category, Timestamp.from(e.at), e.actor, e.action, e.entityType, e.entityId, e.summary, e.prevHash,
                e.hash());
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify() {
        var state = new Object() {
            String prev = GENESIS;
            long rows;
            Long broken;
        };
        jdbc.query(con -> {
            var ps = con.prepareStatement(
                    "select id, category, at, actor, action, entity_type, entity_id, summary, prev_hash, hash from platform_audit_log order by id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(1000);
            return ps;
        }, (RowCallbackHandler) rs -> {
            state.rows++;
            if (state.broken != null) {
                return;
            }
            Entry e = Entry.from(rs);
            String stored = rs.getString("hash");
            if (!e.prevHash.equals(state.prev) || !e.hash().equals(stored)) {
                state.broken = e.id;
            }
            state.prev = stored;
        });
        return new Verification(state.broken == null, state.rows, state.broken);
    }

    private static String limit(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private record Entry(long id, String category, Instant at, String actor, String action, String entityType,
                         String entityId, String summary, String prevHash) {

        static Entry from(ResultSet rs) throws SQLException {
            return new Entry(rs.getLong("id"), rs.getString("category"), rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                    rs.getString("summary"), rs.getString("prev_hash"));
        }

        /** SHA-256 over the previous hash and the row's content, each field length-prefixed. */
        String hash() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (String f : new String[] {prevHash, Long.toString(id), category, at.toString(), actor, action,
                        entityType, entityId == null ? "\u0000" : entityId, summary}) {
                    byte[] b = f.getBytes(StandardCharsets.UTF_8);
                    md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                    md.update(b);
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
