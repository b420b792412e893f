package kr.sotong.newsletter.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.newsletter.support.MediaUploads;
import kr.sotong.newsletter.support.NewsletterProperties;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

/** Distribution points, delivery rounds, inspections and their reports; XLSX and GeoJSON exchange. */
@Service
public class DistributionService {

    /** Form values of a distribution point. */
    public record PointForm(String kind, String name, String address, String dong, BigDecimal latitude,
                            BigDecimal longitude, Integer copiesPerIssue) {
    }

    /** Form values of an inspection. */
    public record InspectionForm(LocalDate inspectedOn, String inspector, Integer copiesLeft, String problems) {
    }

    /** A point not inspected for {@code days} days (or never: {@code lastInspected} null). */
    public record Overdue(DistributionPoint point, LocalDate lastInspected, Long daysSince) {
    }

    public record DongCopies(String dong, int points, long copies) {
    }

    public enum Advice { ADD, KEEP, REDUCE, NO_DATA }

    /**
     * Uptake of the latest delivery at a point, measured by the first inspection after it.
     *
     * @param uptakePercent (delivered − left) / delivered, rounded half-up to a whole percent
     */
    public record Uptake(DistributionPoint point, LocalDate deliveredOn, Integer delivered, LocalDate inspectedOn,
                         Integer left, Integer uptakePercent, Advice advice) {
    }

    private final DistributionPoints points;
    private final Inspections inspections;
    private final JdbcClient jdbc;
    private final MediaUploads uploads;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final NewsletterProperties properties;
    private final Clock clock;

