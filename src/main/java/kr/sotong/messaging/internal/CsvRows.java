package kr.sotong.messaging.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;

/** Reads a CSV upload (UTF-8 with or without BOM, else CP949 as Excel saves it) into rows with line numbers. */
public final class CsvRows {

    public static final int MAX_ROWS = 200_000;

    private CsvRows() {
    }

    public record Row(long line, List<String> fields) {
        public String get(int i) {
            return i >= 0 && i < fields.size() ? fields.get(i).strip() : "";
        }
    }

    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new DomainException("messaging.csv.empty", "빈 파일입니다. 내용이 있는 CSV 파일을 올려 주세요.");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("x-windows-949"));
        }
    }

    /** Every non-blank row including the header row. */
    public static List<Row> read(byte[] bytes) {
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw new DomainException("messaging.csv.binary", "CSV 텍스트 파일이 아닙니다(엑셀 파일이면 'CSV UTF-8'로 저장해 올려 주세요).");
        }
        List<Row> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(new StringReader(text))) {
            for (CsvRecord r : reader) {
                List<String> f = r.getFields();
                if (f.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new DomainException("messaging.csv.too-many", "한 번에 " + MAX_ROWS + "행까지 올릴 수 있습니다.");
                }
                rows.add(new Row(r.getStartingLineNumber(), List.copyOf(f)));
            }
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw new DomainException("messaging.csv.broken", "CSV 파일을 읽을 수 없습니다: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new DomainException("messaging.csv.empty", "빈 파일입니다. 내용이 있는 CSV 파일을 올려 주세요.");
        }
        return rows;
    }

    /** Index of the first header matching one of the names (case-insensitive, spaces ignored), or -1. */
    public static int column(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("\uFEFF", "").replaceAll("\\s", "").toLowerCase();
            for (String n : names) {
                if (h.equals(n.replaceAll("\\s", "").toLowerCase())) {
                    return i;
                }
            }
        }
        return -1;
    }
}
