package kr.sotong.opendata.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.sotong.opendata.schema.TableSchema;

/**
 * The result of validating one file: one task per table (a CSV, or each sheet of a workbook) as in Frictionless's
 * report, the stored errors (at most the error limit, in the order found) and full counts per code.
 */
public record ValidationReport(String fileName, String format, String encoding, String delimiter,
                               List<Task> tasks, long durationMillis) {

    /** One table. {@code errorCells}/{@code cells} give the quality score. */
    public record Task(String name, int headerRows, TableSchema schema, boolean schemaInferred, long rows,
                       long cells, long errorCells, Map<String, Long> errorCounts, List<ValidationError> errors,
                       boolean errorsTruncated) {

        public long errorTotal() {
            return errorCounts.values().stream().mapToLong(Long::longValue).sum();
        }

        public boolean valid() {
            return errorTotal() == 0;
        }
    }

    public boolean valid() {
        return tasks.stream().allMatch(Task::valid);
    }

    public List<ValidationError> errors() {
        List<ValidationError> all = new ArrayList<>();
        tasks.forEach(t -> all.addAll(t.errors()));
        return all;
    }

    public long errorTotal() {
        return tasks.stream().mapToLong(Task::errorTotal).sum();
    }

    public long rows() {
        return tasks.stream().mapToLong(Task::rows).sum();
    }

    public long cells() {
        return tasks.stream().mapToLong(Task::cells).sum();
    }

    public long errorCells() {
        return tasks.stream().mapToLong(Task::errorCells).sum();
    }

    /** 오류율 = 오류 값 수 / 전체 값 수 × 100 (percent, two decimals, half-up). A source that could not be read is 100. */
    public BigDecimal errorRate() {
        boolean unreadable = tasks.stream().anyMatch(t -> t.errorCounts().containsKey("encoding-error")
                || t.errorCounts().containsKey("source-error") || t.errorCounts().containsKey("format-error"));
        if (unreadable) {
            return new BigDecimal("100.00");
        }
        long cells = cells();
        if (cells == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(errorCells()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(cells), 2, RoundingMode.HALF_UP);
    }

    /** 품질 점수 = 100 − 오류율. */
    public BigDecimal score() {
        return new BigDecimal("100.00").subtract(errorRate());
    }
}
