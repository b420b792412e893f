package kr.sotong.monitoring.coverage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.monitoring.MonitoringProperties;
import kr.sotong.monitoring.search.Analysis;
import kr.sotong.monitoring.search.Indexer;
import kr.sotong.press.PressReleasePublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage attribution: groups articles that rewrite the same text (LSH candidates from
 * {@code monitoring_article_band}, confirmed by exact Jaccard) and links them to the press release they come
 * from (share of the article's noun shingles found in a release published shortly before). Per release and per
 * year the coverage figures are computed here.
 */
@Service
public class Coverage {

    static final Duration WINDOW = Duration.ofDays(30);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final JdbcClient jdbc;
    private final Analysis analysis;
    private final MonitoringProperties props;
    private final Indexer indexer;
    private final Clock clock;

    Coverage(JdbcClient jdbc, Analysis analysis, MonitoringProperties props, Indexer indexer, Clock clock) {
        this.jdbc = jdbc;
        this.analysis = analysis;
        this.props = props;
        this.indexer = indexer;
        this.clock = clock;
    }

    /** Called in the ingestion transaction of a new article. */
    public void attribute(long articleId, int[] shingles, Instant publishedAt) {
        long[] bands = NearDuplicates.bands(NearDuplicates.signature(shingles), shingles.length == 0);
        for (int b = 0; b < bands.length; b++) {
            jdbc.sql("insert into monitoring_article_band (band, band_hash, article_id) values (:b, :h, :a) on conflict do nothing")
                    .param("b", b).param("h", bands[b]).param("a", articleId).update();
        }
        // near-duplicates among recent articles
        Set<Long> groups = new LinkedHashSet<>();
        List<Long> matches = new ArrayList<>();
        Long inheritedRelease = null;
        if (bands.length > 0) {
            List<Object[]> candidates = jdbc.sql("""
                            select a.id, a.shingles, a.group_id, a.release_id from monitoring_article a
                            where a.id in (select distinct ab.article_id from monitoring_article_band ab
                                           join monitoring_article_band mine on mine.band = ab.band and mine.band_hash = ab.band_hash
                                           where mine.article_id = :id and ab.article_id <> :id)
                              and a.published_at between :from and :to""")
                    .param("id", articleId).param("from", Timestamp.from(publishedAt.minus(WINDOW)))
                    .param("to", Timestamp.from(publishedAt.plus(WINDOW)))
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2), (Long) rs.getObject(3), (Long) rs.getObject(4)})
                    .list();
            for (Object[] c : candidates) {
                double j = NearDuplicates.jaccard(shingles, NearDuplicates.decode((byte[]) c[1]));
                if (j >= props.groupingThreshold()) {
                    matches.add((Long) c[0]);
                    if (c[2] != null) {
                        groups.add((Long) c[2]);
                    }
                    if (c[3] != null && inheritedRelease == null) {
                        inheritedRelease = (Long) c[3];
                    }
                }
            }
        }
        Long groupId = null;
        if (!matches.isEmpty()) {
            if (groups.isEmpty()) {
                groupId = jdbc.sql("insert into monitoring_group (created_at, first_article) values (:at, :a) returning id")
                        .param("at", Timestamp.from(clock.instant())).param("a", matches.get(0)).query(Long.class).single();
            } else {
                groupId = groups.stream().min(Long::compare).orElseThrow();
                List<Long> others = groups.stream().filter(g -> !g.equals(groups.stream().min(Long::compare).get())).toList();
                if (!others.isEmpty()) {
                    jdbc.sql("update monitoring_article set group_id = :g, change_seq = change_seq + 1 where group_id in (:o)")
                            .param("g", groupId).param("o", others).update();
                }
            }
            List<Long> members = new ArrayList<>(matches);
            members.add(articleId);
            jdbc.sql("update monitoring_article set group_id = :g where id in (:ids) and (group_id is null or group_id <> :g)")
                    .param("g", groupId).param("ids", members).update();
        }
        // direct attribution to a release
        Optional<ReleaseMatch> release = bestRelease(shingles, publishedAt);
        if (release.isPresent()) {
            setRelease(articleId, release.get().releaseId(), release.get().containment());
            if (groupId != null) {
                propagate(groupId, release.get().releaseId());
            }
        } else if (groupId != null) {
            Long groupRelease = jdbc.sql("select release_id from monitoring_group where id = :g").param("g", groupId)
                    .query(Long.class).optional().orElse(null);
            Long r = groupRelease != null ? groupRelease : inheritedRelease;
            if (r != null) {
                propagate(groupId, r);
            }
        }
    }

    record ReleaseMatch(long releaseId, double containment) {
    }

    Optional<ReleaseMatch> bestRelease(int[] shingles, Instant publishedAt) {
        if (shingles.length == 0) {
            return Optional.empty();
        }
        List<Object[]> releases = jdbc.sql("""
                        select distinct on (release_id) release_id, shingles from monitoring_release
                        where published_at between :from and :to and (embargo_until is null or embargo_until <= :now)
                        order by release_id, version desc""")
                .param("from", Timestamp.from(publishedAt.minus(WINDOW))).param("to", Timestamp.from(publishedAt.plus(Duration.ofHours(6))))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).list();
        ReleaseMatch best = null;
        for (Object[] r : releases) {
            double c = NearDuplicates.containment(shingles, NearDuplicates.decode((byte[]) r[1]));
            if (c >= props.releaseContainment() && (best == null || c > best.containment())) {
                best = new ReleaseMatch((Long) r[0], c);
            }
        }
        return Optional.ofNullable(best);
    }

    private void setRelease(long articleId, long releaseId, double containment) {
        jdbc.sql("""
                        update monitoring_article set release_id = :r, release_similarity = :c, change_seq = change_seq + 1
                        where id = :id""")
                .param("r", releaseId).param("c", Math.round(containment * 1000) / 1000.0).param("id", articleId).update();
    }

    /** Links a group to a release; members without a release inherit it. */
    private void propagate(long groupId, long releaseId) {
        jdbc.sql("update monitoring_group set release_id = :r where id = :g and release_id is null")
                .param("r", releaseId).param("g", groupId).update();
        jdbc.sql("update monitoring_article set release_id = :r, change_seq = change_seq + 1 where group_id = :g and release_id is null")
                .param("r", releaseId).param("g", groupId).update();
    }

    /**
     * Keeps our copy of a published release (idempotent on release id + version) and attributes the recent
     * articles that rewrite it. Embargoed releases never arrive here: the press module publishes the event only
     * after the embargo has passed.
     */
    @ApplicationModuleListener
    public void on(PressReleasePublished event) {
        receive(event);
    }

    @Transactional
    public boolean receive(PressReleasePublished e) {
        String text = (e.title() == null ? "" : e.title()) + "\n" + (e.subtitle() == null ? "" : e.subtitle()) + "\n"
                + (e.bodyText() == null ? "" : e.bodyText());
        int[] shingles = NearDuplicates.shingles(analysis.text().nouns(text));
        int inserted = jdbc.sql("""
                        insert into monitoring_release (release_id, version, title, subtitle, body_text, department, embargo_until,
                            published_at, correction, public_url, shingles, received_at)
                        values (:id, :v, :title, :sub, :body, :dept, :embargo, :published, :correction, :url, :sh, :now)
                        on conflict (release_id, version) do nothing""")
                .param("id", e.releaseId()).param("v", e.version()).param("title", trunc(e.title(), 500))
                .param("sub", trunc(e.subtitle(), 500)).param("body", e.bodyText() == null ? "" : e.bodyText())
                .param("dept", trunc(e.department(), 200))
                .param("embargo", e.embargoUntil() == null ? null : Timestamp.from(e.embargoUntil()))
                .param("published", Timestamp.from(e.publishedAt())).param("correction", e.correction())
                .param("url", trunc(e.publicUrl(), 500)).param("sh", NearDuplicates.encode(shingles))
                .param("now", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return false;
        }
        if (e.embargoUntil() != null && e.embargoUntil().isAfter(clock.instant())) {
            // the press office publishes only after the embargo; should one arrive early, it stays hidden and
            // unattributed until the embargo has passed
            return true;
        }
        // articles that appeared before we heard of the release (or arrived within minutes of it)
        List<Object[]> recent = jdbc.sql("""
                        select id, shingles, group_id from monitoring_article
                        where release_id is null and published_at between :from and :to""")
                .param("from", Timestamp.from(e.publishedAt().minus(Duration.ofHours(6))))
                .param("to", Timestamp.from(e.publishedAt().plus(WINDOW)))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2), (Long) rs.getObject(3)}).list();
        for (Object[] a : recent) {
            double c = NearDuplicates.containment(NearDuplicates.decode((byte[]) a[1]), shingles);
            if (c >= props.releaseContainment()) {
                setRelease((Long) a[0], e.releaseId(), c);
                if (a[2] != null) {
                    propagate((Long) a[2], e.releaseId());
                }
            }
        }
        indexer.wakeAfterCommit();
        return true;
    }

    private static String trunc(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }

    // ----- figures -----

    public record ReleaseRef(long releaseId, int version, String title, String department, Instant publishedAt,
                             String publicUrl) {
    }

    public record ReleaseCoverage(ReleaseRef release, long articles, List<String> outlets, Instant first, Instant last) {
        public int outletCount() {
            return outlets.size();
        }
    }

    public Optional<ReleaseRef> release(long releaseId) {
        return jdbc.sql("""
                        select release_id, version, title, department, published_at, public_url from monitoring_release
                        where release_id = :id and published_at <= :now and (embargo_until is null or embargo_until <= :now)
                        order by version desc limit 1""")
                .param("id", releaseId).param("now", Timestamp.from(clock.instant())).query((rs, i) -> new ReleaseRef(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6))).optional();
    }

    public Optional<ReleaseCoverage> ofRelease(long releaseId) {
        return release(releaseId).map(this::coverage);
    }

    private ReleaseCoverage coverage(ReleaseRef r) {
        record Agg(long n, Timestamp first, Timestamp last) {
        }
        Agg agg = jdbc.sql("select count(*), min(published_at), max(published_at) from monitoring_article where release_id = :r")
                .param("r", r.releaseId()).query((rs, i) -> new Agg(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3)))
                .single();
        List<String> outlets = jdbc.sql("select distinct outlet from monitoring_article where release_id = :r order by outlet")
                .param("r", r.releaseId()).query(String.class).list();
        return new ReleaseCoverage(r, agg.n(), outlets, agg.first() == null ? null : agg.first().toInstant(),
                agg.last() == null ? null : agg.last().toInstant());
    }

    /** Releases published in the period, newest first, with their coverage. */
    public List<ReleaseCoverage> releases(LocalDate from, LocalDate to) {
        List<ReleaseRef> refs = jdbc.sql("""
                        select distinct on (release_id) release_id, version, title, department, published_at, public_url
                        from monitoring_release where published_at >= :f and published_at < :t
                          and published_at <= :now and (embargo_until is null or embargo_until <= :now)
                        order by release_id, version desc""")
                .param("now", Timestamp.from(clock.instant()))
                .param("f", Timestamp.from(from.atStartOfDay(SEOUL).toInstant()))
                .param("t", Timestamp.from(to.plusDays(1).atStartOfDay(SEOUL).toInstant()))
                .query((rs, i) -> new ReleaseRef(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6))).list();
        return refs.stream().sorted((a, b) -> b.publishedAt().compareTo(a.publishedAt())).map(this::coverage).toList();
    }

    /** Coverage of a year: what we collected, how much of it came from releases, against the work plan's figure. */
    public record YearCoverage(int year, long articles, long attributed, long releases, long outlets, Long baselineArticles,
                               Integer baselineThroughMonth, Long baselineReleases, String baselineNote) {
        /** Collected as a share of the work plan's count for that year (null without a baseline). */
        public Double shareOfBaseline() {
            return baselineArticles == null || baselineArticles == 0 ? null
                    : Math.round(articles * 1000.0 / baselineArticles) / 10.0;
        }
    }

    public YearCoverage ofYear(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(SEOUL).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(SEOUL).toInstant();
        Object[] agg = jdbc.sql("""
                        select count(*), count(release_id), count(distinct outlet) from monitoring_article
                        where published_at >= :f and published_at < :t""")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long releases = jdbc.sql("select count(distinct release_id) from monitoring_release where published_at >= :f and published_at < :t")
                .param("f", Timestamp.from(from)).param("t", Timestamp.from(to)).query(Long.class).single();
        Object[] base = jdbc.sql("select articles, through_month, releases, note from monitoring_baseline where year = :y")
                .param("y", year).query((rs, i) -> new Object[] {rs.getLong(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getString(4)})
                .optional().orElse(null);
        return new YearCoverage(year, (Long) agg[0], (Long) agg[1], releases, (Long) agg[2],
                base == null ? null : (Long) base[0], base == null ? null : (Integer) base[1],
                base == null || base[2] == null ? null : ((Integer) base[2]).longValue(), base == null ? null : (String) base[3]);
    }

    public List<Integer> years() {
        List<Integer> years = new ArrayList<>(jdbc.sql("""
                        select y from (select year as y from monitoring_baseline
                                       union select extract(year from published_at at time zone 'Asia/Seoul')::int from monitoring_article) t
                        order by y desc""").query(Integer.class).list());
        int now = clock.instant().atZone(SEOUL).getYear();
        if (!years.contains(now)) {
            years.add(0, now);
        }
        return years;
    }
}
