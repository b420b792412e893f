package kr.sotong.press;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.PhoneNumber;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads a press-contact XLSX (header row: 언론사, 매체구분, 기자명, 이메일, 전화, 출입처, 수신동의) into checked rows.
 * Pure: no database. Any malformed file ends in a {@link DomainException} with a Korean reason.
 */
final class ContactSheet {

    static final int MAX_ROWS = 5000;
    static final List<String> HEADERS = List.of("언론사", "매체구분", "기자명", "이메일", "전화", "출입처", "수신동의");

    private ContactSheet() {
    }

    /** One data row with its problems; values are already normalised where valid. */
    record Parsed(int rowNumber, String outlet, OutletKind kind, String kindText, String name, String email,
                  String phone, String beat, boolean optIn, List<String> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    static List<Parsed> parse(InputStream in) {
        List<Parsed> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Optional<Sheet> first = wb.getSheets().findFirst();
            if (first.isEmpty()) {
                throw new DomainException("press.import.empty", "엑셀 파일에 시트가 없습니다.");
            }
            Map<String, Integer> columns = null;
            try (Stream<Row> rows = first.get().openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    if (columns == null) {
                        columns = header(row);
                        continue;
                    }
                    if (blank(row)) {
                        continue;
                    }
                    if (out.size() >= MAX_ROWS) {
                        throw new DomainException("press.import.too-many",
                                "한 번에 " + MAX_ROWS + "행까지 가져올 수 있습니다. 파일을 나누어 올려 주세요.");
                    }
                    out.add(check(row.getRowNum(), columns, row));
                }
            }
            if (columns == null) {
                throw new DomainException("press.import.no-header",
                        "첫 행에 제목(" + String.join(", ", HEADERS) + ")이 있어야 합니다.");
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DomainException("press.import.unreadable",
                    "엑셀(XLSX) 파일을 읽을 수 없습니다. 파일이 손상되었거나 XLSX 형식이 아닙니다.");
        }
        return out;
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            String h = text(row, i).replace(" ", "");
            for (String want : HEADERS) {
                if (h.equals(want) || h.startsWith(want + "(")) {
                    columns.putIfAbsent(want, i);
                }
            }
        }
        for (String required : List.of("언론사", "기자명", "이메일")) {
            if (!columns.containsKey(required)) {
                throw new DomainException("press.import.no-header",
                        "첫 행에 '" + required + "' 열이 없습니다. 제목 행: " + String.join(", ", HEADERS), required);
            }
        }
        return columns;
    }

    private static boolean blank(Row row) {
        for (int i = 0; i < row.getCellCount(); i++) {
            if (!text(row, i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String text(Row row, int i) {
        if (i < 0 || i >= row.getCellCount()) {
            return "";
        }
        Cell c = row.getCell(i);
        if (c == null || c.getType() == CellType.EMPTY) {
            return "";
        }
        if (c.getType() == CellType.NUMBER) {
            BigDecimal n = c.asNumber();
            return n == null ? "" : n.stripTrailingZeros().toPlainString();
        }
        String raw = c.getText();
        return raw == null ? "" : raw.strip();
    }

    private static String col(Map<String, Integer> columns, Row row, String name) {
        Integer i = columns.get(name);
        return i == null ? "" : text(row, i);
    }

    static Parsed check(int rowNumber, Map<String, Integer> columns, Row row) {
        return check(rowNumber, col(columns, row, "언론사"), col(columns, row, "매체구분"), col(columns, row, "기자명"),
                col(columns, row, "이메일"), col(columns, row, "전화"), col(columns, row, "출입처"),
                col(columns, row, "수신동의"));
    }

    /** Checks one row's texts (used by the sheet reader and by tests). */
    static Parsed check(int rowNumber, String outlet, String kindText, String name, String email, String phone,
                        String beat, String consent) {
        List<String> errors = new ArrayList<>();
        if (outlet.isBlank()) {
            errors.add("언론사가 비어 있습니다.");
        } else if (outlet.length() > 100) {
            errors.add("언론사 이름은 100자 이내여야 합니다.");
        }
        OutletKind kind = null;
        if (!kindText.isBlank()) {
            kind = OutletKind.parse(kindText).orElse(null);
            if (kind == null) {
                errors.add("매체구분은 중앙지·지역지·인터넷·방송·통신사 중 하나여야 합니다: " + cut(kindText));
            }
        }
        if (name.isBlank()) {
            errors.add("기자명이 비어 있습니다.");
        } else if (name.length() > 50) {
            errors.add("기자명은 50자 이내여야 합니다.");
        }
        String normalisedEmail = null;
        if (email.isBlank()) {
            errors.add("이메일이 비어 있습니다.");
        } else {
            String e = email.strip().toLowerCase(Locale.ROOT);
            if (EmailAddress.isValid(e)) {
                normalisedEmail = e;
            } else {
                errors.add("이메일 형식이 올바르지 않습니다: " + cut(email));
            }
        }
        String normalisedPhone = null;
        if (!phone.isBlank()) {
            PhoneNumber.Result r = PhoneNumber.tryParse(phone);
            if (r.valid()) {
                normalisedPhone = r.number().formatted();
            } else {
                errors.add("전화번호: " + r.reason());
            }
        }
        if (beat.length() > 100) {
            errors.add("출입처는 100자 이내여야 합니다.");
        }
        Boolean optIn = consent(consent);
        if (optIn == null) {
            errors.add("수신동의는 Y 또는 N으로 적어 주세요: " + cut(consent));
        }
        return new Parsed(rowNumber, outlet.strip(), kind, kindText, name.strip(), normalisedEmail, normalisedPhone,
                beat.isBlank() ? null : beat.strip(), Boolean.TRUE.equals(optIn), List.copyOf(errors));
    }

    static Boolean consent(String s) {
        String v = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "Y", "YES", "O", "예", "동의", "수신", "TRUE", "1" -> true;
            case "", "N", "NO", "X", "아니오", "미동의", "거부", "FALSE", "0" -> false;
            default -> null;
        };
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