    DistributionService(DistributionPoints points, Inspections inspections, JdbcClient jdbc, MediaUploads uploads,
                        AuditLog audit, StaffDirectory staff, NewsletterProperties properties, Clock clock) {
        this.points = points;
        this.inspections = inspections;
        this.jdbc = jdbc;
        this.uploads = uploads;
        this.audit = audit;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public List<DistributionPoint> points() {
        return points.findAllByOrderByDongAscNameAsc();
    }

    @Transactional(readOnly = true)
    public DistributionPoint point(long id) {
        return points.findById(id).orElseThrow(() -> DomainException.notFound("배부처", id));
    }

    @Transactional(readOnly = true)
    public Inspection inspection(long id) {
        return inspections.findById(id).orElseThrow(() -> DomainException.notFound("점검", id));
    }

    @Transactional(readOnly = true)
    public List<Inspection> inspections(long pointId) {
        return inspections.findByPointIdOrderByInspectedOnDescIdDesc(pointId);
    }

    @Transactional
    public DistributionPoint createPoint(PointForm f) {
        DistributionPoint p = DistributionPoint.create(kind(f.kind()), f.name(), f.address(), f.dong(), f.latitude(),
                f.longitude(), copies(f.copiesPerIssue()), clock.instant());
        points.findByNameAndAddress(p.getName(), p.getAddress()).ifPresent(o -> {
            throw DomainException.conflict("newsletter.point.duplicate", "같은 이름과 주소의 배부처가 이미 있습니다: " + o.getName());
        });
        p = points.save(p);
        audit.record("newsletter.point.created", "DistributionPoint", p.getId(), "배부처 '" + p.getName() + "' 등록 ("
                + p.getDong() + ", " + p.getCopiesPerIssue() + "부)");
        return p;
    }

    @Transactional
    public DistributionPoint updatePoint(long id, PointForm f) {
        DistributionPoint p = point(id);
        p.edit(kind(f.kind()), f.name(), f.address(), f.dong(), f.latitude(), f.longitude(), copies(f.copiesPerIssue()));
        p = points.save(p);
        audit.record("newsletter.point.updated", "DistributionPoint", id, "배부처 '" + p.getName() + "' 수정");
        return p;
    }

    @Transactional
    public void setActive(long id, boolean active) {
        DistributionPoint p = point(id);
        if (active) {
            p.activate();
        } else {
            p.deactivate();
        }
        points.save(p);
        audit.record(active ? "newsletter.point.activated" : "newsletter.point.deactivated", "DistributionPoint", id,
                "배부처 '" + p.getName() + "' " + (active ? "다시 사용" : "사용 중지"));
    }

    private static DistributionPoint.Kind kind(String value) {
        return DistributionPoint.Kind.parse(value);
    }

    private static int copies(Integer value) {
        if (value == null) {
            throw new DomainException("newsletter.point.copies", "배부 부수를 입력해 주세요.");
        }
        return value;
    }

    /** Records an inspection; the optional photo is checked like every image upload. */
    @Transactional
    public Inspection inspect(long pointId, InspectionForm f, MultipartFile photo) {
        DistributionPoint p = point(pointId);
        Inspection candidate = Inspection.record(pointId, f.inspectedOn(), today(), f.inspector(), f.copiesLeft(), null,
                f.problems(), staff.currentActor(), clock.instant());
        String photoSha = MediaUploads.present(photo) ? uploads.image(photo).file().sha256() : null;
        Inspection i = inspections.save(Inspection.record(pointId, candidate.getInspectedOn(), today(),
                candidate.getInspector(), candidate.getCopiesLeft(), photoSha, candidate.getProblems(),
                staff.currentActor(), clock.instant()));
        audit.record("newsletter.inspection.recorded", "DistributionPoint", pointId, "배부 점검 " + i.getInspectedOn()
                + " '" + p.getName() + "' 남은 부수 " + i.getCopiesLeft() + (i.getProblems() == null ? "" : ", 문제 있음"));
        return i;
    }

    /** A delivery round: every active point receives its copies per issue. */
    @Transactional
    public long deliver(LocalDate on, Long issueId, String note) {
        if (on == null) {
            throw new DomainException("newsletter.round.date", "배송일을 입력해 주세요.");
        }
        if (on.isAfter(today().plusDays(60))) {
            throw new DomainException("newsletter.round.future", "배송일이 너무 먼 미래입니다: " + on);
        }
        List<DistributionPoint> active = points().stream().filter(DistributionPoint::isActive).toList();
        if (active.isEmpty()) {
            throw new DomainException("newsletter.round.no-points", "사용 중인 배부처가 없습니다.");
        }
        long roundId = jdbc.sql("""
                        insert into newsletter_delivery_round (issue_id, delivered_on, note, created_by, created_at)
                        values (:i, :d, :n, :by, :at) returning id""")
                .param("i", issueId).param("d", Date.valueOf(on)).param("n", note == null || note.isBlank() ? null : note.strip())
                .param("by", staff.currentActor()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        long total = 0;
        for (DistributionPoint p : active) {
            jdbc.sql("insert into newsletter_delivery (round_id, point_id, copies) values (:r, :p, :c)")
                    .param("r", roundId).param("p", p.getId()).param("c", p.getCopiesPerIssue()).update();
            total += p.getCopiesPerIssue();
        }
        audit.record("newsletter.round.delivered", "DeliveryRound", roundId, "배송 " + on + ": 배부처 " + active.size()
                + "곳, " + total + "부");
        return roundId;
    }

    public record Round(long id, LocalDate deliveredOn, Long issueId, int points, long copies, String note) {
    }

    @Transactional(readOnly = true)
    public List<Round> rounds() {
        return jdbc.sql("""
                        select r.id, r.delivered_on, r.issue_id, count(d.point_id), coalesce(sum(d.copies), 0), r.note
                          from newsletter_delivery_round r left join newsletter_delivery d on d.round_id = r.id
                         group by r.id order by r.delivered_on desc, r.id desc limit 24""")
                .query((rs, i) -> new Round(rs.getLong(1), rs.getDate(2).toLocalDate(), (Long) rs.getObject(3),
                        rs.getInt(4), rs.getLong(5), rs.getString(6)))
                .list();
    }

    /** Active points whose last inspection is more than {@code days} days ago, or that were never inspected. */
    @Transactional(readOnly = true)
    public List<Overdue> overdue(int days) {
        if (days < 1 || days > 3650) {
            throw new DomainException("newsletter.report.days", "기간(일)은 1~3650 사이로 입력해 주세요.");
        }
        LocalDate today = today();
        LocalDate limit = today.minusDays(days);
        Map<Long, LocalDate> last = lastInspections();
        List<Overdue> result = new ArrayList<>();
        for (DistributionPoint p : points()) {
            LocalDate l = last.get(p.getId());
            if (p.isActive() && (l == null || l.isBefore(limit))) {
                result.add(new Overdue(p, l, l == null ? null : ChronoUnit.DAYS.between(l, today)));
            }
        }
        result.sort(java.util.Comparator.comparing((Overdue o) -> o.lastInspected() == null ? LocalDate.MIN : o.lastInspected()));
        return result;
    }

    private Map<Long, LocalDate> lastInspections() {
        Map<Long, LocalDate> last = new LinkedHashMap<>();
        jdbc.sql("select point_id, max(inspected_on) from newsletter_inspection group by point_id")
                .query((rs, i) -> last.put(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
        return last;
    }

    /** Copies per issue of the active points, by 동 (every 동 listed, zeros included). */
    @Transactional(readOnly = true)
    public List<DongCopies> copiesByDong() {
        Map<String, long[]> by = new LinkedHashMap<>();
        DistributionPoint.DONGS.forEach(d -> by.put(d, new long[2]));
        for (DistributionPoint p : points()) {
            if (p.isActive()) {
                long[] v = by.computeIfAbsent(p.getDong(), k -> new long[2]);
                v[0]++;
                v[1] += p.getCopiesPerIssue();
            }
        }
        return by.entrySet().stream().map(e -> new DongCopies(e.getKey(), (int) e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Uptake per active point and the advice: add copies (≥ high %), reduce or drop (≤ low %), keep. */
    @Transactional(readOnly = true)
    public List<Uptake> uptake() {
        int high = properties.uptake().highPercent();
        int low = properties.uptake().lowPercent();
        List<Uptake> result = new ArrayList<>();
        for (DistributionPoint p : points()) {
            if (!p.isActive()) {
                continue;
            }
            var delivery = jdbc.sql("""
                            select r.delivered_on, d.copies from newsletter_delivery d
                              join newsletter_delivery_round r on r.id = d.round_id
                             where d.point_id = :p order by r.delivered_on desc, r.id desc limit 1""")
                    .param("p", p.getId())
                    .query((rs, i) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getInt(2)}).optional();
            if (delivery.isEmpty()) {
                result.add(new Uptake(p, null, null, null, null, null, Advice.NO_DATA));
                continue;
            }
            LocalDate deliveredOn = (LocalDate) delivery.get()[0];
            int delivered = (Integer) delivery.get()[1];
            var inspection = jdbc.sql("""
                            select inspected_on, copies_left from newsletter_inspection
                             where point_id = :p and inspected_on >= :d order by inspected_on desc, id desc limit 1""")
                    .param("p", p.getId()).param("d", Date.valueOf(deliveredOn))
                    .query((rs, i) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getInt(2)}).optional();
            if (inspection.isEmpty() || delivered == 0) {
                result.add(new Uptake(p, deliveredOn, delivered, null, null, null, Advice.NO_DATA));
                continue;
            }
            int left = Math.min((Integer) inspection.get()[1], delivered);
            int percent = BigDecimal.valueOf((long) (delivered - left) * 100)
                    .divide(BigDecimal.valueOf(delivered), 0, RoundingMode.HALF_UP).intValue();
            Advice advice = percent >= high ? Advice.ADD : percent <= low ? Advice.REDUCE : Advice.KEEP;
            result.add(new Uptake(p, deliveredOn, delivered, (LocalDate) inspection.get()[0], left, percent, advice));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public byte[] exportXlsx() {
        Map<Long, LocalDate> last = lastInspections();
        return PointSheet.write(points().stream().map(p -> new PointSheet.ExportRow(p, last.get(p.getId()))).toList());
    }

    /** Imports points from XLSX: updates by (이름, 주소), adds the rest; any error → nothing saved. */
    @Transactional
    public int[] importXlsx(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new DomainException("newsletter.upload.empty", "파일을 선택해 주세요.");
        }
        if (file.getSize() > 10L * 1024 * 1024) {
            throw new DomainException("newsletter.xlsx.too-large", "엑셀 파일은 10MB까지 올릴 수 있습니다.");
        }
        List<PointSheet.PointRow> rows;
        try (InputStream in = file.getInputStream()) {
            rows = PointSheet.parse(in);
        } catch (IOException e) {
            throw new DomainException("newsletter.upload.read", "파일을 받는 중 오류가 났습니다. 다시 올려 주세요.");
        }
        int added = 0;
        int updated = 0;
        for (PointSheet.PointRow r : rows) {
            var existing = points.findByNameAndAddress(r.name(), r.address());
            if (existing.isPresent()) {
                DistributionPoint p = existing.get();
                p.edit(r.kind(), r.name(), r.address(), r.dong(), r.latitude(), r.longitude(), r.copies());
                points.save(p);
                updated++;
            } else {
                points.save(DistributionPoint.create(r.kind(), r.name(), r.address(), r.dong(), r.latitude(),
                        r.longitude(), r.copies(), clock.instant()));
                added++;
            }
        }
        audit.record("newsletter.point.imported", "DistributionPoint", "xlsx", "배부처 엑셀 가져오기: 추가 " + added
                + ", 수정 " + updated);
        return new int[] {added, updated};
    }

    /** GeoJSON FeatureCollection of the points that have coordinates (RFC 7946: [longitude, latitude]). */
    @Transactional(readOnly = true)
    public String geoJson() {
        List<Map<String, Object>> features = new ArrayList<>();
        for (DistributionPoint p : points()) {
            if (p.getLatitude() == null) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", p.getId());
            props.put("name", p.getName());
            props.put("kind", p.getKind().name());
            props.put("kindLabel", p.getKind().label());
            props.put("address", p.getAddress());
            props.put("dong", p.getDong());
            props.put("copiesPerIssue", p.getCopiesPerIssue());
            props.put("active", p.isActive());
            features.add(Map.of("type", "Feature",
                    "geometry", Map.of("type", "Point", "coordinates", List.of(p.getLongitude(), p.getLatitude())),
                    "properties", props));
        }
        return new ObjectMapper().writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
    }
}
