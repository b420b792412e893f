package kr.sotong.monitoring.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.shared.DomainException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads clipping lists (스크랩 목록) from CSV (any of UTF-8, UTF-8 with BOM, CP949/EUC-KR) or XLSX: columns
 * date, outlet, title, URL and optional body, recognised by header names (날짜/일자, 언론사/매체, 제목, URL/주소/링크,
 * 본문/내용) or, without a header, in that order. Bad rows are reported with their line number; good rows are kept.
 */
public final class ClippingImport {

    public static final int MAX_ROWS = 20_000;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public record Row(int line, Instant publishedAt, String outlet, String title, String url, String body) {
    }

    public record RowError(int line, String message) {
    }

    public record Parsed(List<Row> rows, List<RowError> errors) {
    }

    public record Report(int rows, int ingested, int duplicates, List<RowError> errors) {
    }

    private ClippingImport() {
    }

    public static Parsed parse(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new DomainException("monitoring.import.empty", "빈 파일입니다.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (header(bytes, true) || name.endsWith(".xlsx")) {
            return parseXlsx(bytes);
        }
        if (header(bytes, false) || name.endsWith(".xls")) {
            throw new DomainException("monitoring.import.xls", "예전 엑셀(.xls) 형식은 읽을 수 없습니다. .xlsx 또는 CSV로 저장해 올려 주세요.");
        }
        return parseCsv(Charsets.decode(bytes, null).text());
    }

    private static boolean header(byte[] bytes, boolean ooxml) {
        if (bytes.length < 8) {
            return false;
        }
        return ooxml ? ReadableWorkbook.isOOXMLZipHeader(bytes) : ReadableWorkbook.isOLE2Header(bytes);
    }

