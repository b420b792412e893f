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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hash-chained audit log in {@code platform_audit_log}. The entries of a transaction are chained just before it
 * commits, under a transaction-scoped advisory lock, so rows are chained in commit order and the lock is held only for
 * the insert and the commit.
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
        Draft d = new Draft(category, clock.instant().truncatedTo(ChronoUnit.MICROS), limit(actor, 100), limit(action, 100),
                limit(entityType, 100), entityId == null ? null : limit(String.valueOf(entityId), 100),
                limit(summary == null ? "" : summary, MAX_SUMMARY));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            chain(List.of(d));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.chained) {
            chain(List.of(d)); // recorded after this transaction's entries were chained (by a later before-commit callback)
            return;
        }
        pending.drafts.add(d);
    }

    /** An entry before it has its place in the chain. */
    private record Draft(String category, Instant at, String actor, String action, String entityType, String entityId,
                         String summary) {
    }

    /**
     * The entries recorded in one transaction, chained and inserted together just before it commits: the chain lock is
     * then held only from that moment to the commit (not from the first audited action), and a transaction with many
     * entries chains them in four statements instead of four per entry. A rolled-back transaction inserts nothing.
     */
    private static final class Pending implements TransactionSynchronization {
        final JdbcAuditLog log;
        final List<Draft> drafts = new ArrayList<>();
        boolean chained;

        Pending(JdbcAuditLog log) {
            this.log = log;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(log);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(log, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            chained = true;
            if (!drafts.isEmpty()) {
                log.chain(List.copyOf(drafts));
                drafts.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(log);
        }
    }

    /** Chains the entries after the current head, under the chain lock, in the current transaction. */
    private void chain(List<Draft> drafts) {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
        String prev = jdbc.query("select hash from platform_audit_log order by id desc limit 1",
                rs -> rs.next() ? rs.getString(1) : GENESIS);
        List<Long> ids = jdbc.queryForList("select nextval('platform_audit_log_id_seq') from generate_series(1, ?) order by 1",
                Long.class, drafts.size());
        List<Object[]> rows = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Entry e = new Entry(ids.get(i), d.category(), d.at(), d.actor(), d.action(), d.entityType(), d.entityId(), d.summary(),
                    prev);
            prev = e.hash();
            rows.add(new Object[] {e.id, e.category, Timestamp.from(e.at), e.actor, e.action, e.entityType, e.entityId, e.summary,
                    e.prevHash, prev});
        }
        jdbc.batchUpdate("""
                insert into platform_audit_log (id, category, at, actor, action, entity_type, entity_id, summary, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
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
