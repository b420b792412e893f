package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.opendata.schema.KoreanRules;
import kr.sotong.opendata.table.ByteCsvReader;
import kr.sotong.opendata.table.CsvReader;
import kr.sotong.opendata.table.TableReader;
import kr.sotong.opendata.table.Encodings;
import kr.sotong.opendata.validation.ValidationReport;
import kr.sotong.opendata.validation.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** jqwik properties and fuzzing of the parsers. */
class ParserPropertiesTest {

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars("ab가나,;\t|\"'\r\n =+-@ 1").ofMaxLength(12);
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t', '|');
    }

    @Property(tries = 300)
    void writtenCsvReadsBackCellForCell(@ForAll("delimiters") char delimiter,
                                        @ForAll @Size(min = 1, max = 8) List<@Size(min = 1, max = 6) List<@net.jqwik.api.From("cells") String>> rows,
                                        @ForAll boolean crlf) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            List<String> quoted = new ArrayList<>();
            for (String c : row) {
                quoted.add("\"" + c.replace("\"", "\"\"") + "\"");
            }
            csv.append(String.join(String.valueOf(delimiter), quoted)).append(eol);
        }
        for (TableReader reader : readers(csv.toString(), delimiter)) {
            assertReadsBack(reader, rows);
        }
    }

    /** Both tokenizers: chars (any encoding) and bytes (UTF-8/CP949). */
    static List<TableReader> readers(String csv, char delimiter) {
        return List.of(new CsvReader(new StringReader(csv), delimiter, '"', 1000, 100, "p", null),
                new ByteCsvReader(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8, delimiter, '"', 4000, 100, "p", null),
                new ByteCsvReader(new java.io.ByteArrayInputStream(csv.getBytes(Encodings.CP949)),
                        Encodings.CP949, delimiter, '"', 4000, 100, "p", null));
    }

    private static void assertReadsBack(TableReader reader, List<List<String>> rows) {
        List<List<String>> read = new ArrayList<>();
        read.add(new ArrayList<>(reader.header()));
        List<String> r;
        while ((r = reader.next()) != null) {
            read.add(new ArrayList<>(r));
        }
        assertThat(read).isEqualTo(rows);
        assertThat(reader.rowNumber()).isEqualTo(rows.size());
    }

    @Property(tries = 200)
    void unquotedCellsSplitOnDelimiterAndAnyLineEnd(@ForAll("delimiters") char delimiter,
                                                    @ForAll @IntRange(min = 1, max = 20) int rows,
                                                    @ForAll @IntRange(min = 1, max = 6) int cols) {
        String[] ends = {"\n", "\r\n", "\r"};
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                csv.append(j > 0 ? String.valueOf(delimiter) : "").append("r").append(i).append("c").append(j);
            }
            csv.append(ends[(i * 7 + cols) % 3]);
        }
        for (TableReader reader : readers(csv.toString(), delimiter)) {
            assertThat(reader.header()).hasSize(cols);
            int count = 1;
            List<String> r;
            while ((r = reader.next()) != null) {
                assertThat(r).hasSize(cols).first().isEqualTo("r" + count + "c0");
                count++;
            }
            assertThat(count).isEqualTo(rows);
        }
    }

    /** Any bytes at all: a report comes back, never an exception, and every error has a Korean message. */
    @Property(tries = 150)
    void arbitraryBytesNeverCrashTheValidator(@ForAll @Size(max = 600) byte[] bytes, @ForAll boolean zipHeader)
            throws IOException {
        Path f = Files.createTempFile("fuzz", ".csv");
        try {
            byte[] content = bytes;
            if (zipHeader) {
                content = new byte[bytes.length + 4];
                content[0] = 'P';
                content[1] = 'K';
                content[2] = 3;
                content[3] = 4;
                System.arraycopy(bytes, 0, content, 4, bytes.length);
            }
            Files.write(f, content);
            ValidationReport r = new Validator().validate(f, "fuzz.csv", Validator.Options.defaults().withDuplicateRow(true));
            assertThat(r.tasks()).isNotEmpty();
            assertThat(r.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** Text in either Korean encoding is detected and read back exactly. */
    @Property(tries = 100)
    void koreanTextInEitherEncodingIsDetected(@ForAll @Size(min = 1, max = 30) List<@net.jqwik.api.From("hangul") String> words,
                                              @ForAll boolean cp949) throws IOException {
        String text = "이름\n" + String.join("\n", words) + "\n";
        Path f = Files.createTempFile("enc", ".csv");
        try {
            Files.write(f, text.getBytes(cp949 ? Encodings.CP949 : StandardCharsets.UTF_8));
            ValidationReport r = new Validator().validate(f, "enc.csv", Validator.Options.defaults());
            assertThat(r.encoding()).isEqualTo(cp949 ? "CP949" : "UTF-8");
            assertThat(r.rows()).isEqualTo(words.size());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<String> hangul() {
        return Arbitraries.strings().withCharRange('가', '힣').ofMinLength(2).ofMaxLength(8);
    }

    /** Business registration numbers: a correct check digit passes, any other fails. */
    @Property(tries = 300)
    void businessNumberChecksum(@ForAll @IntRange(min = 0, max = 999_999_999) int body, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String nine = String.format("%09d", body);
        int[] w = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * w[i];
        }
        sum += (nine.charAt(8) - '0') * 5 / 10;
        int check = (10 - sum % 10) % 10;
        assertThat(KoreanRules.isValidBusinessNumber(nine + check)).isTrue();
        assertThat(KoreanRules.isValidBusinessNumber(nine + (check + shift) % 10)).isFalse();
        String hyphenated = nine.substring(0, 3) + "-" + nine.substring(3, 5) + "-" + nine.substring(5) + check;
        assertThat(KoreanRules.check(kr.sotong.opendata.schema.KoreanType.BUSINESS_NUMBER, hyphenated)).isNull();
    }
}
