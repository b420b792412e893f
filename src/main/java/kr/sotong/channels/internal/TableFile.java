package kr.sotong.channels.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the CSV or XLSX exports staff download from the platforms (YouTube Studio, Naver blog stats,
 * Instagram insights, event entrant lists) into text rows with their row numbers. CSV: UTF-8 (with or
 * without BOM) or CP949. XLSX: the first sheet; dates come as ISO text.
 */
public final class TableFile {

    public static final int MAX_ROWS = 100_000;

    private TableFile() {
    }

    public record Line(int number, List<String> cells) {
        public String get(int i) {
            return i >= 0 && i < cells.size() && cells.get(i) != null ? cells.get(i).strip() : "";
        }
    }

    public static List<Line> read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new DomainException("channels.file.empty", "빈 파일입니다.");
        }
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        List<Line> lines = zip ? xlsx(bytes) : csv(bytes);
        if (lines.isEmpty()) {
            throw new DomainException("channels.file.empty", "빈 파일입니다(머리글 행이 없습니다).");
        }
        return lines;
    }

    private static List<Line> csv(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("x-windows-949"));
        }
        if (text.indexOf('\0') >= 0) {
            throw new DomainException("channels.file.binary", "CSV 또는 XLSX 파일이 아닙니다.");
        }
        List<Line> out = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(new StringReader(text))) {
            for (CsvRecord rec : r) {
                if (rec.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (out.size() >= MAX_ROWS) {
                    throw new DomainException("channels.file.too-many", "한 번에 " + MAX_ROWS + "행까지 올릴 수 있습니다.");
                }
                out.add(new Line((int) rec.getStartingLineNumber(), List.copyOf(rec.getFields())));
            }
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw new DomainException("channels.file.csv", "CSV 파일을 읽을 수 없습니다: " + e.getMessage());
        }
        return out;
    }

    private static List<Line> xlsx(byte[] bytes) {
        List<Line> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                if (out.size() >= MAX_ROWS) {
                    throw new DomainException("channels.file.too-many", "한 번에 " + MAX_ROWS + "행까지 올릴 수 있습니다.");
                }
                out.add(new Line(row.getRowNum(), cells));
            }
        } catch (DomainException e) {
            throw e;
        } catch (Exception | Error e) {
            throw new DomainException("channels.file.xlsx", "엑셀(XLSX) 파일을 읽을 수 없습니다: " + e.getClass().getSimpleName());
        }
        return out;
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        try {
            if (c.getType() == CellType.NUMBER) {
                String fmt = c.getDataFormatString();
                if (fmt != null && (fmt.contains("y") || fmt.contains("d")) && !fmt.contains("0")) {
                    return c.asDate().toLocalDate().toString();
                }
                BigDecimal n = c.asNumber();
                return n.stripTrailingZeros().toPlainString();
            }
            String t = c.getText();
            return t == null ? "" : t;
        } catch (RuntimeException e) {
            return c.getRawValue() == null ? "" : c.getRawValue();
        }
    }

    public static int column(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").replaceAll("\\s", "").toLowerCase();
            for (String n : names) {
                if (h.equals(n.replaceAll("\\s", "").toLowerCase())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy-M-d")};

    /** ISO, dotted, slashed dates, "2024. 10. 31.", "Oct 31, 2024"; null when unreadable. */
    public static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.strip().matches("[1-9]\\d{4}(\\.0+)?")) {
            // an Excel date serial (days since 1899-12-30) from a cell without a date format
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(s.strip().replaceAll("\\.0+$", "")));
        }
        String v = s.strip().replaceAll("\\.\\s+", ".").replaceAll("\\.$", "");
        if (v.length() > 10 && v.charAt(10) == ' ' || v.length() > 10 && v.charAt(10) == 'T') {
            v = v.substring(0, 10);
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        try {
            return LocalDate.parse(v, DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A whole non-negative number, allowing thousands separators ("6,307"); null when blank; throws on junk. */
    public static Long count(String field, String s) {
        if (s == null || s.isBlank() || s.strip().equals("-")) {
            return null;
        }
        String v = s.strip().replace(",", "");
        if (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2);
        }
        if (!v.matches("\\d{1,15}")) {
            throw new DomainException("channels.number", field + "은(는) 0 이상의 정수여야 합니다: '" + s.strip() + "'");
        }
        return Long.parseLong(v);
    }
}
