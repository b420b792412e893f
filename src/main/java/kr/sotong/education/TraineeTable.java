package kr.sotong.education;

import java.util.List;
import java.util.Map;

/**
 * The trainee table of one year, as the work plan prints it: rows are course categories, columns are venue
 * types (구청 정보화교육 · 동 자치회관 · 복지관·센터 등 · 기타).
 *
 * @param periodLabel e.g. {@code 2024년 (~9월)}
 * @param columns     venue types in print order, as codes (DISTRICT_OFFICE …)
 * @param rows        one row per category with counts per column
 * @param columnTotals totals per venue type
 * @param sites       trainees per site (venue) where known
 */
public record TraineeTable(int year, String periodLabel, List<Column> columns, List<Row> rows,
                           Map<String, Integer> columnTotals, int total, List<Site> sites) {

    public TraineeTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        columnTotals = Map.copyOf(columnTotals);
        sites = List.copyOf(sites);
    }

    public record Column(String venueKind, String label) {
    }

    public record Row(String categoryCode, String categoryName, Map<String, Integer> byVenueKind, int total) {
        public Row {
            byVenueKind = Map.copyOf(byVenueKind);
        }

        public int count(String venueKind) {
            return byVenueKind.getOrDefault(venueKind, 0);
        }
    }

    public record Site(String venueKind, String venueName, int trainees) {
    }

    public int columnTotal(String venueKind) {
        return columnTotals.getOrDefault(venueKind, 0);
    }
}
