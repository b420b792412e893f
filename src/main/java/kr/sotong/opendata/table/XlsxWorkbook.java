package kr.sotong.opendata.table;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An XLSX workbook read by streaming (fastexcel-reader), every sheet a table. Before opening, the zip is checked
 * against zip bombs (entry count, declared sizes, compression ratio). Merged cells are filled with their
 * top-left value (Frictionless's {@code ExcelControl(fillMergedCells=true)}); a merged two-row header (a group
 * label merged over sub-labels) becomes one header of joined labels ({@code headerRows=[1,2]},
 * {@code headerJoin=" "}), so data starts at row 3.
 */
public final class XlsxWorkbook implements AutoCloseable {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;
    static final long RATIO_CHECK_FROM = 1024 * 1024;
    static final double MAX_RATIO = 200;
    static final int MAX_MERGES = 100_000;

    private final Path file;
    private final ReadableWorkbook workbook;
    private final Map<String, String> sheetParts;
    private final int maxColumns;

    public XlsxWorkbook(Path file, int maxColumns) {
        this.file = file;
        this.maxColumns = maxColumns;
        checkZip(file);
        this.sheetParts = sheetParts(file);
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new TableReadException("format-error", "엑셀(XLSX) 파일을 열 수 없습니다: 파일이 손상되었거나 XLSX 형식이 아닙니다.", e);
        }
    }

    /** Zip-bomb guard: refuses archives whose entries inflate beyond sane sizes or ratios. */
    static void checkZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            int count = 0;
            for (Iterator<? extends ZipEntry> it = zip.entries().asIterator(); it.hasNext(); ) {
                ZipEntry e = it.next();
                if (++count > MAX_ENTRIES) {
                    throw bomb("압축 안의 파일이 너무 많습니다");
                }
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size < 0 || size > MAX_ENTRY_BYTES) {
                    throw bomb("압축을 풀면 너무 큰 항목이 있습니다 (" + e.getName() + ")");
                }
                if (size > RATIO_CHECK_FROM && packed > 0 && (double) size / packed > MAX_RATIO) {
                    throw bomb("압축률이 비정상적으로 높습니다 (" + e.getName() + ", " + Math.round((double) size / packed) + "배)");
                }
                total += size;
                if (total > MAX_TOTAL_BYTES) {
                    throw bomb("압축을 푼 전체 크기가 너무 큽니다");
                }
            }
        } catch (IOException e) {
            throw new TableReadException("format-error", "엑셀(XLSX) 파일의 압축 구조를 읽을 수 없습니다: 파일이 손상되었습니다.", e);
        }
    }

    private static TableReadException bomb(String why) {
        return new TableReadException("source-error", "압축 폭탄으로 의심되어 읽지 않았습니다: " + why + ".");
    }

    public Iterator<TableReader> sheets() {
        List<Sheet> sheets;
        try (Stream<Sheet> s = workbook.getSheets()) {
            sheets = s.toList();
        }
        Iterator<Sheet> it = sheets.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public TableReader next() {
                Sheet sheet = it.next();
                return new SheetReader(sheet, merges(sheetParts.get(sheet.getId())));
            }
        };
    }

    public int sheetCount() {
        try (Stream<Sheet> s = workbook.getSheets()) {
            return (int) s.count();
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read-only
        }
    }

    // ---- workbook structure (sheet id -> part) and merged ranges, read with StAX in constant memory ----

    private static XMLInputFactory xml() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static Map<String, String> sheetParts(Path file) {
        Map<String, String> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
            if (rels == null) {
                throw new TableReadException("format-error", "엑셀(XLSX) 통합 문서 구조가 없습니다: XLSX 파일이 아닙니다.");
            }
            try (InputStream in = zip.getInputStream(rels)) {
                XMLStreamReader r = xml().createXMLStreamReader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                        String target = r.getAttributeValue(null, "Target");
                        String id = r.getAttributeValue(null, "Id");
                        if (target != null && id != null) {
                            parts.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
                        }
                    }
                }
                r.close();
            }
        } catch (IOException | XMLStreamException e) {
            throw new TableReadException("format-error", "엑셀(XLSX) 통합 문서 구조를 읽을 수 없습니다.", e);
        }
        return parts;
    }

    /** A merged range, 1-based inclusive. */
    record Range(int firstRow, int lastRow, int firstCol, int lastCol) {
        static Range parse(String ref) {
            String[] p = ref.split(":");
            int[] a = cellRef(p[0]);
            int[] b = p.length > 1 ? cellRef(p[1]) : a;
            return new Range(a[0], b[0], a[1], b[1]);
        }

        boolean horizontal() {
            return lastCol > firstCol;
        }
    }

    static int[] cellRef(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        return new int[] {Integer.parseInt(ref.substring(i)), col};
    }

    private List<Range> merges(String part) {
        List<Range> ranges = new ArrayList<>();
        if (part == null) {
            return ranges;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(part);
            if (e == null) {
                return ranges;
            }
            try (InputStream in = zip.getInputStream(e)) {
                XMLStreamReader r = xml().createXMLStreamReader(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("mergeCell")) {
                        String ref = r.getAttributeValue(null, "ref");
                        if (ref != null && ranges.size() < MAX_MERGES) {
                            ranges.add(Range.parse(ref));
                        }
                    }
                }
                r.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException ex) {
            throw new TableReadException("format-error", "엑셀 시트의 병합 셀 정보를 읽을 수 없습니다: 파일이 손상되었습니다.", ex);
        }
        ranges.sort(Comparator.comparingInt(Range::firstRow));
        return ranges;
    }

    /** One sheet as a table. */
    private final class SheetReader implements TableReader {

        private final Sheet sheet;
        private final List<Range> ranges;
        private final Iterator<Row> rows;
        private final Stream<Row> stream;
        private final Map<Range, String> topLeft = new LinkedHashMap<>();
        private final List<Range> active = new ArrayList<>();
        private int nextRange;
        private List<String> header;
        private int headerRows = 1;
        private long rowNumber;
        private Row pending;
        private long pendingNumber;
        private final ArrayList<String> cells = new ArrayList<>();
        private int width;

        SheetReader(Sheet sheet, List<Range> ranges) {
            this.sheet = sheet;
            this.ranges = ranges;
            try {
                this.stream = sheet.openStream();
            } catch (IOException | RuntimeException e) {
                throw new TableReadException("format-error", "엑셀 시트 '" + sheet.getName() + "'을(를) 열 수 없습니다.", e);
            }
            this.rows = stream.iterator();
        }

        @Override
        public String name() {
            return sheet.getName();
        }

        @Override
        public int headerRows() {
            header();
            return headerRows;
        }

        @Override
        public List<String> header() {
            if (header != null) {
                return header;
            }
            List<String> first = physical(1);
            if (first == null) {
                header = List.of();
                return header;
            }
            first = new ArrayList<>(first);
            boolean groupHeader = ranges.stream().anyMatch(r -> r.firstRow() == 1 && r.lastRow() == 1 && r.horizontal());
            if (groupHeader) {
                List<String> second = peekPhysical(2);
                boolean subLabels = second != null && ranges.stream()
                        .filter(r -> r.firstRow() == 1 && r.lastRow() == 1 && r.horizontal())
                        .anyMatch(r -> {
                            for (int c = r.firstCol(); c <= r.lastCol(); c++) {
                                if (c - 1 < second.size() && !second.get(c - 1).isEmpty()) {
                                    return true;
                                }
                            }
                            return false;
                        });
                if (subLabels) {
                    List<String> sub = physical(2);
                    List<String> joined = new ArrayList<>();
                    int n = Math.max(first.size(), sub.size());
                    for (int i = 0; i < n; i++) {
                        String a = i < first.size() ? first.get(i) : "";
                        String b = i < sub.size() ? sub.get(i) : "";
                        joined.add(a.isEmpty() ? b : b.isEmpty() || b.equals(a) ? a : a + " " + b);
                    }
                    first = joined;
                    headerRows = 2;
                }
            }
            header = List.copyOf(first);
            width = header.size();
            rowNumber = headerRows;
            return header;
        }

        @Override
        public List<String> next() {
            header();
            List<String> row = physical(rowNumber + 1);
            if (row == null) {
                return null;
            }
            rowNumber++;
            // pad to the header's width: an empty trailing Excel cell is empty, not missing
            while (row.size() < width) {
                row.add("");
            }
            return row;
        }

        /** Cells of physical row {@code number} (gaps in the sheet are blank rows), merged cells filled. */
        private List<String> physical(long number) {
            Row r = take(number);
            cells.clear();
            if (r == null && pending == null && !rows.hasNext()) {
                return null;
            }
            if (r != null) {
                int count = r.getCellCount();
                if (count > maxColumns) {
                    throw new TableReadException("source-error", sheet.getName() + " 시트 " + number + "행의 열이 "
                            + maxColumns + "개를 넘습니다.");
                }
                for (int i = 0; i < count; i++) {
                    cells.add(text(r.getCell(i)));
                }
                // drop trailing empty cells beyond the header width
                while (cells.size() > Math.max(width, 0) && !cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
            }
            fillMerged((int) number);
            return cells;
        }

        private List<String> peekPhysical(long number) {
            Row r = peek();
            if (r == null || pendingNumber != number) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < r.getCellCount(); i++) {
                out.add(text(r.getCell(i)));
            }
            return out;
        }

        private Row peek() {
            if (pending == null && rows.hasNext()) {
                try {
                    pending = rows.next();
                } catch (RuntimeException e) {
                    throw new TableReadException("format-error", "엑셀 시트 '" + sheet.getName() + "'을(를) 읽는 중 오류가 났습니다: 파일이 손상되었습니다.", e);
                }
                pendingNumber = pending.getRowNum();
            }
            return pending;
        }

        private Row take(long number) {
            Row r = peek();
            if (r == null || pendingNumber > number) {
                return null; // a gap: blank row
            }
            pending = null;
            return r;
        }

        private void fillMerged(int row) {
            while (nextRange < ranges.size() && ranges.get(nextRange).firstRow() <= row) {
                active.add(ranges.get(nextRange++));
            }
            if (active.isEmpty()) {
                return;
            }
            for (Iterator<Range> it = active.iterator(); it.hasNext(); ) {
                Range m = it.next();
                if (m.lastRow() < row) {
                    it.remove();
                    topLeft.remove(m);
                    continue;
                }
                if (m.firstRow() == row) {
                    topLeft.put(m, m.firstCol() - 1 < cells.size() ? cells.get(m.firstCol() - 1) : "");
                }
                String value = topLeft.getOrDefault(m, "");
                for (int c = m.firstCol(); c <= m.lastCol(); c++) {
                    if (row == m.firstRow() && c == m.firstCol()) {
                        continue;
                    }
                    while (cells.size() < c) {
                        cells.add("");
                    }
                    cells.set(c - 1, value);
                }
            }
        }

        @Override
        public long rowNumber() {
            return rowNumber;
        }

        @Override
        public double progress() {
            return -1;
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    static final Set<Integer> DATE_FORMAT_IDS = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33,
            34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58);

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getType();
        try {
            switch (type) {
                case EMPTY:
                    return "";
                case STRING:
                    return cell.asString();
                case BOOLEAN:
                    return Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
                case NUMBER:
                    if (isDateFormat(cell)) {
                        LocalDateTime t = cell.asDate();
                        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
                    }
                    BigDecimal n = cell.asNumber();
                    return n == null ? "" : n.stripTrailingZeros().toPlainString();
                default:
                    String raw = cell.getRawValue();
                    return raw == null ? "" : raw;
            }
        } catch (RuntimeException e) {
            String raw = cell.getRawValue();
            return raw == null ? "" : raw;
        }
    }

    private static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && DATE_FORMAT_IDS.contains(id)) {
            return true;
        }
        String f = cell.getDataFormatString();
        if (f == null || f.isBlank() || f.equalsIgnoreCase("General")) {
            return false;
        }
        String stripped = f.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "");
        return stripped.matches("(?i).*[ymdhs].*") && !stripped.matches("(?i).*[0#?].*");
    }
}
