package kr.sotong.signage.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.device.DeviceKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof-of-play reports per campaign, content and device (e.g. the September–October anniversary
 * campaign), device uptime from heartbeats, and their XLSX export.
 */
@Service
public class SignageReports {

    static final int MAX_DAYS = 400;

    /** What to report on. Null ids mean all; dates are inclusive Asia/Seoul days. */
    public record Filter(Long campaignId, Long contentId, Long deviceId, LocalDate from, LocalDate to) {
        public Filter {
            if (from == null || to == null) {
                throw new DomainException("signage.report.dates-required", "조회 기간의 시작일과 종료일을 입력하세요.");
            }
            if (to.isBefore(from)) {
                throw new DomainException("signage.report.bad-dates", "종료일이 시작일보다 빠릅니다: " + from + " ~ " + to);
            }
            if (from.plusDays(MAX_DAYS).isBefore(to)) {
                throw new DomainException("signage.report.too-long", "조회 기간은 " + MAX_DAYS + "일 이내로 정하세요.");
            }
        }
    }

    public record Totals(long plays, long seconds, long devices, long contents) {
    }

    /** One line of a grouping: its id, label, plays, seconds on screen and distinct devices. */
    public record Line(String id, String label, long plays, long seconds, long devices) {
    }

    public record ProofOfPlay(Filter filter, String campaignName, Totals totals, List<Line> byContent,
                              List<Line> byDevice, List<Line> byDay, List<Line> byCampaign) {
    }

