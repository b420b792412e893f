package kr.sotong.opendata.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.schema.TableSchemaJson;
import kr.sotong.opendata.table.Encodings;
import kr.sotong.opendata.table.Tables;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The parallel byte engine (ranges of a few bytes, so that nearly every record crosses a range boundary, and the
 * byte shortcuts of every field kind) gives exactly the report of the sequential reader with the general cell
 * checks: same errors in the same order with the same messages, counts, rows and error cells — on random files
 * full of edge cases (quoted line breaks, doubled quotes, text after a closing quote, CR/LF/CRLF, blank and ragged
 * rows, BOM, CP949, bytes invalid in the encoding, cells over the size limit, too many columns, unclosed quotes,
 * full-width digits, signs, exponents, leading zeros, 19+ digit numbers, duplicate keys, missing values).
 */
class ParallelEngineEquivalenceTest {

    /** Field kinds: every branch of the byte shortcut, and kinds it leaves to the general path. */
    static final String[] SPECS = {
            "\"type\": \"integer\"",
            "\"type\": \"integer\", \"constraints\": {\"minimum\": 0, \"maximum\": 1000}",
            "\"type\": \"integer\", \"constraints\": {\"minimum\": -5, \"unique\": true}",
            "\"type\": \"integer\", \"constraints\": {\"maximum\": 123456789012345678901}",
            "\"type\": \"integer\", \"bareNumber\": false",
            "\"type\": \"integer\", \"constraints\": {\"enum\": [\"1\", \"02\", \"3\"]}",
            "\"type\": \"number\"",
            "\"type\": \"number\", \"constraints\": {\"minimum\": 0, \"maximum\": 100}",
            "\"type\": \"number\", \"constraints\": {\"minimum\": 33.5, \"maximum\": 1E+2}",
            "\"type\": \"number\", \"constraints\": {\"minimum\": -0.001, \"maximum\": 123456789012345678.5, \"unique\": true}",
            "\"type\": \"number\", \"groupChar\": \",\"",
            "\"type\": \"number\", \"decimalChar\": \",\"",
            "\"type\": \"string\"",
            "\"type\": \"string\", \"constraints\": {\"required\": true, \"maxLength\": 3}",
            "\"type\": \"string\", \"constraints\": {\"minLength\": 2, \"unique\": true}",
            "\"type\": \"string\", \"constraints\": {\"enum\": [\"A\", \"B\", \"가\", \"\"]}",
            "\"type\": \"string\", \"constraints\": {\"pattern\": \"[0-9]{2}\"}",
            "\"type\": \"string\", \"constraints\": {\"minimum\": \"b\"}",
            "\"type\": \"string\", \"format\": \"email\"",
            "\"type\": \"string\", \"format\": \"uuid\"",
            "\"type\": \"boolean\"",
            "\"type\": \"boolean\", \"trueValues\": [\"예\", \"Y\"], \"falseValues\": [\"아니오\", \"N\"]",
            "\"type\": \"date\"",
            "\"type\": \"date\", \"krType\": \"date\"",
            "\"type\": \"date\", \"format\": \"any\"",
            "\"type\": \"date\", \"format\": \"%Y.%m.%d\"",
            "\"type\": \"datetime\"",
            "\"type\": \"datetime\", \"krType\": \"datetime\"",
            "\"type\": \"string\", \"krType\": \"datetime\"",
            "\"type\": \"string\", \"krType\": \"yn\", \"constraints\": {\"enum\": [\"Y\", \"N\"]}",
            "\"type\": \"string\", \"krType\": \"code\"",
            "\"type\": \"string\", \"krType\": \"phone\"",
            "\"type\": \"string\", \"krType\": \"postal-code\", \"constraints\": {\"pattern\": \"[0-9]{5}\"}",
            "\"type\": \"string\", \"krType\": \"business-number\"",
            "\"type\": \"number\", \"krType\": \"rate\", \"constraints\": {\"minimum\": 0, \"maximum\": 100}",
            "\"type\": \"integer\", \"krType\": \"amount\", \"constraints\": {\"minimum\": 0}",
            "\"type\": \"integer\", \"krType\": \"quantity\"",
            "\"type\": \"string\", \"krType\": \"address\"",
            "\"type\": \"time\"",
            "\"type\": \"year\"",
    };

