package kr.sotong.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import kr.sotong.monitoring.MonitoringProperties;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * News sources: RSS/Atom feeds polled at their interval with conditional GET, plus the pseudo-sources of manual
 * entries and clipping imports. A failing source records a clear Korean error and backs off; the others keep
 * flowing. Each article is ingested in its own transaction.
 */
@Service
public class Sources {

    private static final Logger log = LoggerFactory.getLogger(Sources.class);

    public record Source(long id, String name, String outlet, String kind, String url, int pollIntervalSeconds,
                         boolean major, boolean enabled, String etag, String lastModified, Instant nextPollAt,
                         Instant lastPolledAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
                         int consecutiveFailures) {
    }

    public record Run(long id, Instant startedAt, String outcome, Integer httpStatus, int items, int ingested,
                      int duplicates, int irrelevant, String message) {
    }

    /** Result of one poll. */
    public record PollResult(String outcome, int items, int ingested, int duplicates, int irrelevant, String message) {
    }

    private final JdbcClient jdbc;
    private final Ingestion ingestion;
    private final MonitoringProperties props;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private final HttpFetcher http;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    Sources(JdbcClient jdbc, Ingestion ingestion, MonitoringProperties props, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.ingestion = ingestion;
        this.props = props;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.http = new HttpFetcher(props.connectTimeout(), props.readTimeout(), props.maxFeedSize().toBytes(),
                props.hostInterval(), props.userAgent());
    }

    private static final String COLUMNS = """
            id, name, outlet, kind, url, poll_interval_seconds, major, enabled, etag, last_modified, next_poll_at,
            last_polled_at, last_success_at, last_error, last_error_at, consecutive_failures""";

