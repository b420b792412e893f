package kr.sotong.press;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.sotong.workplan.Program;
import kr.sotong.workplan.Workplan;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics of the press office: releases per year, month and department, interviews and other
 * placements per year, distribution counts. The 2022–2024 figures of the work plan (보도자료 생산건수,
 * 인터뷰 등 기획보도, 언론사 보도실적) are read from its KPIs and shown as baselines.
 */
@Service
@Transactional(readOnly = true)
public class PressStatistics {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final StatsRepository stats;
    private final RelationsRepository relations;
    private final DeliveryRepository deliveries;
    private final Workplan workplan;
    private final Clock clock;

    PressStatistics(StatsRepository stats, RelationsRepository relations, DeliveryRepository deliveries, Workplan workplan,
                    Clock clock) {
        this.stats = stats;
        this.relations = relations;
        this.deliveries = deliveries;
        this.workplan = workplan;
        this.clock = clock;
    }

    /** A year's figure: counted here ({@code actual}) and/or the work plan's baseline. */
    public record YearFigure(int year, Long actual, Long baseline, String baselineLabel) {
    }

    public record Stats(int year, long releases, long[] releasesPerMonth, List<Object[]> releasesPerDepartment,
                        long corrections, long placements, long interviews, long distributions, long deliveries,
                        long delivered, long failed, long bounced, List<YearFigure> releasesByYear,
                        List<YearFigure> featuresByYear, List<YearFigure> newsReportsByYear) {
    }

    public int currentYear() {
        return LocalDate.now(clock.withZone(SEOUL)).getYear();
    }

    public Stats stats(int year) {
        var from = LocalDate.of(year, 1, 1).atStartOfDay(SEOUL).toInstant();
        var to = LocalDate.of(year + 1, 1, 1).atStartOfDay(SEOUL).toInstant();
        long[] months = stats.releasesPerMonth(from, to);
        long releases = java.util.Arrays.stream(months).sum();
        List<Object[]> counts = relations.placementCounts();
        long placements = counts.stream().filter(c -> (int) c[0] == year).mapToLong(c -> (long) c[2]).sum();
        long interviews = counts.stream().filter(c -> (int) c[0] == year && "INTERVIEW".equals(c[1]))
                .mapToLong(c -> (long) c[2]).sum();
        var totals = deliveries.totals(from, to);
        return new Stats(year, releases, months, stats.releasesPerDepartment(from, to), stats.corrections(from, to),
                placements, interviews, totals.distributions(), totals.deliveries(), totals.sent(), totals.failed(),
                totals.bounced(), byYear("P3-RELEASES-", stats.releasesPerYear()),
                byYear("P3-FEATURES-", counts.stream().collect(java.util.stream.Collectors.groupingBy(c -> (int) c[0],
                                java.util.stream.Collectors.summingLong(c -> (long) c[2]))).entrySet().stream()
                        .map(e -> new long[] {e.getKey(), e.getValue()}).toList()),
                byYear("P3-NEWS-REPORTS-", List.of()));
    }

    /** Merges counted years with the work plan's KPI baselines {@code <prefix><year>}. */
    private List<YearFigure> byYear(String kpiPrefix, List<long[]> counted) {
        java.util.TreeMap<Integer, Long> actual = new java.util.TreeMap<>();
        counted.forEach(c -> actual.put((int) c[0], c[1]));
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(actual.keySet());
        for (int y = 2015; y <= currentYear(); y++) {
            if (workplan.kpi(kpiPrefix + y).isPresent()) {
                years.add(y);
            }
        }
        List<YearFigure> out = new ArrayList<>();
        for (int y : years) {
            Optional<Program.Kpi> kpi = workplan.kpi(kpiPrefix + y);
            out.add(new YearFigure(y, actual.get(y), kpi.map(k -> k.baseline() == null ? null : k.baseline().longValue()).orElse(null),
                    kpi.map(Program.Kpi::baselineLabel).orElse(null)));
        }
        return out;
    }
}