    static final String[] EDGE = {"", " ", "0", "-0", "+5", "007", "1", "2", "02", "3", "-1", "-5", "-6", "1000", "1001",
            "１２３", "٣", "1e3", "1E+2", "12345678901234567890", "123456789012345678", "-123456789012345678",
            "999999999999999999", "3.14", ".5", "5.", "-.", ".", "+", "-", "0.00", "99.99", "100.00", "100.001", "33.4",
            "33.5", "nan", "-inf", "1,234", " 12 ", "2025-02-29", "2024-02-29", "2025-1-1", "2025-13-01", "2025-01-01",
            "0999-01-01", "2025-01-01T10:00:00", "2025-01-01 23:59:59", "2025-01-01T24:00:00", "2025-01-01T10:00",
            "2025-01-01T10:00:00Z", "2025.03.01", "2025년 3월 1일", "Y", "N", "y", "예", "아니오", "true", "FALSE",
            "가", "가나다", "A_b.c-1", "A B", "a" .repeat(51), "02-123-4567", "010-1234-5678", "031-123-4567",
            "070-1234-5678", "0212345678", "02-1234-56789", "123-45-67891", "123-45-67890", "1234567891", "12-345-67891",
            "12345", "1234", "１２３４５", "a@b.kr", "a@.kr", "@b.kr", "a@b.", "a b@c.kr", "가@나.kr", "서울 종로구 세종대로 1",
            "NA", "없음", "null", "A", "B", "\"", "a\"b", "\"q\"", "x,y", "line\nbreak", "cr\rcell", "crlf\r\nx", "\uFFFD",
            "😀", "가\u0301", "10:30", "2025", "00000000-0000-0000-0000-000000000000"};

    static final char[] JUNK = {'0', '1', '9', '-', '+', '.', 'e', 'E', ' ', ',', '"', '\n', '\r', '가', 'ａ', '１', '@',
            'Y', 'N', 'T', ':', '\t', 'é', '😀'};

    @Property(tries = 400)
    void parallelEngineReportsExactlyWhatTheSequentialReaderReports(@ForAll long seed) throws IOException {
        compare(seed);
    }

    @Example
    void benchmarkLikeFileWithManySmallRanges() throws IOException {
        for (long seed = 1; seed <= 30; seed++) {
            compare(seed * 7919);
        }
    }

