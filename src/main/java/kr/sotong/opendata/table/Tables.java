package kr.sotong.opendata.table;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens an uploaded file as tables by its content (never by its name): XLSX (zip) → one table per sheet; an
 * OLE2 container → a clear refusal (password-protected workbook or legacy .xls); anything else is text read as
 * CSV with the detected (or given) encoding and delimiter.
 */
public final class Tables implements AutoCloseable {

    /** Reading limits and staff overrides. {@code encoding}/{@code delimiter} null = detect. */
    public record Options(String encoding, Character delimiter, int maxCellChars, int maxColumns) {
        public static final int DEFAULT_MAX_CELL_CHARS = 1_000_000;
        /** Excel's own limit (XFD). */
        public static final int DEFAULT_MAX_COLUMNS = 16_384;

        public static Options defaults() {
            return new Options(null, null, DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_COLUMNS);
        }

        public Options withEncoding(String e) {
            return new Options(e, delimiter, maxCellChars, maxColumns);
        }

        public Options withDelimiter(Character d) {
            return new Options(encoding, d, maxCellChars, maxColumns);
        }
    }

    public enum Format { CSV, XLSX }

    private final Format format;
    private final String encodingLabel;
    private final Character delimiter;
    private final Iterator<TableReader> tables;
    private final AutoCloseable resource;

    private Tables(Format format, String encodingLabel, Character delimiter, Iterator<TableReader> tables,
                   AutoCloseable resource) {
        this.format = format;
        this.encodingLabel = encodingLabel;
        this.delimiter = delimiter;
        this.tables = tables;
        this.resource = resource;
    }

    public static Tables open(Path file, String name, Options options) {
        byte[] head = new byte[65_536];
        int n;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
            size = Files.size(file);
        } catch (IOException e) {
            throw new TableReadException("source-error", "파일을 읽을 수 없습니다: " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new TableReadException("source-error", "빈 파일입니다. 내용이 있는 CSV 또는 XLSX 파일을 올려 주세요.");
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            XlsxWorkbook wb = new XlsxWorkbook(file, options.maxColumns());
            return new Tables(Format.XLSX, null, null, wb.sheets(), wb);
        }
        if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw ole2(file);
        }
        if (looksBinary(head, n)) {
            throw new TableReadException("format-error", "표 형식(CSV 또는 XLSX)의 파일이 아닙니다. 확장자와 달리 내용이 이진 파일입니다.");
        }
        Charset charset;
        int bom;
        String label;
        if (options.encoding() != null && !options.encoding().isBlank()) {
            charset = Encodings.named(options.encoding());
            bom = Encodings.detect(head, n).bomLength();
            label = charset.name();
        } else {
            Encodings.Detected d = Encodings.detect(head, n);
            charset = d.charset();
            bom = d.bomLength();
            label = d.label();
        }
        char delim = options.delimiter() != null ? options.delimiter() : sniffDelimiter(head, n, charset, bom);
        try {
            CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            counting.skipNBytes(bom);
            long total = Math.max(1, size);
            java.util.function.DoubleSupplier progress = () -> Math.min(1.0, (double) counting.count / total);
            TableReader csv;
            if (ByteCsvReader.supports(charset) && delim < 0x80) {
                ByteCsvReader bytes = new ByteCsvReader(counting, charset, delim, '"', options.maxCellChars(), options.maxColumns(), name, progress);
                bytes.attachFile(file, bom);
                csv = bytes;
            } else {
                csv = new CsvReader(new InputStreamReader(counting, Encodings.strictDecoder(charset)), delim, '"',
                            options.maxCellChars(), options.maxColumns(), name, progress);
            }
            return new Tables(Format.CSV, label, delim, List.<TableReader>of(csv).iterator(), csv);
        } catch (IOException e) {
            throw new TableReadException("source-error", "파일을 읽을 수 없습니다: " + e.getMessage(), e);
        }
    }

    private static TableReadException ole2(Path file) {
        boolean encrypted = false;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            encrypted = fs.getRoot().hasEntry("EncryptedPackage") || fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException ignored) {
            // not even a valid OLE2 container: treated as legacy/unknown below
        }
        if (encrypted) {
            return new TableReadException("source-error",
                    "암호로 보호된 엑셀 파일입니다. 엑셀에서 암호를 해제하고 다시 저장한 뒤 올려 주세요.");
        }
        return new TableReadException("format-error",
                "옛 엑셀 형식(.xls) 또는 한글·워드 문서입니다. 엑셀에서 '다른 이름으로 저장'으로 .xlsx 또는 CSV로 저장해 올려 주세요.");
    }

    private static boolean looksBinary(byte[] b, int n) {
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                // UTF-16 text has NULs; a BOM was checked by the caller's encoding detection
                if (n >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
                    return false;
                }
                return true;
            }
            if (c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B) {
                control++;
            }
        }
        return control > n / 100 + 1;
    }

    /** Python-Sniffer-like: the candidate that occurs most (outside quotes) in the first line wins. */
    static char sniffDelimiter(byte[] head, int n, Charset charset, int bom) {
        String text = new String(head, bom, n - bom, charset);
        char[] candidates = {',', '\t', ';', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    public Format format() {
        return format;
    }

    /** Detected or given encoding of a CSV ("UTF-8", "UTF-8 (BOM)", "CP949" …); null for XLSX. */
    public String encoding() {
        return encodingLabel;
    }

    public Character delimiter() {
        return delimiter;
    }

    public boolean hasNext() {
        return tables.hasNext();
    }

    public TableReader next() {
        if (!tables.hasNext()) {
            throw new NoSuchElementException();
        }
        return tables.next();
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception ignored) {
            // read-only
        }
    }

    static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
