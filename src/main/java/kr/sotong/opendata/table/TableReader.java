package kr.sotong.opendata.table;

import java.io.Closeable;
import java.util.List;

/**
 * One table read row by row in constant memory. Row numbers follow Frictionless: the first physical row (the
 * header) is row 1, every record (also a blank one) counts.
 */
public interface TableReader extends Closeable {

    /** Name of the table: the sheet name of a workbook, or the file name. */
    String name();

    /** Number of header rows (1, or 2 for a merged two-row Excel header); data starts after them. */
    default int headerRows() {
        return 1;
    }

    /** Header labels (the merged/joined labels for multi-row headers). Read before the first {@link #next()}. */
    List<String> header();

    /**
     * Cells of the next data record, or {@code null} at the end. The list may be reused by the next call. A cell
     * that was longer than the configured limit is returned truncated and {@link #oversizedCell()} tells which.
     */
    List<String> next();

    /** Row number of the record last returned by {@link #next()} (header = 1). */
    long rowNumber();

    /** 1-based index of a cell of the current record that exceeded the size limit, or 0. */
    default int oversizedCell() {
        return 0;
    }

    /** Fraction of the source consumed so far (0..1) for progress bars; -1 when unknown. */
    double progress();

    @Override
    void close();
}
