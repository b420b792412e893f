package kr.sotong.channels.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.sotong.channels.ChannelKind;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** PR channels and their metric snapshots: manual entry, file import with preview, platform connectors. */
@Service
public class ChannelCatalog {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private final List<MetricsConnector> connectors;

    ChannelCatalog(JdbcClient jdbc, AuditLog audit, StaffDirectory staff, Clock clock, ChannelsProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.connectors = List.of(new MetricsConnector.YouTube(properties.youtube()), new MetricsConnector.Instagram(properties.instagram()));
    }

    public record Channel(long id, ChannelKind kind, String name, String url, LocalDate openedOn, String cadence,
                          String subscriberKpi, String contentKpi, String externalId, boolean active) {
    }

    public record Metric(long id, long channelId, LocalDate asOf, Long subscribers, Long contents, Long views, String source,
                         String note, String recordedBy) {
    }

    public record Overview(Channel channel, Metric latest, Metric previous) {
        public Long subscriberChange() {
            return latest == null || previous == null || latest.subscribers() == null || previous.subscribers() == null ? null
                    : latest.subscribers() - previous.subscribers();
        }
    }

    private static Channel channel(ResultSet rs) throws SQLException {
        Date opened = rs.getDate(5);
        return new Channel(rs.getLong(1), ChannelKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                opened == null ? null : opened.toLocalDate(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getBoolean(10));
    }

    private static Metric metric(ResultSet rs) throws SQLException {
        return new Metric(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), (Long) rs.getObject(4, Long.class),
                (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static final String CH = "id, kind, name, url, opened_on, cadence, subscriber_kpi, content_kpi, external_id, active";
    private static final String ME = "id, channel_id, as_of, subscribers, contents, views, source, note, recorded_by";

    public List<Channel> channels() {
        return jdbc.sql("select " + CH + " from channels_channel order by sort_order, id").query((rs, i) -> channel(rs)).list();
    }

    public Channel channel(long id) {
        return jdbc.sql("select " + CH + " from channels_channel where id = :id").param("id", id).query((rs, i) -> channel(rs))
                .optional().orElseThrow(() -> DomainException.notFound("채널", id));
    }

    public Optional<Channel> byKind(ChannelKind kind) {
        return channels().stream().filter(c -> c.kind() == kind).findFirst();
    }

    public List<Metric> metrics(long channelId) {
        channel(channelId);
        return jdbc.sql("select " + ME + " from channels_metric where channel_id = :c order by as_of").param("c", channelId)
                .query((rs, i) -> metric(rs)).list();
    }

    public List<Overview> overview() {
        List<Overview> out = new ArrayList<>();
        for (Channel c : channels()) {
            List<Metric> m = jdbc.sql("select " + ME + " from channels_metric where channel_id = :c order by as_of desc limit 2")
                    .param("c", c.id()).query((rs, i) -> metric(rs)).list();
            out.add(new Overview(c, m.isEmpty() ? null : m.get(0), m.size() < 2 ? null : m.get(1)));
        }
        return out;
    }

    @Transactional
    public long addChannel(ChannelKind kind, String name, String url, LocalDate openedOn, String cadence, String externalId) {
        if (kind == null) {
            throw new DomainException("channels.kind", "채널 종류를 고르세요.");
        }
        String n = Forms.required("채널 이름", name, 100);
        Forms.optional("주소", url, 500);
        Forms.optional("발행 주기", cadence, 100);
        if (jdbc.sql("select count(*) from channels_channel where name = :n").param("n", n).query(Long.class).single() > 0) {
            throw DomainException.conflict("channels.name-taken", "같은 이름의 채널이 있습니다: " + n);
        }
        long id = jdbc.sql("""
                        insert into channels_channel (kind, name, url, opened_on, cadence, external_id, created_at)
                        values (:k, :n, :u, :o, :c, :e, :now) returning id""")
                .param("k", kind.name()).param("n", n).param("u", blank(url)).param("o", openedOn == null ? null : Date.valueOf(openedOn))
                .param("c", blank(cadence)).param("e", blank(externalId)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("channels.channel.add", "Channel", id, kind.label() + " " + n);
        return id;
    }

    @Transactional
    public void updateChannel(long id, String url, LocalDate openedOn, String cadence, String externalId, boolean active) {
        Channel c = channel(id);
        Forms.optional("주소", url, 500);
        Forms.optional("발행 주기", cadence, 100);
        jdbc.sql("update channels_channel set url = :u, opened_on = :o, cadence = :c, external_id = :e, active = :a where id = :id")
                .param("u", blank(url)).param("o", openedOn == null ? null : Date.valueOf(openedOn)).param("c", blank(cadence))
                .param("e", blank(externalId)).param("a", active).param("id", id).update();
        audit.record("channels.channel.update", "Channel", id, c.name());
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Records (or replaces) the snapshot of a day. */
    @Transactional
    public void recordMetric(long channelId, LocalDate asOf, Long subscribers, Long contents, Long views, String source, String note) {
        Channel c = channel(channelId);
        upsert(c, asOf, subscribers, contents, views, source, note);
        audit.record("channels.metric.record", "Channel", channelId, c.name() + " " + asOf + " 구독자 " + subscribers + " / 콘텐츠 " + contents
                + " / 조회 " + views + " (" + source + ")");
    }

    private void upsert(Channel c, LocalDate asOf, Long subscribers, Long contents, Long views, String source, String note) {
        if (asOf == null) {
            throw new DomainException("channels.metric.date", "기준일을 입력하세요.");
        }
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw new DomainException("channels.metric.future", "기준일이 미래입니다: " + asOf);
        }
        if (subscribers == null && contents == null && views == null) {
            throw new DomainException("channels.metric.empty", "구독자, 콘텐츠 수, 조회수 중 하나 이상을 입력하세요.");
        }
        for (Long v : new Long[] {subscribers, contents, views}) {
            if (v != null && v < 0) {
                throw new DomainException("channels.metric.negative", "수치는 0 이상이어야 합니다.");
            }
        }
        Forms.optional("비고", note, 200);
        jdbc.sql("""
                        insert into channels_metric (channel_id, as_of, subscribers, contents, views, source, note, recorded_by, recorded_at)
                        values (:c, :d, :s, :n, :v, :src, :note, :by, :now)
                        on conflict (channel_id, as_of) do update set subscribers = :s, contents = :n, views = :v, source = :src,
                               note = :note, recorded_by = :by, recorded_at = :now""")
                .param("c", c.id()).param("d", Date.valueOf(asOf)).param("s", subscribers).param("n", contents).param("v", views)
                .param("src", source).param("note", blank(note)).param("by", staff.currentActor())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    // ---------------- import with preview ----------------

    public record ImportRow(int line, LocalDate asOf, Long subscribers, Long contents, Long views) {
    }

    public record ImportPreview(long importId, long channelId, String fileName, List<ImportRow> rows, List<String> errors,
                                boolean applied) {
        public boolean applicable() {
            return errors.isEmpty() && !rows.isEmpty() && !applied;
        }
    }

    /** Parses an export (CSV/XLSX: 날짜/Date, 구독자/Subscribers, 콘텐츠 수/Videos/Posts, 조회수/Views) and keeps it for review. */
    @Transactional
    public ImportPreview previewImport(long channelId, String fileName, byte[] bytes) {
        channel(channelId);
        List<TableFile.Line> lines = TableFile.read(fileName, bytes);
        List<String> header = lines.get(0).cells();
        int cDate = TableFile.column(header, "날짜", "기준일", "일자", "date", "day");
        int cSubs = TableFile.column(header, "구독자", "구독자수", "이웃수", "팔로워", "친구수", "subscribers", "followers", "total subscribers");
        int cContents = TableFile.column(header, "콘텐츠수", "게시물수", "동영상수", "posts", "videos", "contents", "media");
        int cViews = TableFile.column(header, "조회수", "views", "impressions", "reach");
        List<String> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        if (cDate < 0) {
            errors.add("머리글에 날짜 열(날짜/기준일/Date)이 없습니다.");
        }
        if (cSubs < 0 && cContents < 0 && cViews < 0) {
            errors.add("머리글에 구독자·콘텐츠 수·조회수 열이 하나도 없습니다.");
        }
        Set<LocalDate> seen = new HashSet<>();
        if (errors.isEmpty()) {
            LocalDate today = LocalDate.now(clock);
            for (TableFile.Line l : lines.subList(1, lines.size())) {
                String where = l.number() + "행: ";
                LocalDate d = TableFile.date(l.get(cDate));
                if (d == null) {
                    errors.add(where + "날짜를 읽을 수 없습니다: '" + l.get(cDate) + "'");
                    continue;
                }
                if (d.isAfter(today)) {
                    errors.add(where + "미래 날짜입니다: " + d);
                    continue;
                }
                if (!seen.add(d)) {
                    errors.add(where + "같은 날짜가 두 번 있습니다: " + d);
                    continue;
                }
                try {
                    Long s = cSubs < 0 ? null : TableFile.count("구독자", l.get(cSubs));
                    Long n = cContents < 0 ? null : TableFile.count("콘텐츠 수", l.get(cContents));
                    Long v = cViews < 0 ? null : TableFile.count("조회수", l.get(cViews));
                    if (s == null && n == null && v == null) {
                        errors.add(where + "수치가 비어 있습니다.");
                        continue;
                    }
                    rows.add(new ImportRow(l.number(), d, s, n, v));
                } catch (DomainException e) {
                    errors.add(where + e.getMessage());
                }
            }
            if (rows.isEmpty() && errors.isEmpty()) {
                errors.add("가져올 행이 없습니다.");
            }
        }
        long id = jdbc.sql("""
                        insert into channels_import (kind, target_id, file_name, rows_json, errors_json, created_by, created_at)
                        values ('METRICS', :t, :f, :r, :e, :by, :now) returning id""")
                .param("t", channelId).param("f", fileName == null ? null : fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .param("r", MetricsConnector.JSON.writeValueAsString(rows)).param("e", MetricsConnector.JSON.writeValueAsString(errors))
                .param("by", staff.currentActor()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        return new ImportPreview(id, channelId, fileName, rows, errors, false);
    }

    public ImportPreview importPreview(long importId) {
        return jdbc.sql("select id, target_id, file_name, rows_json, errors_json, applied_at from channels_import where id = :id and kind = 'METRICS'")
                .param("id", importId)
                .query((rs, i) -> new ImportPreview(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        MetricsConnector.JSON.readValue(rs.getString(4), new TypeReference<List<ImportRow>>() { }),
                        MetricsConnector.JSON.readValue(rs.getString(5), new TypeReference<List<String>>() { }), rs.getTimestamp(6) != null))
                .optional().orElseThrow(() -> DomainException.notFound("가져오기", importId));
    }

    /** Applies a previewed import: every row or nothing; refused while the preview has errors. */
    @Transactional
    public int applyImport(long importId) {
        ImportPreview p = importPreview(importId);
        if (p.applied()) {
            throw DomainException.conflict("channels.import.applied", "이미 반영한 파일입니다.");
        }
        if (!p.errors().isEmpty()) {
            throw new DomainException("channels.import.errors", "오류가 있는 파일은 반영할 수 없습니다. 고친 파일을 다시 올려 주세요.");
        }
        Channel c = channel(p.channelId());
        for (ImportRow r : p.rows()) {
            upsert(c, r.asOf(), r.subscribers(), r.contents(), r.views(), "IMPORT", p.fileName());
        }
        jdbc.sql("update channels_import set applied_at = :now where id = :id").param("now", Timestamp.from(clock.instant()))
                .param("id", importId).update();
        audit.record("channels.metric.import", "Channel", c.id(), c.name() + ": " + p.rows().size() + "개 시점 가져옴 (" + p.fileName() + ")");
        return p.rows().size();
    }

    // ---------------- connectors ----------------

    public Optional<MetricsConnector> connector(ChannelKind kind) {
        return connectors.stream().filter(c -> c.kind() == kind).findFirst();
    }

    /** Fetches today's figures through a connector and records them. */
    @Transactional
    public MetricsConnector.Figures fetch(long channelId, MetricsConnector connector) {
        Channel c = channel(channelId);
        if (connector == null || !connector.enabled()) {
            throw new DomainException("channels.connector.disabled", c.kind().label()
                    + " 연동이 꺼져 있습니다(API 키가 설정되지 않음). 내보낸 파일을 가져오기로 올려 주세요.");
        }
        if (c.externalId() == null) {
            throw new DomainException("channels.connector.no-id", "채널의 외부 ID(YouTube 채널 ID / Instagram 사용자 ID)를 먼저 입력하세요.");
        }
        MetricsConnector.Figures f = connector.fetch(c.externalId());
        upsert(c, LocalDate.now(clock), f.subscribers(), f.contents(), f.views(), "API", c.kind().label() + " API");
        audit.record("channels.metric.fetch", "Channel", channelId, c.name() + " API: 구독자 " + f.subscribers() + ", 콘텐츠 " + f.contents());
        return f;
    }

    /** Fetches every channel whose connector is enabled (daily job); failures are logged, not thrown. */
    public Map<String, String> fetchAll() {
        Map<String, String> result = new LinkedHashMap<>();
        for (Channel c : channels()) {
            connector(c.kind()).filter(MetricsConnector::enabled).ifPresent(k -> {
                if (c.externalId() != null && c.active()) {
                    try {
                        fetch(c.id(), k);
                        result.put(c.name(), "ok");
                    } catch (DomainException e) {
                        result.put(c.name(), e.getMessage());
                    }
                }
            });
        }
        return result;
    }

    /** Seed: a channel with its 2024-10 snapshot (runs inside {@code SeedRuns}). */
    void seed(ChannelKind kind, String name, String url, LocalDate opened, String cadence, String subscriberKpi, String contentKpi,
              int sortOrder, LocalDate asOf, Long subscribers, Long contents, String note) {
        Long id = jdbc.sql("select id from channels_channel where name = :n").param("n", name).query(Long.class).optional().orElse(null);
        if (id == null) {
            id = jdbc.sql("""
                            insert into channels_channel (kind, name, url, opened_on, cadence, subscriber_kpi, content_kpi, sort_order, created_at)
                            values (:k, :n, :u, :o, :c, :sk, :ck, :so, :now) returning id""")
                    .param("k", kind.name()).param("n", name).param("u", url).param("o", Date.valueOf(opened)).param("c", cadence)
                    .param("sk", subscriberKpi).param("ck", contentKpi).param("so", sortOrder).param("now", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        }
        jdbc.sql("""
                        insert into channels_metric (channel_id, as_of, subscribers, contents, views, source, note, recorded_by, recorded_at)
                        values (:c, :d, :s, :n, null, 'SEED', :note, 'seed', :now) on conflict (channel_id, as_of) do nothing""")
                .param("c", id).param("d", Date.valueOf(asOf)).param("s", subscribers).param("n", contents).param("note", note)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
