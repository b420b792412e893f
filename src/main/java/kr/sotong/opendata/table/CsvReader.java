package kr.sotong.opendata.table;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A streaming CSV tokenizer (RFC 4180 plus what office files do): any one-character delimiter, quotes doubled
 * inside quoted cells, CR, LF and CRLF line ends mixed freely, an empty line is an empty record (as Python's
 * {@code csv} module, and so Frictionless, reads it). Memory is bounded by the buffer, the longest stored cell
 * ({@code maxCellChars}; longer cells are truncated and flagged) and the column limit.
 */
public final class CsvReader extends CsvTokenizer {

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final int maxCellChars;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private char[] cell = new char[256];
    private int cellLength;

    public CsvReader(Reader in, char delimiter, char quote, int maxCellChars, int maxColumns, String name,
                     DoubleSupplier progress) {
        super(maxColumns, name, progress);
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.maxCellChars = maxCellChars;
    }

    @Override
    public List<String> next() {
        cells.clear();
        oversized = 0;
        if (!ensure()) {
            return null;
        }
        long startRow = rowNumber + 1;
        char c = buf[pos];
        if (c == '\n' || c == '\r') {
            consumeLineEnd();
            rowNumber++;
            return cells; // blank line = record without cells
        }
        while (true) {
            boolean lineEnd = readCell(startRow);
            if (cells.size() >= maxColumns) {
                throw tooManyColumns(startRow);
            }
            cells.add(new String(cell, 0, cellLength));
            if (lineEnd) {
                break;
            }
        }
        rowNumber++;
        return cells;
    }

    /** Reads one cell into {@link #cell}; true when the record ended after it (line end or end of file). */
    private boolean readCell(long startRow) {
        cellLength = 0;
        boolean truncated = false;
        if (ensure() && buf[pos] == quote) {
            pos++;
            while (true) {
                if (!ensure()) {
                    throw unclosedQuote(startRow, (char) quote);
                }
                char c = buf[pos++];
                if (c == quote) {
                    if (ensure() && buf[pos] == quote) {
                        pos++;
                    } else {
                        break;
                    }
                }
                truncated |= !append(c);
            }
        }
        // unquoted cell, or characters after a closing quote (kept, as Python's csv does)
        while (ensure()) {
            int start = pos;
            int end = limit;
            char[] b = buf;
            int i = start;
            while (i < end) {
                char c = b[i];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            truncated |= !appendRange(b, start, i - start);
            pos = i;
            if (i < end) {
                char c = b[i];
                if (truncated && oversized == 0) {
                    oversized = cells.size() + 1;
                }
                if (c == delimiter) {
                    pos++;
                    return false;
                }
                consumeLineEnd();
                return true;
            }
        }
        if (truncated && oversized == 0) {
            oversized = cells.size() + 1;
        }
        return true;
    }

    private void consumeLineEnd() {
        char c = buf[pos++];
        if (c == '\r' && ensure() && buf[pos] == '\n') {
            pos++;
        }
    }

    private boolean append(char c) {
        if (cellLength >= maxCellChars) {
            return false;
        }
        if (cellLength == cell.length) {
            cell = java.util.Arrays.copyOf(cell, Math.min(maxCellChars, cell.length * 2));
        }
        cell[cellLength++] = c;
        return true;
    }

    private boolean appendRange(char[] b, int start, int length) {
        int room = maxCellChars - cellLength;
        int n = Math.min(room, length);
        if (n > 0) {
            if (cellLength + n > cell.length) {
                cell = java.util.Arrays.copyOf(cell, Math.min(maxCellChars, Math.max(cell.length * 2, cellLength + n)));
            }
            System.arraycopy(b, start, cell, cellLength, n);
            cellLength += n;
        }
        return n == length;
    }

    private boolean ensure() {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (CharacterCodingException e) {
            throw new TableReadException("encoding-error", (rowNumber + 1)
                    + "행 부근에 지정한 문자 인코딩으로 읽을 수 없는 바이트가 있습니다. 파일의 인코딩(UTF-8, CP949)이 섞였거나 잘못 지정되었습니다.", e);
        } catch (IOException e) {
            throw new TableReadException("source-error", "파일을 읽는 중 오류가 났습니다: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a read-only source
        }
    }
}
