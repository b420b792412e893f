package kr.sotong.monitoring.search;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the search index in step with the database, asynchronously and after commit: every change to an
 * article bumps its {@code change_seq}; this worker thread picks up rows whose {@code indexed_seq} lags, indexes
 * them in batches and records the indexed sequence. Nothing is lost on a crash (the lag is in the database)
 * and nothing is indexed in the request path.
 */
@Component
public class Indexer {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Analysis analysis;
    private final ArticleIndex index;
    private final Semaphore signal = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean ready;
    private Thread worker;

    Indexer(JdbcClient jdbc, Analysis analysis, @Value("${sotong.home}") Path home) {
        this.jdbc = jdbc;
        this.analysis = analysis;
        this.index = new LuceneArticleIndex(home.resolve("index").resolve("monitoring"));
    }

    public ArticleIndex index() {
        return index;
    }

    public boolean ready() {
        return ready;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (running.get()) {
            return;
        }
        analysis.reload();
        boolean kept = index.open(analysis.terms());
        if (!kept) {
            log.info("monitoring index is new or its dictionary changed: re-indexing every article");
            jdbc.sql("update monitoring_article set indexed_seq = 0 where indexed_seq <> 0").update();
        }
        ready = true;
        running.set(true);
        worker = new Thread(this::loop, "monitoring-indexer");
        worker.setDaemon(true);
        worker.start();
        wake();
    }

    @EventListener(ContextClosedEvent.class)
    public synchronized void stop() {
        running.set(false);
        signal.release();
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        index.close();
        ready = false;
    }

    /** Wakes the worker now, or after the current transaction commits. */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    public void wake() {
        signal.release();
    }

    /**
     * Rebuilds the index from the database with the current dictionary: the index is emptied and every
     * article re-indexed in the background.
     */
    public synchronized void rebuild() {
        analysis.reload();
        index.reset(analysis.terms());
        jdbc.sql("update monitoring_article set indexed_seq = 0").update();
        wake();
    }

    /** Unindexed articles. */
    public long backlog() {
        return jdbc.sql("select count(*) from monitoring_article where indexed_seq < change_seq").query(Long.class).single();
    }

    private void loop() {
        while (running.get()) {
            try {
                signal.tryAcquire(5, TimeUnit.SECONDS);
                signal.drainPermits();
                if (!running.get()) {
                    break;
                }
                while (running.get() && drainBatch() == BATCH) {
                    // keep going while full batches come back
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("monitoring indexer: {}", e.toString());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Indexes one batch; returns how many articles it took. */
    synchronized int drainBatch() {
        record Row(ArticleIndex.Doc doc, long seq) {
        }
        List<Row> rows = jdbc.sql("""
                        select a.id, a.title, a.body, a.outlet, a.published_at, coalesce(a.label, a.predicted) as sentiment,
                               a.release_id, a.flagged, a.change_seq,
                               (select string_agg(ca.case_id::text, ',') from monitoring_case_article ca where ca.article_id = a.id) as cases
                        from monitoring_article a where a.indexed_seq < a.change_seq order by a.id limit :n""")
                .param("n", BATCH)
                .query((rs, i) -> new Row(doc(rs), rs.getLong("change_seq"))).list();
        if (rows.isEmpty()) {
            return 0;
        }
        index.upsert(rows.stream().map(Row::doc).toList());
        for (Row r : rows) {
            jdbc.sql("update monitoring_article set indexed_seq = :seq where id = :id and indexed_seq < :seq")
                    .param("seq", r.seq()).param("id", r.doc().id()).update();
        }
        return rows.size();
    }

    private static ArticleIndex.Doc doc(ResultSet rs) throws SQLException {
        List<Long> cases = new ArrayList<>();
        String c = rs.getString("cases");
        if (c != null) {
            for (String s : c.split(",")) {
                cases.add(Long.parseLong(s));
            }
        }
        long release = rs.getLong("release_id");
        Long releaseId = rs.wasNull() ? null : release;
        return new ArticleIndex.Doc(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("outlet"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("sentiment"), releaseId,
                cases, rs.getBoolean("flagged"));
    }

    /** Title and body by id from the database (for highlighting). */
    public ArticleIndex.TextSource texts() {
        return ids -> textsOf(ids);
    }

    private Map<Long, String[]> textsOf(Collection<Long> ids) {
        Map<Long, String[]> out = new HashMap<>();
        jdbc.sql("select id, title, body from monitoring_article where id in (:ids)").param("ids", ids)
                .query(rs -> {
                    out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }
}
