package kr.sotong.opendata.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The CSV tokenizer of {@link CsvReader} working on bytes, for encodings in which the delimiter, the quote and
 * the line ends are single ASCII bytes that never occur inside a multi-byte character (UTF-8, and CP949 whose
 * trail bytes are letters or ≥ 0x81). Each cell is decoded once, straight from the read buffer; a cell that is
 * not valid in the encoding is an {@code encoding-error} at its exact row. Same record semantics as
 * {@link CsvReader}; {@code maxCellBytes} bounds a stored cell.
 */
public final class ByteCsvReader extends CsvTokenizer {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final Charset charset;
    private final boolean utf8;
    private final byte delimiter;
    private final byte quote;
    private final int maxCellBytes;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] cell = new byte[256];
    private int cellLength;
    /** Bytes of the stream before {@code buf[0]}. */
    private long consumed;
    /** The file this reader reads, and the offset of the stream's first byte in it (BOM), when known. */
    private java.nio.file.Path file;
    private long base;

    public ByteCsvReader(InputStream in, Charset charset, char delimiter, char quote, int maxCellBytes, int maxColumns,
                         String name, DoubleSupplier progress) {
        super(maxColumns, name, progress);
        if (delimiter > 0x7F || quote > 0x7F) {
            throw new IllegalArgumentException("ASCII delimiter and quote only");
        }
        this.in = in;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.maxCellBytes = maxCellBytes;
    }

    /** Tells which file (from byte {@code base} on) the stream reads, so that {@link #chunks()} can read it in parallel. */
    void attachFile(java.nio.file.Path file, long base) {
        this.file = file;
        this.base = base;
    }

    /** Offset in the file of the next byte the tokenizer will look at (just after the last record returned). */
    public long position() {
        return base + consumed + pos;
    }

    /**
     * The rest of the file (from {@link #position()}, row numbers after {@link #rowNumber()}) for tokenizing in
     * parallel with the same record semantics; null when the reader does not read a file.
     */
    public CsvChunks chunks() {
        if (file == null) {
            return null;
        }
        return new CsvChunks(file, charset, (char) delimiter, (char) quote, maxCellBytes, maxColumns, name(), position(), rowNumber);
    }

    /** A reader of {@code file} that starts at {@code position}, a record start, as if {@code rowNumber} rows came before. */
    static ByteCsvReader resume(java.nio.file.Path file, long position, long rowNumber, Charset charset, char delimiter,
                                char quote, int maxCellBytes, int maxColumns, String name) throws IOException {
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
        ch.position(position);
        long size = Math.max(1, ch.size());
        ByteCsvReader[] self = new ByteCsvReader[1];
        ByteCsvReader r = new ByteCsvReader(java.nio.channels.Channels.newInputStream(ch), charset, delimiter, quote,
                maxCellBytes, maxColumns, name, () -> Math.min(1.0, (double) self[0].position() / size));
        self[0] = r;
        r.attachFile(file, position);
        r.rowNumber = rowNumber;
        return r;
    }

    /** True when {@code charset} can be tokenized on bytes. */
    public static boolean supports(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.equals(Encodings.CP949)
                || charset.name().equalsIgnoreCase("EUC-KR") || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1);
    }

    @Override
    public List<String> next() {
        cells.clear();
        oversized = 0;
        if (!ensure()) {
            return null;
        }
        long row = rowNumber + 1;
        byte c = buf[pos];
        if (c == '\n' || c == '\r') {
            consumeLineEnd();
            rowNumber++;
            return cells;
        }
        while (true) {
            boolean lineEnd = readCell(row);
            if (cells.size() >= maxColumns) {
                throw tooManyColumns(row);
            }
            if (lineEnd) {
                break;
            }
        }
        rowNumber++;
        return cells;
    }

    private boolean readCell(long row) {
        cellLength = 0;
        boolean truncated = false;
        boolean copied = false;
        if (ensure() && buf[pos] == quote) {
            copied = true;
            pos++;
            while (true) {
                if (!ensure()) {
                    throw unclosedQuote(row, (char) quote);
                }
                // copy the run up to the next quote in one go
                int start = pos;
                int i = start;
                byte[] b = buf;
                int end = limit;
                while (i < end && b[i] != quote) {
                    i++;
                }
                truncated |= !append(b, start, i - start);
                pos = i;
                if (i == end) {
                    continue;
                }
                pos++; // the quote
                if (ensure() && buf[pos] == quote) {
                    truncated |= !append(buf, pos, 1);
                    pos++;
                } else {
                    break;
                }
            }
        }
        while (ensure()) {
            int start = pos;
            int end = limit;
            byte[] b = buf;
            int i = start;
            while (i < end) {
                byte c = b[i];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < end && !copied && cellLength == 0) {
                // the whole cell lies in the buffer: decode it from there
                int len = i - start;
                if (len > maxCellBytes) {
                    len = maxCellBytes;
                    truncated = true;
                }
                add(b, start, len, row, truncated);
            } else {
                copied = true;
                truncated |= !append(b, start, i - start);
            }
            pos = i;
            if (i < end) {
                if (copied) {
                    add(cell, 0, cellLength, row, truncated);
                }
                markTruncated(truncated);
                if (b[i] == delimiter) {
                    pos++;
                    return false;
                }
                consumeLineEnd();
                return true;
            }
        }
        add(cell, 0, cellLength, row, truncated);
        markTruncated(truncated);
        return true;
    }

    private void markTruncated(boolean truncated) {
        if (truncated && oversized == 0) {
            oversized = cells.size();
        }
    }

    private void add(byte[] bytes, int off, int len, long row, boolean truncated) {
        if (truncated && utf8) {
            // never cut a character in two: drop a partial sequence at the cut
            int end = off + len;
            int back = 0;
            while (back < 3 && end - back > off && (bytes[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back > off) {
                int lead = bytes[end - back - 1] & 0xFF;
                int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
                if (need > back + 1) {
                    len -= back + 1;
                }
            }
        }
        String s = len == 0 ? "" : new String(bytes, off, len, charset);
        if (truncated && !utf8) {
            while (s.endsWith("\uFFFD")) {
                s = s.substring(0, s.length() - 1);
            }
            cells.add(s);
            return;
        }
        if (s.indexOf('\uFFFD') >= 0 && malformed(bytes, off, len)) {
            throw new TableReadException("encoding-error", row + "행 " + (cells.size() + 1)
                    + "번째 칸에 " + charsetLabel() + "(으)로 읽을 수 없는 바이트가 있습니다. 파일의 인코딩(UTF-8, CP949)이 섞였거나 잘못 지정되었습니다.");
        }
        cells.add(s);
    }

    private String charsetLabel() {
        return utf8 ? "UTF-8" : charset.equals(Encodings.CP949) ? "CP949" : charset.name();
    }

    private boolean malformed(byte[] bytes, int off, int len) {
        try {
            Encodings.strictDecoder(charset).decode(ByteBuffer.wrap(bytes, off, len));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    private void consumeLineEnd() {
        byte c = buf[pos++];
        if (c == '\r' && ensure() && buf[pos] == '\n') {
            pos++;
        }
    }

    private boolean append(byte[] b, int start, int length) {
        int room = maxCellBytes - cellLength;
        int n = Math.min(room, length);
        if (n > 0) {
            if (cellLength + n > cell.length) {
                cell = Arrays.copyOf(cell, Math.min(maxCellBytes, Math.max(cell.length * 2, cellLength + n)));
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
            consumed += limit;
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new TableReadException("source-error", "파일을 읽는 중 오류가 났습니다: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