    static Parsed parseCsv(String text) {
        List<List<String>> table = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .allowUnclosedQuote(true).allowExtraCharsAfterClosingQuote(true).skipEmptyLines(true)
                .fieldSeparator(guessSeparator(text)).ofCsvRecord(text)) {
            for (CsvRecord r : reader) {
                if (table.size() > MAX_ROWS) {
                    throw new DomainException("monitoring.import.too-many", "한 번에 " + MAX_ROWS + "행까지 가져올 수 있습니다.");
                }
                table.add(r.getFields());
                lines.add((int) r.getStartingLineNumber());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException de) {
                throw de;
            }
            throw new DomainException("monitoring.import.csv", "CSV 파일을 읽을 수 없습니다: " + e.getMessage());
        }
        return rows(table, lines);
    }

    private static char guessSeparator(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        long tabs = first.chars().filter(c -> c == '\t').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return tabs > commas ? '\t' : ',';
    }

    static Parsed parseXlsx(byte[] bytes) {
        List<List<String>> table = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getFirstSheet();
            try (var rows = sheet.openStream()) {
                for (var it = rows.iterator(); it.hasNext(); ) {
                    org.dhatim.fastexcel.reader.Row r = it.next();
                    if (table.size() > MAX_ROWS) {
                        throw new DomainException("monitoring.import.too-many", "한 번에 " + MAX_ROWS + "행까지 가져올 수 있습니다.");
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < Math.min(r.getCellCount(), 10); i++) {
                        var cell = r.getCell(i);
                        String v;
                        if (cell == null) {
                            v = "";
                        } else if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                            v = r.getCellAsDate(i).filter(d -> isDateFormat(cell)).map(LocalDateTime::toString)
                                    .orElse(cell.getRawValue());
                        } else {
                            v = cell.getText();
                        }
                        cells.add(v == null ? "" : v);
                    }
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    table.add(cells);
                    lines.add(r.getRowNum());
                }
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DomainException("monitoring.import.xlsx", "엑셀 파일을 읽을 수 없습니다(손상되었거나 형식이 다름).");
        }
        return rows(table, lines);
    }

    private static boolean isDateFormat(org.dhatim.fastexcel.reader.Cell cell) {
        String f = cell.getDataFormatString();
        return f != null && (f.contains("y") || f.contains("d") || f.contains("m")) && !f.contains("0.0");
    }

    private static int column(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(" ", "");
            for (String n : names) {
                if (h.equals(n) || h.startsWith(n)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static Parsed rows(List<List<String>> table, List<Integer> lines) {
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        if (table.isEmpty()) {
            throw new DomainException("monitoring.import.empty", "가져올 행이 없습니다.");
        }
        List<String> header = table.get(0);
        int date = column(header, "날짜", "일자", "보도일", "date", "게재일");
        int outlet = column(header, "언론사", "매체", "outlet", "신문사", "media");
        int title = column(header, "제목", "기사제목", "title");
        int url = column(header, "url", "주소", "링크", "link");
        int body = column(header, "본문", "내용", "body", "기사내용");
        int start = 1;
        if (title < 0 || outlet < 0) {
            date = 0;
            outlet = 1;
            title = 2;
            url = 3;
            body = 4;
            start = 0;
        }
        for (int i = start; i < table.size(); i++) {
            List<String> r = table.get(i);
            int line = lines.get(i);
            String t = cell(r, title);
            String o = cell(r, outlet);
            if (t.isBlank() && o.isBlank()) {
                continue;
            }
            if (t.isBlank()) {
                errors.add(new RowError(line, "제목이 비어 있습니다."));
                continue;
            }
            if (o.isBlank()) {
                errors.add(new RowError(line, "언론사가 비어 있습니다."));
                continue;
            }
            Instant when;
            try {
                when = parseDate(cell(r, date));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(line, e.getMessage()));
                continue;
            }
            String u = cell(r, url);
            if (!u.isBlank() && Texts.canonicalUrl(u) == null) {
                errors.add(new RowError(line, "주소가 http(s) 형식이 아닙니다: " + Texts.truncate(u, 80)));
                continue;
            }
            rows.add(new Row(line, when, o.strip(), t.strip(), u.isBlank() ? null : u.strip(), cell(r, body)));
        }
        return new Parsed(rows, errors);
    }

    private static String cell(List<String> r, int i) {
        return i < 0 || i >= r.size() || r.get(i) == null ? "" : r.get(i);
    }

    private static final Pattern YMD = Pattern.compile("^(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[-./월]\\s*(\\d{1,2})\\s*[.일]?\\s*(?:[T ]?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?.*$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

    /** 2025-03-04, 2025.3.4, 2025. 3. 4., 2025/03/04, 2025년 3월 4일, 20250304, Excel serial days, with optional HH:mm. */
    public static Instant parseDate(String s) {
        String v = s == null ? "" : s.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("날짜가 비어 있습니다.");
        }
        try {
            Matcher m = YMD.matcher(v);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                LocalTime t = m.group(4) == null ? LocalTime.of(9, 0)
                        : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return check(d.atTime(t));
            }
            Matcher c = COMPACT.matcher(v);
            if (c.matches()) {
                return check(LocalDate.of(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)),
                        Integer.parseInt(c.group(3))).atTime(9, 0));
            }
            if (v.matches("\\d{5}(\\.\\d+)?")) {
                double serial = Double.parseDouble(v);
                LocalDateTime base = LocalDate.of(1899, 12, 30).atStartOfDay();
                return check(base.plusSeconds(Math.round(serial * 86400)));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("날짜가 올바르지 않습니다: " + Texts.truncate(v, 40));
        }
        throw new IllegalArgumentException("날짜 형식을 알 수 없습니다(예: 2025-03-04): " + Texts.truncate(v, 40));
    }

    private static Instant check(LocalDateTime t) {
        if (t.getYear() < 1990 || t.getYear() > 2100) {
            throw new IllegalArgumentException("날짜가 범위를 벗어났습니다: " + t.toLocalDate());
        }
        return t.atZone(SEOUL).toInstant();
    }
}
