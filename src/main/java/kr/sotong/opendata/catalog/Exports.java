package kr.sotong.opendata.catalog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.sotong.opendata.standardise.CsvWriter;
import kr.sotong.opendata.table.Encodings;
import kr.sotong.opendata.table.TableReadException;
import kr.sotong.opendata.table.TableReader;
import kr.sotong.opendata.table.Tables;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.shared.DomainException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads of a resource version, streamed (constant memory): CSV in UTF-8 or CP949, XLSX and JSON. CSV and
 * XLSX cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are neutralised with a
 * leading apostrophe; plain numbers such as -5 stay numbers.
 */
public final class Exports {

    public enum Format {
        CSV("csv", "text/csv; charset=UTF-8", "CSV (UTF-8)"),
        CSV_CP949("csv", "text/csv; charset=x-windows-949", "CSV (CP949, 엑셀용)"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "엑셀(XLSX)"),
        JSON("json", "application/json", "JSON");

        public final String extension;
        public final String mediaType;
        public final String label;

        Format(String extension, String mediaType, String label) {
            this.extension = extension;
            this.mediaType = mediaType;
            this.label = label;
        }

        public static Format of(String s) {
            return switch (s == null ? "csv" : s.toLowerCase(java.util.Locale.ROOT)) {
                case "csv", "csv-utf8" -> CSV;
                case "csv-cp949", "cp949" -> CSV_CP949;
                case "xlsx" -> XLSX;
                case "json" -> JSON;
                default -> throw new DomainException("opendata.download.format", "내려받을 수 없는 형식입니다: " + s);
            };
        }

        public String param() {
            return this == CSV_CP949 ? "csv-cp949" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private Exports() {
    }

    /** Formula-injection safe text for spreadsheets; plain numbers are left alone. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        if ((c == '-' || c == '+') && NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return Spreadsheets.safeText(cell);
    }

    public static void write(Path file, String name, Format format, OutputStream out) throws IOException {
        try (Tables tables = Tables.open(file, name, Tables.Options.defaults())) {
            if (!tables.hasNext()) {
                throw new DomainException("opendata.download.empty", "내려받을 표가 없습니다.");
            }
            try (TableReader reader = tables.next()) {
                switch (format) {
                    case CSV, CSV_CP949 -> csv(reader, format, out);
                    case XLSX -> xlsx(reader, out);
                    case JSON -> json(reader, out);
                }
            }
        } catch (TableReadException e) {
            throw new DomainException("opendata.download.read", "원본 파일을 읽을 수 없습니다: " + e.getMessage());
        }
    }

    private static void csv(TableReader reader, Format format, OutputStream out) throws IOException {
        var charset = format == Format.CSV_CP949 ? Encodings.CP949 : StandardCharsets.UTF_8;
        var encoder = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE).onMalformedInput(CodingErrorAction.REPLACE);
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, encoder), 1 << 16);
        CsvWriter csv = new CsvWriter(w);
        csv.row(safeAll(reader.header()));
        List<String> cells;
        while ((cells = reader.next()) != null) {
            csv.row(safeAll(cells));
        }
        w.flush();
    }

    private static List<String> safeAll(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            out.add(safe(c));
        }
        return out;
    }

    private static void xlsx(TableReader reader, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            SXSSFSheet sheet = wb.createSheet(safeSheetName(reader.name()));
            int r = 0;
            Row header = sheet.createRow(r++);
            List<String> labels = reader.header();
            for (int i = 0; i < labels.size(); i++) {
                header.createCell(i).setCellValue(safe(labels.get(i)));
            }
            List<String> cells;
            while ((cells = reader.next()) != null && r < 1_048_576) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    String c = cells.get(i);
                    if (c.length() < 16 && NUMBER.matcher(c).matches() && !(c.length() > 1 && c.startsWith("0") && !c.startsWith("0."))) {
                        row.createCell(i).setCellValue(Double.parseDouble(c));
                    } else {
                        row.createCell(i).setCellValue(safe(c));
                    }
                }
            }
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    private static String safeSheetName(String name) {
        String n = name == null ? "data" : name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        n = n.length() > 31 ? n.substring(0, 31) : n;
        return n.isBlank() ? "data" : n;
    }

    private static void json(TableReader reader, OutputStream out) throws IOException {
        List<String> labels = reader.header();
        try (JsonGenerator g = JsonMapper.builder().build().createGenerator(out)) {
            g.writeStartArray();
            List<String> cells;
            while ((cells = reader.next()) != null) {
                g.writeStartObject();
                for (int i = 0; i < labels.size(); i++) {
                    g.writeName(labels.get(i).isEmpty() ? "field" + (i + 1) : labels.get(i));
                    g.writeString(i < cells.size() ? cells.get(i) : "");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /** Header and the first rows for the dataset page. */
    public record Preview(List<String> header, List<List<String>> rows, boolean more) {
    }

    public static Preview preview(Path file, String name, int limit) {
        try (Tables tables = Tables.open(file, name, Tables.Options.defaults())) {
            if (!tables.hasNext()) {
                return new Preview(List.of(), List.of(), false);
            }
            try (TableReader reader = tables.next()) {
                List<String> header = reader.header();
                List<List<String>> rows = new ArrayList<>();
                List<String> cells;
                while ((cells = reader.next()) != null) {
                    if (rows.size() == limit) {
                        return new Preview(header, rows, true);
                    }
                    rows.add(List.copyOf(cells));
                }
                return new Preview(header, rows, false);
            }
        } catch (TableReadException e) {
            return new Preview(List.of(), List.of(), false);
        }
    }
}
