package kr.sotong.education.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.sotong.education.TraineeStatistics;
import kr.sotong.education.TraineeTable;
import kr.sotong.education.catalogue.Category;
import kr.sotong.education.catalogue.VenueKind;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainees (수료자) by year, venue type, site and course category: the stored aggregates (the seed's 2024 table,
 * figures recorded by hand for partner sites) plus the completions recorded in the system (completed registrations
 * of finished courses, by the year the course finished).
 */
@Service
public class TraineeStats implements TraineeStatistics {

    private final JdbcClient jdbc;
    private final Venues venues;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    TraineeStats(JdbcClient jdbc, Venues venues, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.venues = venues;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    private record Cell(String venueKind, Long venueId, String venueName, String category, int trainees, String period) {
    }

    @Override
    @Transactional(readOnly = true)
    public TraineeTable trainees(int year) {
        List<Cell> cells = new ArrayList<>(jdbc.sql("""
                        select s.venue_kind, s.venue_id, v.name, s.category_code, s.trainees, s.period_label
                          from education_trainee_stat s left join education_venue v on v.id = s.venue_id where s.year = :y""")
                .param("y", year)
                .query((rs, i) -> new Cell(rs.getString(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6)))
                .list());
        cells.addAll(jdbc.sql("""
                        select v.kind, v.id, v.name, c.category_code, count(*)
                          from education_registration r
                          join education_course c on c.id = r.course_id
                          join education_room m on m.id = c.room_id
                          join education_venue v on v.id = m.venue_id
                         where r.completed and c.status = 'FINISHED'
                           and extract(year from c.finished_at at time zone 'Asia/Seoul') = :y
                         group by v.kind, v.id, v.name, c.category_code""")
                .param("y", year)
                .query((rs, i) -> new Cell(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), null))
                .list());
        List<Category> categories = venues.categories();
        List<TraineeTable.Column> columns = new ArrayList<>();
        for (VenueKind k : VenueKind.values()) {
            if (k != VenueKind.OTHER || cells.stream().anyMatch(c -> c.venueKind().equals("OTHER") && c.trainees() > 0)) {
                columns.add(new TraineeTable.Column(k.name(), columnLabel(k)));
            }
        }
        List<TraineeTable.Row> rows = new ArrayList<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        columns.forEach(c -> totals.put(c.venueKind(), 0));
        int total = 0;
        for (Category cat : categories) {
            List<Cell> mine = cells.stream().filter(c -> c.category().equals(cat.code())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Map<String, Integer> by = new LinkedHashMap<>();
            columns.forEach(c -> by.put(c.venueKind(), 0));
            int rowTotal = 0;
            for (Cell c : mine) {
                by.merge(c.venueKind(), c.trainees(), Integer::sum);
                totals.merge(c.venueKind(), c.trainees(), Integer::sum);
                rowTotal += c.trainees();
            }
            total += rowTotal;
            rows.add(new TraineeTable.Row(cat.code(), cat.name(), by, rowTotal));
        }
        Map<String, Integer> bySite = new TreeMap<>();
        Map<String, String> siteKind = new LinkedHashMap<>();
        for (Cell c : cells) {
            String site = c.venueName() != null ? c.venueName() : columnLabel(VenueKind.valueOf(c.venueKind())) + " (장소 구분 없는 집계)";
            bySite.merge(site, c.trainees(), Integer::sum);
            siteKind.put(site, c.venueKind());
        }
        List<TraineeTable.Site> sites = bySite.entrySet().stream()
                .map(e -> new TraineeTable.Site(siteKind.get(e.getKey()), e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing((TraineeTable.Site s) -> VenueKind.valueOf(s.venueKind()).ordinal())
                        .thenComparing(TraineeTable.Site::venueName))
                .toList();
        String period = cells.stream().map(Cell::period).filter(p -> p != null).findFirst().orElse(year + "년");
        return new TraineeTable(year, period, columns, rows, totals, total, sites);
    }

    static String columnLabel(VenueKind k) {
        return switch (k) {
            case DISTRICT_OFFICE -> "구청 정보화교육";
            case COMMUNITY_CENTRE -> "동 자치회관 (독산2동, 시흥2동)";
            case WELFARE_CENTRE -> "복지관, 센터 등 (총 5개소)";
            case OTHER -> "기타";
        };
    }

    @Override
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return jdbc.sql("""
                        select y from (select year y from education_trainee_stat
                                       union select extract(year from finished_at at time zone 'Asia/Seoul')::int from education_course
                                        where status = 'FINISHED') t order by y desc""")
                .query(Integer.class).list();
    }

    /** Records (or corrects) an aggregate figure, e.g. trainees of a partner site counted outside the system. */
    @Transactional
    public void record(int year, String periodLabel, VenueKind kind, Long venueId, String category, int trainees, String source) {
        if (year < 2000 || year > 2100 || trainees < 0 || trainees > 1_000_000) {
            throw new DomainException("edu.stats.value", "연도(2000~2100)와 인원(0 이상)을 바르게 입력하세요.");
        }
        if (venues.categories().stream().noneMatch(c -> c.code().equals(category))) {
            throw new DomainException("edu.stats.category", "교육 분야를 고르세요.");
        }
        if (venueId != null && venues.venue(venueId).map(v -> v.kind() != kind).orElse(true)) {
            throw new DomainException("edu.stats.venue", "장소와 장소 구분이 맞지 않습니다.");
        }
        if (source == null || source.isBlank()) {
            throw new DomainException("edu.stats.source", "출처(근거)를 적어 주세요.");
        }
        String period = periodLabel == null || periodLabel.isBlank() ? year + "년" : periodLabel.strip();
        jdbc.sql("""
                        insert into education_trainee_stat (year, period_label, venue_kind, venue_id, category_code, trainees, source,
                                                            recorded_at, recorded_by)
                        values (:y, :p, :k, :v, :c, :n, :s, :now, :by)
                        on conflict (year, venue_kind, coalesce(venue_id, 0), category_code)
                        do update set trainees = excluded.trainees, period_label = excluded.period_label, source = excluded.source,
                                      recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .param("y", year).param("p", period).param("k", kind.name()).param("v", venueId).param("c", category)
                .param("n", trainees).param("s", source.strip()).param("now", Timestamp.from(clock.instant()))
                .param("by", staff.currentActor()).update();
        audit.record("education.stats.record", "EducationTraineeStat", year + "/" + kind + "/" + category,
                "교육생 집계 기록: " + year + " " + kind + " " + category + " = " + trainees + " (" + source.strip() + ")");
    }

    /** The year's table as an Excel workbook, laid out like the work plan's table, plus a sheet by site. */
    @Transactional(readOnly = true)
    public byte[] xlsx(int year) {
        TraineeTable t = trainees(year);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setBorderBottom(BorderStyle.THIN);
            CellStyle num = wb.createCellStyle();
            num.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            Sheet s = wb.createSheet("교육생 현황");
            Row title = s.createRow(0);
            title.createCell(0).setCellValue(Spreadsheets.safeText("정보화 교육 이수 현황: 총 " + String.format("%,d", t.total()) + "명 ("
                    + t.periodLabel() + ")"));
            Row h = s.createRow(2);
            cell(h, 0, "(연도)교육명", head);
            for (int i = 0; i < t.columns().size(); i++) {
                cell(h, i + 1, t.columns().get(i).label(), head);
            }
            cell(h, t.columns().size() + 1, "계", head);
            Row tot = s.createRow(3);
            cell(tot, 0, "총 합계", head);
            for (int i = 0; i < t.columns().size(); i++) {
                number(tot, i + 1, t.columnTotal(t.columns().get(i).venueKind()), num);
            }
            number(tot, t.columns().size() + 1, t.total(), num);
            int r = 4;
            for (TraineeTable.Row row : t.rows()) {
                Row x = s.createRow(r++);
                x.createCell(0).setCellValue(Spreadsheets.safeText(t.periodLabel() + " " + row.categoryName()));
                for (int i = 0; i < t.columns().size(); i++) {
                    number(x, i + 1, row.count(t.columns().get(i).venueKind()), num);
                }
                number(x, t.columns().size() + 1, row.total(), num);
            }
            for (int i = 0; i <= t.columns().size() + 1; i++) {
                s.setColumnWidth(i, i == 0 ? 9000 : 7000);
            }
            Sheet sites = wb.createSheet("장소별");
            Row sh = sites.createRow(0);
            cell(sh, 0, "장소 구분", head);
            cell(sh, 1, "장소", head);
            cell(sh, 2, "교육생", head);
            int sr = 1;
            for (TraineeTable.Site site : t.sites()) {
                Row x = sites.createRow(sr++);
                x.createCell(0).setCellValue(columnLabel(VenueKind.valueOf(site.venueKind())));
                x.createCell(1).setCellValue(Spreadsheets.safeText(site.venueName()));
                number(x, 2, site.trainees(), num);
            }
            sites.setColumnWidth(0, 7000);
            sites.setColumnWidth(1, 9000);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("엑셀 파일을 만들지 못했습니다", e);
        }
    }

    private static void cell(Row row, int i, String text, CellStyle style) {
        var c = row.createCell(i);
        c.setCellValue(Spreadsheets.safeText(text));
        c.setCellStyle(style);
    }

    private static void number(Row row, int i, int value, CellStyle style) {
        var c = row.createCell(i);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** Plan items of a year (정규·특강, 트렌드, 상담소, 키오스크, 틈새특강, 견학, 경진대회 …). */
    public record PlanItem(int year, String kind, String title, String detail, String place, Integer month, Integer planned,
                           Integer baseline) {
    }

    @Transactional(readOnly = true)
    public List<PlanItem> plan(int year) {
        return jdbc.sql("select * from education_plan_item where year = :y order by sort_order, id").param("y", year)
                .query((rs, i) -> new PlanItem(rs.getInt("year"), rs.getString("kind"), rs.getString("title"), rs.getString("detail"),
                        rs.getString("place"), (Integer) rs.getObject("month"), (Integer) rs.getObject("planned_count"),
                        (Integer) rs.getObject("baseline_count")))
                .list();
    }

    /** How many courses of each kind ran (or run) in a year, to compare with the plan (e.g. field trips 2 a year). */
    @Transactional(readOnly = true)
    public Map<String, Integer> coursesByKind(int year) {
        Map<String, Integer> m = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.kind, count(distinct c.id) from education_course c join education_session s on s.course_id = c.id
                         where c.status in ('PUBLISHED', 'FINISHED') and extract(year from s.starts_at at time zone 'Asia/Seoul') = :y
                         group by c.kind""")
                .param("y", year).query(rs -> {
                    m.put(rs.getString(1), rs.getInt(2));
                });
        return m;
    }
}
