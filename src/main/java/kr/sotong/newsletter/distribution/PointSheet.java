package kr.sotong.newsletter.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.shared.DomainException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Distribution points as an XLSX sheet: columns 유형, 이름, 주소, 동, 위도, 경도, 배부 부수 (header names in
 * any order; 위도/경도 optional). Import is all-or-nothing: every row error is collected and reported in
 * Korean with its row number.
 */
final class PointSheet {

    static final List<String> HEADERS = List.of("유형", "이름", "주소", "동", "위도", "경도", "배부 부수", "사용", "마지막 점검일");
    static final int MAX_ROWS = 5000;

    /** One valid row. */
    record PointRow(int rowNumber, DistributionPoint.Kind kind, String name, String address, String dong,
                    BigDecimal latitude, BigDecimal longitude, int copies) {
    }

    private PointSheet() {
    }

    static List<PointRow> parse(InputStream in) {
        Workbook wb;
        try {
            wb = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new DomainException("newsletter.xlsx.unreadable",
                    "엑셀(XLSX) 파일을 읽을 수 없습니다. 파일이 손상되었거나 XLSX 형식이 아닙니다.");
        }
        try (wb) {
            if (wb.getNumberOfSheets() == 0) {
                throw new DomainException("newsletter.xlsx.empty", "엑셀 파일에 시트가 없습니다.");
            }
            return parse(wb.getSheetAt(0));
        } catch (IOException e) {
            throw new DomainException("newsletter.xlsx.unreadable", "엑셀(XLSX) 파일을 읽을 수 없습니다.");
        }
    }

    private static List<PointRow> parse(Sheet sheet) {
        DataFormatter fmt = new DataFormatter();
        Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header == null) {
            throw new DomainException("newsletter.xlsx.empty", "첫 행에 제목(유형, 이름, 주소, 동, 배부 부수)이 있어야 합니다.");
        }
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : header) {
            col.putIfAbsent(fmt.formatCellValue(c).strip(), c.getColumnIndex());
        }
        List<String> missing = List.of("유형", "이름", "주소", "동", "배부 부수").stream().filter(h -> !col.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException("newsletter.xlsx.headers", "첫 행에 다음 제목이 없습니다: " + String.join(", ", missing));
        }
        if (sheet.getLastRowNum() - header.getRowNum() > MAX_ROWS) {
            throw new DomainException("newsletter.xlsx.too-many", "한 번에 " + MAX_ROWS + "행까지 올릴 수 있습니다.");
        }
        List<PointRow> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || isBlank(row, fmt)) {
                continue;
            }
            int number = r + 1;
            try {
                DistributionPoint.Kind kind = DistributionPoint.Kind.parse(text(row, col.get("유형"), fmt));
                String dong = text(row, col.get("동"), fmt);
                BigDecimal lat = decimal(row, col.get("위도"), fmt, "위도");
                BigDecimal lon = decimal(row, col.get("경도"), fmt, "경도");
                int copies = integer(row, col.get("배부 부수"), fmt);
                String name = text(row, col.get("이름"), fmt);
                String address = text(row, col.get("주소"), fmt);
                // the aggregate's own rules (동, lengths, coordinates) decide validity
                DistributionPoint.create(kind, name, address, dong, lat, lon, copies, java.time.Instant.EPOCH);
                rows.add(new PointRow(number, kind, name.strip(), address.strip(), dong.strip(), lat, lon, copies));
            } catch (DomainException e) {
                errors.add(number + "행: " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            String shown = String.join(" / ", errors.subList(0, Math.min(20, errors.size())));
            throw new DomainException("newsletter.xlsx.rows", "오류가 있어 아무것도 저장하지 않았습니다(" + errors.size() + "건): "
                    + shown + (errors.size() > 20 ? " …" : ""), errors.size());
        }
        if (rows.isEmpty()) {
            throw new DomainException("newsletter.xlsx.no-rows", "엑셀 파일에 배부처 행이 없습니다.");
        }
        return rows;
    }

    private static boolean isBlank(Row row, DataFormatter fmt) {
        for (Cell c : row) {
            if (!fmt.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, Integer col, DataFormatter fmt) {
        if (col == null) {
            return "";
        }
        Cell c = row.getCell(col);
        String v = c == null ? "" : fmt.formatCellValue(c).strip();
        // undo the apostrophe our export puts before formula-like text (Spreadsheets.safeText)
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }

    private static BigDecimal decimal(Row row, Integer col, DataFormatter fmt, String what) {
        if (col == null) {
            return null;
        }
        Cell c = row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC) {
            double d = c.getNumericCellValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new DomainException("newsletter.xlsx.number", what + " 값이 숫자가 아닙니다.");
            }
            return BigDecimal.valueOf(d);
        }
        String t = fmt.formatCellValue(c).strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new DomainException("newsletter.xlsx.number", what + " 값이 숫자가 아닙니다: '" + t + "'", t);
        }
    }

    private static int integer(Row row, Integer col, DataFormatter fmt) {
        Cell c = row.getCell(col);
        String t = c == null ? "" : fmt.formatCellValue(c).strip().replace(",", "").replace("부", "");
        try {
            BigDecimal d = new BigDecimal(t);
            if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(100_000)) > 0 || d.signum() < 0) {
                throw new NumberFormatException();
            }
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException("newsletter.xlsx.copies", "배부 부수는 0~100,000의 정수여야 합니다: '" + t + "'", t);
        }
    }

    /** Export row: the point and when it was last inspected. */
    record ExportRow(DistributionPoint point, java.time.LocalDate lastInspected) {
    }

    static byte[] write(List<ExportRow> points) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("배부처");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                h.createCell(i).setCellValue(HEADERS.get(i));
            }
            int r = 1;
            for (ExportRow e : points) {
                DistributionPoint p = e.point();
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.getKind().label());
                row.createCell(1).setCellValue(Spreadsheets.safeText(p.getName()));
                row.createCell(2).setCellValue(Spreadsheets.safeText(p.getAddress()));
                row.createCell(3).setCellValue(p.getDong());
                if (p.getLatitude() != null) {
                    row.createCell(4).setCellValue(p.getLatitude().doubleValue());
                    row.createCell(5).setCellValue(p.getLongitude().doubleValue());
                }
                row.createCell(6).setCellValue(p.getCopiesPerIssue());
                row.createCell(7).setCellValue(p.isActive() ? "사용" : "중지");
                row.createCell(8).setCellValue(e.lastInspected() == null ? "" : e.lastInspected().toString());
            }
            for (int i = 0; i < HEADERS.size(); i++) {
                sheet.setColumnWidth(i, i == 2 ? 12000 : 4000);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