    public record Uptime(long deviceId, String code, String name, DeviceKind kind, long minutesOnline,
                         long minutesInPeriod, BigDecimal percent) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public SignageReports(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** The campaign's own dates, or the last 30 days. */
    @Transactional(readOnly = true)
    public Filter defaults(Long campaignId, Long contentId, Long deviceId, LocalDate from, LocalDate to) {
        if ((from == null || to == null) && campaignId != null) {
            var dates = jdbc.sql("select start_date, end_date from signage_campaign where id = :id").param("id", campaignId)
                    .query((rs, i) -> new LocalDate[]{rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()}).optional();
            if (dates.isPresent()) {
                from = from == null ? dates.get()[0] : from;
                to = to == null ? dates.get()[1] : to;
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
        return new Filter(campaignId, contentId, deviceId, from == null ? today.minusDays(29) : from, to == null ? today : to);
    }

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public ProofOfPlay proofOfPlay(Filter f) {
        Map<String, Object> p = new HashMap<>();
        String where = where(f, p);
        Totals totals = jdbc.sql("""
                        select count(*), coalesce(sum(pop.duration_ms), 0) / 1000, count(distinct pop.device_id), count(distinct pop.content_id)
                        from signage_proof_of_play pop where """ + " " + where)
                .params(p).query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        List<Line> byContent = lines("""
                select pop.content_id::text, coalesce(c.title, '(삭제된 콘텐츠)'), count(*), sum(pop.duration_ms) / 1000,
                       count(distinct pop.device_id)
                from signage_proof_of_play pop left join signage_content c on c.id = pop.content_id
                where """ + " " + where + " group by pop.content_id, c.title order by count(*) desc, pop.content_id", p);
        List<Line> byDevice = lines("""
                select pop.device_id::text, coalesce(d.code || ' ' || d.name, '(알 수 없는 기기)'), count(*),
                       sum(pop.duration_ms) / 1000, 1
                from signage_proof_of_play pop left join signage_device d on d.id = pop.device_id
                where """ + " " + where + " group by pop.device_id, d.code, d.name order by d.code nulls last, pop.device_id", p);
        List<Line> byDay = lines("""
                select to_char(started_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') d, to_char(started_at at time zone 'Asia/Seoul', 'YYYY-MM-DD'),
                       count(*), sum(pop.duration_ms) / 1000, count(distinct pop.device_id)
                from signage_proof_of_play pop where """ + " " + where + " group by 1, 2 order by 1", p);
        List<Line> byCampaign = lines("""
                select coalesce(pop.campaign_id::text, '-'), coalesce(c.name, '(캠페인 없음)'), count(*), sum(pop.duration_ms) / 1000,
                       count(distinct pop.device_id)
                from signage_proof_of_play pop left join signage_campaign c on c.id = pop.campaign_id
                where """ + " " + where + " group by pop.campaign_id, c.name order by count(*) desc", p);
        String campaignName = f.campaignId() == null ? null : jdbc.sql("select name from signage_campaign where id = :id")
                .param("id", f.campaignId()).query(String.class).optional().orElse("#" + f.campaignId());
        return new ProofOfPlay(f, campaignName, totals, byContent, byDevice, byDay, byCampaign);
    }

    private List<Line> lines(String sql, Map<String, Object> p) {
        return jdbc.sql(sql).params(p).query((rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))).list();
    }

    private String where(Filter f, Map<String, Object> p) {
        StringBuilder w = new StringBuilder("pop.started_at >= :from and pop.started_at < :to");
        p.put("from", Timestamp.from(f.from().atStartOfDay(zone()).toInstant()));
        p.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone()).toInstant()));
        if (f.campaignId() != null) {
            w.append(" and pop.campaign_id = :campaign");
            p.put("campaign", f.campaignId());
        }
        if (f.contentId() != null) {
            w.append(" and pop.content_id = :content");
            p.put("content", f.contentId());
        }
        if (f.deviceId() != null) {
            w.append(" and pop.device_id = :device");
            p.put("device", f.deviceId());
        }
        return w.toString();
    }

    /** Minutes with a heartbeat over the period (up to now), per active device. */
    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public List<Uptime> uptime(LocalDate from, LocalDate to, DeviceKind kind) {
        Filter f = new Filter(null, null, null, from, to);
        Instant start = f.from().atStartOfDay(zone()).toInstant();
        Instant end = f.to().plusDays(1).atStartOfDay(zone()).toInstant();
        Instant now = clock.instant();
        if (end.isAfter(now)) {
            end = now;
        }
        long period = Math.max(0, Duration.between(start, end).toMinutes());
        Map<String, Object> p = new HashMap<>();
        p.put("from", Timestamp.from(start));
        p.put("to", Timestamp.from(end));
        String kindFilter = "";
        if (kind != null) {
            kindFilter = " and d.kind = :kind";
            p.put("kind", kind.name());
        }
        return jdbc.sql("""
                        select d.id, d.code, d.name, d.kind,
                               coalesce((select sum(bit_count(u.minute_mask::bit(64))) from signage_device_uptime u
                                         where u.device_id = d.id and u.hour_start >= :from and u.hour_start < :to), 0)
                        from signage_device d where d.status = 'ACTIVE' and d.token_hash is not null""" + kindFilter + " order by d.code")
                .params(p).query((rs, i) -> {
                    long online = Math.min(rs.getLong(5), period);
                    return new Uptime(rs.getLong(1), rs.getString(2), rs.getString(3), DeviceKind.valueOf(rs.getString(4)),
                            online, period, period == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(online * 100L).divide(BigDecimal.valueOf(period), 1, RoundingMode.HALF_UP));
                }).list();
    }

    /** The proof-of-play report and the devices' uptime of the same period as an XLSX workbook (export audited). */
    @PreAuthorize(SignageAccess.READ)
    @Transactional
    public byte[] workbook(Filter f) {
        ProofOfPlay r = proofOfPlay(f);
        List<Uptime> uptime = uptime(f.from(), f.to(), null);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            Sheet s = wb.createSheet("요약");
            row(s, 0, head, "송출 기록 보고서");
            row(s, 1, null, "기간", f.from() + " ~ " + f.to());
            row(s, 2, null, "캠페인", r.campaignName() == null ? "전체" : r.campaignName());
            row(s, 3, null, "재생 횟수", r.totals().plays());
            row(s, 4, null, "송출 시간(초)", r.totals().seconds());
            row(s, 5, null, "송출 기기 수", r.totals().devices());
            row(s, 6, null, "콘텐츠 수", r.totals().contents());
            s.setColumnWidth(0, 20 * 256);
            s.setColumnWidth(1, 40 * 256);
            lineSheet(wb, "콘텐츠별", "콘텐츠", r.byContent(), head);
            lineSheet(wb, "기기별", "기기", r.byDevice(), head);
            lineSheet(wb, "일자별", "날짜", r.byDay(), head);
            lineSheet(wb, "캠페인별", "캠페인", r.byCampaign(), head);
            Sheet u = wb.createSheet("가동률");
            row(u, 0, head, "기기 코드", "기기 이름", "종류", "신호 있음(분)", "기간(분)", "가동률(%)");
            int i = 1;
            for (Uptime x : uptime) {
                row(u, i++, null, x.code(), x.name(), x.kind().label(), x.minutesOnline(), x.minutesInPeriod(),
                        x.percent().doubleValue());
            }
            u.setColumnWidth(1, 30 * 256);
            wb.write(out);
            audit.record("signage.report.export", "SignageReport", f.campaignId() == null ? "all" : f.campaignId(),
                    "송출 기록 보고서 내려받기 " + f.from() + "~" + f.to());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lineSheet(XSSFWorkbook wb, String name, String what, List<Line> lines, CellStyle head) {
        Sheet s = wb.createSheet(name);
        row(s, 0, head, what, "재생 횟수", "송출 시간(초)", "기기 수");
        int i = 1;
        for (Line l : lines) {
            row(s, i++, null, l.label(), l.plays(), l.seconds(), l.devices());
        }
        s.setColumnWidth(0, 40 * 256);
    }

    private static void row(Sheet s, int index, CellStyle style, Object... values) {
        Row row = s.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell c = row.createCell(i);
            Object v = values[i];
            if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else {
                c.setCellValue(Spreadsheets.safeText(v == null ? "" : v.toString()));
            }
            if (style != null) {
                c.setCellStyle(style);
            }
        }
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
