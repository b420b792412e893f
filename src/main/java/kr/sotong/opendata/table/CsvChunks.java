package kr.sotong.opendata.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The rest of a CSV file (after the records a {@link ByteCsvReader} already returned) cut into byte ranges that
 * threads tokenize at the same time, with exactly the record semantics of {@link ByteCsvReader} (quotes, doubled
 * quotes, text after a closing quote, CRLF/CR/LF, blank records).
 *
 * <p>A range starts at the first record that starts at or after its nominal start. Only the thread that
 * tokenized the range before knows where that is (a quoted cell may hold line breaks), so {@link #speculate}
 * guesses it (just after the first line end) and the caller checks the guess against the end of the previous range
 * ({@link Chunk#end}); a wrong guess is redone with {@link #tokenize} from the right place. Whatever this class
 * does not reproduce itself — a cell over the size limit (truncation), too many columns, an unclosed quote at
 * the end of the file, bytes that are not valid in the encoding — stops the range at that record
 * ({@link Chunk#anomaly}) so the caller can hand the rest of the file to {@link #resume}, the sequential reader,
 * which reports it exactly as before.
 */
public final class CsvChunks implements AutoCloseable {

    /** Bytes read past a range's end to finish its last record before giving up on the record (an anomaly). */
    private static final int OVERHANG = 1 << 16;
    private static final int MAX_OVERHANG = 8 << 20;

    private final Path file;
    private final Charset charset;
    private final boolean utf8;
    private final char delimiterChar;
    private final char quoteChar;
    private final byte delimiter;
    private final byte quote;
    private final int maxCellBytes;
    private final int maxColumns;
    private final String name;
    private final long start;
    private final long startRow;
    private final FileChannel channel;
    private final long size;

    /** Internal signal: the record cannot be tokenized here. */
    private static final class Anomaly extends RuntimeException {
        Anomaly() {
            super(null, null, false, false);
        }
    }

    private static final Anomaly ANOMALY = new Anomaly();

    CsvChunks(Path file, Charset charset, char delimiter, char quote, int maxCellBytes, int maxColumns, String name,
              long start, long startRow) {
        this.file = file;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.delimiterChar = delimiter;
        this.quoteChar = quote;
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.maxCellBytes = maxCellBytes;
        this.maxColumns = maxColumns;
        this.name = name;
        this.start = start;
        this.startRow = startRow;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.size = channel.size();
        } catch (IOException e) {
            throw new TableReadException("source-error", "파일을 읽을 수 없습니다: " + e.getMessage(), e);
        }
    }

    /** Offset of the first record still to read. */
    public long start() {
        return start;
    }

    /** Row number of the last record read before {@link #start()}. */
    public long startRow() {
        return startRow;
    }

    public long size() {
        return size;
    }

    public boolean utf8() {
        return utf8;
    }

    public Charset charset() {
        return charset;
    }

    /** Tokenized records of one range. Cells are byte ranges of {@link #buf}; reuse one per thread. */
    public static final class Chunk {
        public byte[] buf = new byte[0];
        long bufPos;
        int bufLen;
        long until;
        /** Cell i of the chunk is {@code buf[cellStart[i], cellEnd[i])}, unquoted and unescaped. */
        public int[] cellStart = new int[4096];
        public int[] cellEnd = new int[4096];
        /** Cells of record r are {@code recordFirst[r] … recordFirst[r + 1] - 1}. */
        public int[] recordFirst = new int[1024];
        int[] recordStart = new int[1024];
        int cells;
        public int records;
        /** Offset of the first record, or -1 when the guess found no record start in the range. */
        public long from;
        /** Offset just after the last record: the first record start at or after the range's end. */
        public long end;
        /** Index of the first record that must be read by {@link CsvChunks#resume}, or -1. */
        public int anomaly = -1;

        /** Offset of record {@code r} (0 ≤ r ≤ records; r == records gives {@link #end}). */
        public long recordPosition(int r) {
            return r == records ? end : bufPos + recordStart[r];
        }

        /** Stops the chunk before record {@code r}, to be read by {@link CsvChunks#resume}. */
        public void cutAt(int r) {
            end = recordPosition(r);
            records = r;
            anomaly = r;
        }
    }

    /**
     * Tokenizes the records that start in [{@code from}, {@code until}), {@code from} being a record start: the
     * last one may end past {@code until}.
     */
    public void tokenize(Chunk c, long from, long until) {
        load(c, from, until);
        parse(c, 0);
    }

    /**
     * Tokenizes the records of [{@code boundary}, {@code until}) from a guessed first record start: just after the
     * first line end (LF, CRLF or CR) at or after {@code boundary - 1}. {@link Chunk#from} tells the guess (-1: no
     * line end in the range).
     */
    public void speculate(Chunk c, long boundary, long until) {
        load(c, boundary - 1, until);
        byte[] b = c.buf;
        int lf = -1;
        int scanEnd = (int) Math.min(c.bufLen, until - c.bufPos);
        for (int i = 0; i < scanEnd; i++) {
            if (b[i] == '\n') {
                lf = i;
                break;
            }
            if (b[i] == '\r') {
                lf = i + 1 < c.bufLen && b[i + 1] == '\n' ? i + 1 : i; // CRLF, or a CR alone
                break;
            }
        }
        if (lf < 0) {
            c.from = -1;
            c.records = 0;
            c.cells = 0;
            c.end = -1;
            c.anomaly = -1;
            return;
        }
        c.from = c.bufPos + lf + 1;
        parse(c, lf + 1);
    }

    private void load(Chunk c, long from, long until) {
        long to = Math.min(size, Math.max(until, from) + OVERHANG);
        int len = (int) (to - from);
        if (c.buf.length < len) {
            c.buf = new byte[len + (len >> 3)];
        }
        c.bufPos = from;
        c.bufLen = 0;
        c.until = until;
        c.from = from;
        read(c, len);
    }

    private void read(Chunk c, int len) {
        ByteBuffer bb = ByteBuffer.wrap(c.buf, c.bufLen, len);
        long at = c.bufPos + c.bufLen;
        try {
            while (bb.hasRemaining()) {
                int n = channel.read(bb, at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
        } catch (IOException e) {
            throw new TableReadException("source-error", "파일을 읽는 중 오류가 났습니다: " + e.getMessage(), e);
        }
        c.bufLen = (int) (at - c.bufPos);
    }

    /** Reads more of the file into the chunk; false at the end of the file. */
    private boolean more(Chunk c) {
        long have = c.bufPos + c.bufLen;
        if (have >= size) {
            return false;
        }
        if (have - c.until > MAX_OVERHANG) {
            throw ANOMALY;
        }
        int add = (int) Math.min(size - have, Math.max(OVERHANG, c.bufLen >> 2));
        if (c.bufLen + add > c.buf.length) {
            c.buf = Arrays.copyOf(c.buf, c.bufLen + add + (add >> 1));
        }
        read(c, add);
        return true;
    }

    private void parse(Chunk c, int p) {
        c.records = 0;
        c.cells = 0;
        c.anomaly = -1;
        c.recordFirst[0] = 0;
        while (true) {
            long at = c.bufPos + p;
            if (at >= c.until || at >= size) {
                c.end = at;
                return;
            }
            if (c.records + 2 > c.recordFirst.length) {
                c.recordFirst = Arrays.copyOf(c.recordFirst, c.recordFirst.length * 2);
                c.recordStart = Arrays.copyOf(c.recordStart, c.recordStart.length * 2);
            }
            c.recordStart[c.records] = p;
            int cellsBefore = c.cells;
            try {
                p = record(c, p);
            } catch (Anomaly a) {
                c.cells = cellsBefore;
                c.anomaly = c.records;
                c.end = at;
                return;
            }
            c.records++;
            c.recordFirst[c.records] = c.cells;
        }
    }

    /** One record from {@code p} (inside the buffer); returns the position after it. */
    private int record(Chunk c, int p) {
        byte first = c.buf[p];
        if (first == '\n') {
            return p + 1;
        }
        if (first == '\r') {
            return lineEnd(c, p);
        }
        int cellsOfRecord = 0;
        while (true) {
            // one cell from p
            if (p == c.bufLen && !more(c)) {
                addCell(c, p, p); // after a delimiter at the end of the file
                return p;
            }
            byte[] b = c.buf;
            int cellFrom;
            int cellTo;
            if (b[p] == quote) {
                int q = p + 1;
                boolean doubled = false;
                while (true) {
                    while (q < c.bufLen && c.buf[q] != quote) {
                        q++;
                    }
                    if (q == c.bufLen) {
                        if (!more(c)) {
                            throw ANOMALY; // unclosed quote: the sequential reader reports it
                        }
                        continue;
                    }
                    if (q + 1 == c.bufLen && !more(c)) {
                        q++;
                        break;
                    }
                    if (c.buf[q + 1] == quote) {
                        doubled = true;
                        q += 2;
                        continue;
                    }
                    q++;
                    break;
                }
                int r = scan(c, q);
                b = c.buf;
                if (!doubled && r == q) {
                    cellFrom = p + 1;
                    cellTo = q - 1;
                } else {
                    // unescape in place: the quoted part without its quotes, doubled quotes once, then the rest as is
                    int w = p;
                    int i = p + 1;
                    while (true) {
                        if (b[i] == quote) {
                            if (i + 1 < q && b[i + 1] == quote) {
                                b[w++] = quote;
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        b[w++] = b[i++];
                    }
                    while (i < r) {
                        b[w++] = b[i++];
                    }
                    cellFrom = p;
                    cellTo = w;
                }
                p = r;
            } else {
                int r = scan(c, p);
                cellFrom = p;
                cellTo = r;
                p = r;
            }
            if (cellTo - cellFrom > maxCellBytes) {
                throw ANOMALY;
            }
            addCell(c, cellFrom, cellTo);
            if (++cellsOfRecord >= maxColumns) {
                throw ANOMALY;
            }
            if (p == c.bufLen) {
                return p; // end of file (scan reads on while there is more)
            }
            byte t = c.buf[p];
            if (t == delimiter) {
                p++;
                continue;
            }
            if (t == '\n') {
                return p + 1;
            }
            return lineEnd(c, p);
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = '\n' * ONES;
    private static final long CRS = '\r' * ONES;

    /** High bit set in each byte of {@code x} that is zero (and possibly in bytes above the lowest zero byte). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** Position of the first delimiter, CR or LF at or after {@code p}, or of the end of the file. */
    private int scan(Chunk c, int p) {
        byte d = delimiter;
        long dd = (d & 0xFFL) * ONES;
        while (true) {
            byte[] b = c.buf;
            int end = c.bufLen;
            int i = p;
            // eight bytes at a time: the lowest byte flagged by the zero-byte trick is exact
            while (i + 8 <= end) {
                long w = (long) LONGS.get(b, i);
                long m = zeroBytes(w ^ dd) | zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS);
                if (m != 0) {
                    return i + (Long.numberOfTrailingZeros(m) >>> 3);
                }
                i += 8;
            }
            while (i < end) {
                byte x = b[i];
                if (x == d || x == '\n' || x == '\r') {
                    return i;
                }
                i++;
            }
            p = i;
            if (!more(c)) {
                return p;
            }
        }
    }

    /** After a CR at {@code p}: skips it and an LF right after it. */
    private int lineEnd(Chunk c, int p) {
        p++;
        if (p == c.bufLen && !more(c)) {
            return p;
        }
        return c.buf[p] == '\n' ? p + 1 : p;
    }

    private static void addCell(Chunk c, int from, int to) {
        if (c.cells == c.cellStart.length) {
            c.cellStart = Arrays.copyOf(c.cellStart, c.cells * 2);
            c.cellEnd = Arrays.copyOf(c.cellEnd, c.cells * 2);
        }
        c.cellStart[c.cells] = from;
        c.cellEnd[c.cells] = to;
        c.cells++;
    }

    /**
     * A cell as {@link ByteCsvReader} returns it, or null when its bytes are not valid in the encoding (an
     * {@code encoding-error} the sequential reader reports).
     */
    public String decode(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return "";
        }
        String s = new String(b, from, len, charset);
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                Encodings.strictDecoder(charset).decode(ByteBuffer.wrap(b, from, len));
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return s;
    }

    /** The sequential reader from {@code position} (a record start), {@code rowNumber} rows having come before. */
    public TableReader resume(long position, long rowNumber) {
        try {
            return ByteCsvReader.resume(file, position, rowNumber, charset, delimiterChar, quoteChar, maxCellBytes, maxColumns, name);
        } catch (IOException e) {
            throw new TableReadException("source-error", "파일을 읽을 수 없습니다: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