    private static Source map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getBoolean(7), rs.getBoolean(8), rs.getString(9), rs.getString(10), ts(rs.getTimestamp(11)),
                ts(rs.getTimestamp(12)), ts(rs.getTimestamp(13)), rs.getString(14), ts(rs.getTimestamp(15)), rs.getInt(16));
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public List<Source> all() {
        return jdbc.sql("select " + COLUMNS + " from monitoring_source order by kind, outlet, name").query(Sources::map).list();
    }

    public Optional<Source> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_source where id = :id").param("id", id).query(Sources::map).optional();
    }

    public Source get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("수집원", id));
    }

    public List<Run> runs(long sourceId, int limit) {
        return jdbc.sql("""
                        select id, started_at, outcome, http_status, items, ingested, duplicates, irrelevant, message
                        from monitoring_source_run where source_id = :s order by started_at desc, id desc limit :n""")
                .param("s", sourceId).param("n", limit)
                .query((rs, i) -> new Run(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9)))
                .list();
    }

    /** Registers a feed. The first poll happens after one interval, or at once with {@link #pollNow}. */
    @Transactional
    public long addFeed(String name, String outlet, String url, int intervalMinutes, boolean major) {
        String u = url == null ? "" : url.strip();
        if (!u.matches("(?i)https?://[^\\s]+") || u.length() > 2000) {
            throw new DomainException("monitoring.source.url", "피드 주소는 http:// 또는 https:// 로 시작해야 합니다.");
        }
        if (outlet == null || outlet.isBlank() || outlet.length() > 120) {
            throw new DomainException("monitoring.source.outlet", "언론사 이름을 입력하세요(120자 이내).");
        }
        if (intervalMinutes < 1 || intervalMinutes > 24 * 60) {
            throw new DomainException("monitoring.source.interval", "수집 주기는 1분~1440분 사이여야 합니다.");
        }
        Instant now = clock.instant();
        Long id = jdbc.sql("""
                        insert into monitoring_source (name, outlet, kind, url, poll_interval_seconds, major, enabled, next_poll_at,
                                                       created_at, created_by)
                        values (:n, :o, 'FEED', :u, :i, :m, true, :next, :now, :by) on conflict do nothing returning id""")
                .param("n", name == null || name.isBlank() ? outlet.strip() : name.strip()).param("o", outlet.strip())
                .param("u", u).param("i", intervalMinutes * 60).param("m", major)
                .param("next", Timestamp.from(now.plusSeconds(intervalMinutes * 60L))).param("now", Timestamp.from(now))
                .param("by", staff.currentActor()).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw DomainException.conflict("monitoring.source.duplicate", "이미 등록된 피드 주소입니다: " + u);
        }
        audit.record("monitoring.source.add", "MonitoringSource", id, "피드 등록: " + outlet + " " + u);
        return id;
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        Source s = get(id);
        jdbc.sql("update monitoring_source set enabled = :e, consecutive_failures = 0, next_poll_at = :next where id = :id")
                .param("e", enabled).param("next", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(enabled ? "monitoring.source.enable" : "monitoring.source.disable", "MonitoringSource", id,
                (enabled ? "수집 재개: " : "수집 중지: ") + s.outlet());
    }

    /** The pseudo-source for manual entries / imports of an outlet. */
    long pseudoSource(String kind, String outlet) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into monitoring_source (name, outlet, kind, poll_interval_seconds, enabled, created_at, created_by)
                        values (:n, :o, :k, 86400, false, :now, :by) on conflict do nothing""")
                .param("n", outlet + ("MANUAL".equals(kind) ? " (직접 입력)" : " (스크랩 가져오기)")).param("o", outlet)
                .param("k", kind).param("now", Timestamp.from(now)).param("by", staff.currentActor()).update();
        return jdbc.sql("select id from monitoring_source where kind = :k and outlet = :o").param("k", kind).param("o", outlet)
                .query(Long.class).single();
    }

    /** Background poller: every due, enabled feed (interval, with back-off after failures). */
    @Scheduled(fixedDelayString = "${sotong.monitoring.poll-check:PT15S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "monitoring.poll", lockAtMostFor = "PT10M")
    public void pollDue() {
        if (!props.pollerEnabled()) {
            return;
        }
        List<Long> due = jdbc.sql("""
                        select id from monitoring_source where kind = 'FEED' and enabled and next_poll_at <= :now
                        order by next_poll_at limit 50""")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        for (Long id : due) {
            try {
                poll(id);
            } catch (RuntimeException e) {
                log.warn("monitoring poll of source {} failed: {}", id, e.toString());
            }
        }
    }

    /** Polls one feed now (button "지금 수집"). */
    public PollResult pollNow(long id) {
        Source s = get(id);
        if (!"FEED".equals(s.kind())) {
            throw new DomainException("monitoring.source.not-feed", "피드가 아닌 수집원은 수집할 수 없습니다.");
        }
        return poll(id);
    }

    PollResult poll(long id) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return pollLocked(get(id));
        } finally {
            lock.unlock();
        }
    }

    private PollResult pollLocked(Source s) {
        Instant started = clock.instant();
        int items = 0;
        int ingested = 0;
        int duplicates = 0;
        int irrelevant = 0;
        Integer status = null;
        try {
            HttpFetcher.Response r = http.get(s.url(), s.etag(), s.lastModified());
            status = r.status();
            if (r.notModified()) {
                return finish(s, started, new PollResult("NOT_MODIFIED", 0, 0, 0, 0, "변경 없음(304)"), status, r.etag(),
                        r.lastModified());
            }
            Charsets.Decoded decoded = Charsets.decode(r.body(), r.contentType());
            List<FeedReader.Item> feed = FeedReader.parse(decoded.text());
            items = feed.size();
            java.util.Set<String> seenGuids = new java.util.HashSet<>();
            for (FeedReader.Item item : feed) {
                String guid = item.guid() != null ? item.guid() : item.link();
                if (guid != null && !seenGuids.add(guid) || ingestion.known(s.id(), guid, item.link())) {
                    duplicates++;
                    continue;
                }
                String body = item.bodyText();
                String bodySource = "FEED";
                String url = item.link();
                if ((body == null || body.length() < 200) && item.link() != null) {
                    Optional<Html.Page> page = fetchPage(item.link());
                    if (page.isPresent() && page.get().text().length() > (body == null ? 0 : body.length())) {
                        body = page.get().text();
                        bodySource = "PAGE";
                        if (page.get().canonicalUrl() != null && Texts.canonicalUrl(page.get().canonicalUrl()) != null) {
                            url = page.get().canonicalUrl();
                        }
                    }
                }
                Ingestion.Outcome o = ingestion.ingest(new Ingestion.Candidate("FEED", s.id(), s.major(), s.outlet(),
                        item.title(), url, guid, item.author(), item.publishedAt(), body, bodySource), true);
                switch (o.status()) {
                    case INGESTED -> ingested++;
                    case DUPLICATE -> duplicates++;
                    case IRRELEVANT -> irrelevant++;
                    case INVALID -> duplicates += 0;
                }
            }
            String msg = decoded.declared() != null && !decoded.charset().name().equalsIgnoreCase(decoded.declared())
                    && !"BOM".equals(decoded.declared())
                    ? "선언된 문자 집합(" + decoded.declared() + ")과 달리 " + decoded.charset().name() + "(으)로 읽었습니다." : null;
            return finish(s, started, new PollResult("OK", items, ingested, duplicates, irrelevant, msg), status, r.etag(),
                    r.lastModified());
        } catch (FetchException e) {
            return fail(s, started, status, e.getMessage(), items, ingested, duplicates, irrelevant);
        } catch (RuntimeException e) {
            log.warn("monitoring: source {} failed", s.id(), e);
            return fail(s, started, status, "처리 중 오류: " + e.getClass().getSimpleName(), items, ingested, duplicates, irrelevant);
        }
    }

    private Optional<Html.Page> fetchPage(String url) {
        try {
            HttpFetcher.Response r = http.get(url, null, null);
            if (r.notModified() || r.body().length == 0) {
                return Optional.empty();
            }
            return Optional.of(Html.extract(Charsets.decode(r.body(), r.contentType()).text(), r.url()));
        } catch (FetchException | RuntimeException e) {
            log.debug("article page {} not fetched: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private PollResult finish(Source s, Instant started, PollResult result, Integer status, String etag, String lastModified) {
        Instant now = clock.instant();
        jdbc.sql("""
                        update monitoring_source set etag = :etag, last_modified = :lm, last_polled_at = :now, last_success_at = :now,
                               next_poll_at = :next, consecutive_failures = 0, last_error = null, last_error_at = null where id = :id""")
                .param("etag", Texts.truncate(etag, 500)).param("lm", Texts.truncate(lastModified, 200))
                .param("now", Timestamp.from(now)).param("next", Timestamp.from(now.plusSeconds(s.pollIntervalSeconds())))
                .param("id", s.id()).update();
        run(s.id(), started, now, result.outcome(), status, result);
        return result;
    }

    private PollResult fail(Source s, Instant started, Integer status, String message, int items, int ingested,
                            int duplicates, int irrelevant) {
        Instant now = clock.instant();
        int failures = s.consecutiveFailures() + 1;
        long backoff = Math.min(s.pollIntervalSeconds() * (1L << Math.min(failures - 1, 5)), Duration.ofHours(6).toSeconds());
        jdbc.sql("""
                        update monitoring_source set last_polled_at = :now, last_error = :err, last_error_at = :now,
                               consecutive_failures = :f, next_poll_at = :next where id = :id""")
                .param("now", Timestamp.from(now)).param("err", Texts.truncate(message, 1000)).param("f", failures)
                .param("next", Timestamp.from(now.plusSeconds(backoff))).param("id", s.id()).update();
        PollResult result = new PollResult("FAILED", items, ingested, duplicates, irrelevant, message);
        run(s.id(), started, now, "FAILED", status, result);
        return result;
    }

    private void run(long sourceId, Instant started, Instant finished, String outcome, Integer status, PollResult r) {
        jdbc.sql("""
                        insert into monitoring_source_run (source_id, started_at, finished_at, outcome, http_status, items, ingested,
                                                           duplicates, irrelevant, message)
                        values (:s, :st, :fi, :o, :h, :i, :in, :d, :ir, :m)""")
                .param("s", sourceId).param("st", Timestamp.from(started)).param("fi", Timestamp.from(finished))
                .param("o", outcome).param("h", status).param("i", r.items()).param("in", r.ingested())
                .param("d", r.duplicates()).param("ir", r.irrelevant()).param("m", Texts.truncate(r.message(), 1000)).update();
    }

    // ----- manual entry and clipping imports -----

    /** A staff member enters an article by hand (kept even without relevance terms: a person chose it). */
    @Transactional
    public Ingestion.Outcome enter(String outlet, String title, String url, Instant publishedAt, String body) {
        if (outlet == null || outlet.isBlank()) {
            throw new DomainException("monitoring.article.outlet", "언론사를 입력하세요.");
        }
        if (title == null || title.isBlank()) {
            throw new DomainException("monitoring.article.title", "제목을 입력하세요.");
        }
        if (url != null && !url.isBlank() && Texts.canonicalUrl(url) == null) {
            throw new DomainException("monitoring.article.url", "기사 주소는 http:// 또는 https:// 로 시작해야 합니다.");
        }
        long source = pseudoSource("MANUAL", outlet.strip());
        Ingestion.Outcome o = ingestion.ingest(new Ingestion.Candidate("MANUAL", source, false, outlet, title,
                blankToNull(url), null, staff.currentActor(), publishedAt, body, "ENTERED"), false);
        if (o.status() == Ingestion.Status.INGESTED) {
            audit.record("monitoring.article.enter", "MonitoringArticle", o.articleId(), "기사 직접 입력: [" + outlet + "] " + title);
        }
        return o;
    }

    /** Imports parsed clipping rows; each row is ingested on its own (duplicates skipped, errors reported per row). */
    public ClippingImport.Report importRows(List<ClippingImport.Row> rows, List<ClippingImport.RowError> parseErrors) {
        int ingested = 0;
        int duplicates = 0;
        List<ClippingImport.RowError> errors = new java.util.ArrayList<>(parseErrors);
        for (ClippingImport.Row row : rows) {
            long source = pseudoSource("IMPORT", row.outlet());
            Ingestion.Outcome o = ingestion.ingest(new Ingestion.Candidate("IMPORT", source, false, row.outlet(),
                    row.title(), row.url(), null, null, row.publishedAt(), row.body(),
                    row.body() == null || row.body().isBlank() ? "NONE" : "ENTERED"), false);
            switch (o.status()) {
                case INGESTED -> ingested++;
                case DUPLICATE -> duplicates++;
                default -> errors.add(new ClippingImport.RowError(row.line(), o.message()));
            }
        }
        if (ingested > 0) {
            audit.record("monitoring.import", "MonitoringSource", "import",
                    "스크랩 목록 가져오기: " + ingested + "건 추가, 중복 " + duplicates + "건, 오류 " + errors.size() + "건");
        }
        return new ClippingImport.Report(rows.size() + parseErrors.size(), ingested, duplicates, errors);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