    /**
     * Records longer than a range and than the 8 MB a range may read past its end (eleven quoted 990 KB cells full of
     * line breaks, and two extra ones), around rows with errors.
     */
    @Example
    void recordsLongerThanRanges() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,d,e,f,g,h,i,j\n1,x,x,x,x,x,x,x,x,x\n");
        String big = ("줄\n" + "가".repeat(97) + ",\"\"").repeat(3300); // 990 KB, under the cell limit
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 12; c++) { // two extra cells
                csv.append(c == 0 ? "" : ",").append('"').append(c == 0 ? String.valueOf(r + 2) : big).append('"');
            }
            csv.append("\nx,y\n");
        }
        Path file = Files.createTempFile("parallel-big", ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            Validator.Options options = Validator.Options.defaults().withSchema(TableSchemaJson.read(
                    "{\"fields\": [{\"name\": \"a\", \"type\": \"integer\", \"constraints\": {\"unique\": true}}, "
                            + "{\"name\": \"b\"}, {\"name\": \"c\"}, {\"name\": \"d\"}, {\"name\": \"e\"}, {\"name\": \"f\"}, "
                            + "{\"name\": \"g\"}, {\"name\": \"h\"}, {\"name\": \"i\", \"constraints\": {\"maxLength\": 10}}, "
                            + "{\"name\": \"j\"}]}"));
            ValidationReport expected = new Validator(0).validate(file, "big.csv", options);
            assertThat(expected.errorTotal()).isGreaterThan(3);
            for (int chunk : new int[] {Validator.CHUNK_BYTES, 65_536, 1000}) {
                ValidationReport actual = new Validator(chunk).validate(file, "big.csv", options);
                assertThat(actual.tasks()).as("range %d", chunk).isEqualTo(expected.tasks());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void compare(long seed) throws IOException {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(6);
        List<String> specs = new ArrayList<>();
        StringBuilder schema = new StringBuilder("{\"fields\": [");
        for (int i = 0; i < n; i++) {
            String spec = SPECS[random.nextInt(SPECS.length)];
            specs.add(spec);
            schema.append(i == 0 ? "" : ", ").append("{\"name\": \"f").append(i + 1).append("\", ").append(spec).append('}');
        }
        schema.append(']');
        if (random.nextInt(3) == 0) {
            schema.append(", \"primaryKey\": [\"f1\"").append(n > 1 && random.nextBoolean() ? ", \"f2\"" : "").append(']');
        }
        String[][] missingChoices = {null, {"", "NA"}, {"-"}, {"", "없음"}, {""}};
        String[] missing = missingChoices[random.nextInt(missingChoices.length)];
        if (missing != null) {
            schema.append(", \"missingValues\": [");
            for (int i = 0; i < missing.length; i++) {
                schema.append(i == 0 ? "" : ", ").append('"').append(missing[i]).append('"');
            }
            schema.append(']');
        }
        schema.append('}');
        TableSchema tableSchema = random.nextInt(10) == 0 ? null : TableSchemaJson.read(schema.toString());

        boolean cp949 = random.nextInt(6) == 0;
        Charset charset = cp949 ? Encodings.CP949 : StandardCharsets.UTF_8;
        String[] eols = {"\n", "\r\n", "\r"};
        String eol = eols[random.nextInt(10) < 6 ? 0 : random.nextInt(3)];
        boolean mixedEol = random.nextInt(8) == 0;
        char delimiter = random.nextInt(8) == 0 ? ';' : ',';
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!cp949 && random.nextInt(5) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < n; i++) {
            header.append(i == 0 ? "" : String.valueOf(delimiter)).append(random.nextInt(30) == 0 ? "x" : "f" + (i + 1));
        }
        out.writeBytes(encode(header + eol, charset));
        int rows = random.nextInt(60);
        long id = 0;
        for (int r = 0; r < rows; r++) {
            String lineEnd = mixedEol ? eols[random.nextInt(3)] : eol;
            int kind = random.nextInt(40);
            if (kind == 0) {
                out.writeBytes(encode(lineEnd, charset)); // blank record
                continue;
            }
            int cells = kind == 1 ? Math.max(1, n - 1 - random.nextInt(2)) : kind == 2 ? n + 1 + random.nextInt(2) : n;
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells; c++) {
                String value = c < n ? cell(random, specs.get(c), c == 0 ? ++id : 0) : cell(random, "", 0);
                line.append(c == 0 ? "" : String.valueOf(delimiter)).append(quoted(random, value, delimiter));
            }
            boolean last = r == rows - 1;
            byte[] bytes = encode(line + (last && random.nextBoolean() ? "" : lineEnd), charset);
            if (random.nextInt(80) == 0 && bytes.length > 0) {
                // a byte that is not valid in the encoding
                int at = random.nextInt(bytes.length);
                ByteArrayOutputStream broken = new ByteArrayOutputStream();
                broken.write(bytes, 0, at);
                broken.write(cp949 ? 0xFF : random.nextBoolean() ? 0xFF : 0xC3);
                broken.write(bytes, at, bytes.length - at);
                bytes = broken.toByteArray();
            }
            out.writeBytes(bytes);
        }
        if (random.nextInt(40) == 0) {
            out.writeBytes(encode("\"unclosed" + eol + "x", charset));
        }
        Path file = Files.createTempFile("parallel", ".csv");
        try {
            Files.write(file, out.toByteArray());
            int maxCell = random.nextInt(6) == 0 ? 1 + random.nextInt(12) : Tables.Options.DEFAULT_MAX_CELL_CHARS;
            int maxColumns = random.nextInt(8) == 0 ? 2 + random.nextInt(4) : Tables.Options.DEFAULT_MAX_COLUMNS;
            Validator.Options options = Validator.Options.defaults()
                    .withSchema(tableSchema)
                    .withDuplicateRow(random.nextInt(4) == 0)
                    .withKoreanRules(random.nextInt(5) != 0)
                    .withLimitErrors(random.nextInt(4) == 0 ? 3 : 1000)
                    .withRead(new Tables.Options(null, null, maxCell, maxColumns));
            int chunk = 1 + random.nextInt(random.nextBoolean() ? 8 : 200);
            ValidationReport expected = new Validator(0).validate(file, "t.csv", options);
            ValidationReport actual = new Validator(chunk).validate(file, "t.csv", options);
            String context = "seed " + seed + ", range " + chunk + " bytes, schema " + schema + "\n"
                    + new String(out.toByteArray(), charset);
            assertThat(actual.encoding()).as(context).isEqualTo(expected.encoding());
            assertThat(actual.tasks()).as(context).hasSameSizeAs(expected.tasks());
            for (int t = 0; t < expected.tasks().size(); t++) {
                ValidationReport.Task e = expected.tasks().get(t);
                ValidationReport.Task a = actual.tasks().get(t);
                assertThat(a.errors()).as(context).containsExactlyElementsOf(e.errors());
                assertThat(List.copyOf(a.errorCounts().entrySet())).as(context)
                        .containsExactlyElementsOf(List.copyOf(e.errorCounts().entrySet()));
                assertThat(a.rows()).as(context).isEqualTo(e.rows());
                assertThat(a.cells()).as(context).isEqualTo(e.cells());
                assertThat(a.errorCells()).as(context).isEqualTo(e.errorCells());
                assertThat(a.errorsTruncated()).as(context).isEqualTo(e.errorsTruncated());
                assertThat(a).as(context).isEqualTo(e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] encode(String s, Charset charset) {
        return s.getBytes(charset);
    }

    private static String quoted(Random random, String value, char delimiter) {
        boolean must = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        int style = random.nextInt(30);
        if (style == 0) {
            return "\"" + value.replace("\"", "\"\"") + "\"tail"; // text after the closing quote
        }
        if (style == 1 && !must) {
            return value + "\"mid"; // a quote inside an unquoted cell
        }
        return must || style < 5 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String cell(Random random, String spec, long id) {
        int pick = random.nextInt(10);
        if (pick < 3) {
            return EDGE[random.nextInt(EDGE.length)];
        }
        if (pick == 3) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(8);
            for (int i = 0; i < len; i++) {
                char c = JUNK[random.nextInt(JUNK.length)];
                sb.append(c);
            }
            return sb.toString();
        }
        if (id > 0 && random.nextInt(4) != 0) {
            return String.valueOf(random.nextInt(20) == 0 ? Math.max(1, id - 1) : id);
        }
        return valid(random, spec);
    }

    /** A value of the kind the spec asks for, mostly valid. */
    private static String valid(Random random, String spec) {
        if (spec.contains("\"integer\"")) {
            return String.valueOf(random.nextInt(2000) - 10);
        }
        if (spec.contains("\"number\"")) {
            return random.nextInt(150) + (random.nextBoolean() ? "." + random.nextInt(100) : "");
        }
        if (spec.contains("\"date\"")) {
            return String.format("%04d-%02d-%02d", 1990 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(31));
        }
        if (spec.contains("\"datetime\"")) {
            return String.format("2025-%02d-%02d%c%02d:%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextBoolean() ? 'T' : ' ', random.nextInt(25), random.nextInt(60), random.nextInt(61));
        }
        if (spec.contains("\"boolean\"")) {
            return random.nextBoolean() ? "true" : "0";
        }
        if (spec.contains("phone")) {
            return "02-" + (100 + random.nextInt(9900)) + "-" + (1000 + random.nextInt(9000));
        }
        if (spec.contains("business-number")) {
            String nine = String.format("%09d", random.nextInt(1_000_000_000));
            return nine.substring(0, 3) + "-" + nine.substring(3, 5) + "-" + nine.substring(5) + random.nextInt(10);
        }
        if (spec.contains("postal-code")) {
            return String.format("%05d", random.nextInt(100_000));
        }
        if (spec.contains("email")) {
            return "user" + random.nextInt(100) + "@example.kr";
        }
        String[] words = {"시설", "강남구", "A", "B", "가", "동1", "서울특별시 종로구 세종대로 1", "비고 없음", "ok"};
        return words[random.nextInt(words.length)] + (random.nextBoolean() ? "" : String.valueOf(random.nextInt(10)));
    }
}
