package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.schema.TableSchemaJson;
import kr.sotong.opendata.table.Encodings;
import kr.sotong.opendata.validation.ValidationError;
import kr.sotong.opendata.validation.ValidationReport;
import kr.sotong.opendata.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fixture per Frictionless error code (src/test/resources/opendata/fixtures). Each expected list is what
 * {@code frictionless validate <file> --schema <schema>} reports as {@code report.flatten(["rowNumber",
 * "fieldNumber", "type"])}, derived from Frictionless v5's rules (docs/opendata-validation.md walks through
 * each): rows count records from 1 with the header as row 1, fields count from 1, header errors and row-level
 * errors have no field/row number ("None"). Frictionless itself cannot be installed here, so the expectations
 * are written out by hand from those rules; the first fixture is the published example of Frictionless's
 * validation guide, whose output is printed in its documentation.
 */
class FrictionlessFixturesTest {

    @TempDir
    Path tmp;

    private final Validator validator = new Validator();

    @Test
    void documentedInvalidCsvGivesThePublishedReport() throws IOException {
        // Frictionless's validation guide, "invalid.csv": printed flatten() output in its docs
        assertThat(flat(validate("invalid.csv", null, false))).containsExactly(
                "None,3,blank-label", "None,4,duplicate-label", "2,3,missing-cell", "2,4,missing-cell",
                "3,3,missing-cell", "3,4,missing-cell", "4,None,blank-row", "5,5,extra-cell");
    }

    @Test
    void raggedRowsGiveMissingAndExtraCells() throws IOException {
        // short rows: one missing-cell per absent field; long rows: one extra-cell per surplus cell
        assertThat(flat(validate("ragged.csv", "ragged.schema.json", false))).containsExactly(
                "3,3,missing-cell", "4,4,extra-cell", "4,5,extra-cell", "5,2,missing-cell", "5,3,missing-cell");
    }

    @Test
    void headerLabelsAreComparedByPosition() throws IOException {
        // order: extra labels, missing labels, then per position blank / duplicate / incorrect (case-sensitive)
        assertThat(flat(validate("labels.csv", "labels.schema.json", false))).containsExactly(
                "None,6,extra-label", "None,2,blank-label", "None,4,duplicate-label", "None,5,incorrect-label",
                "2,6,extra-cell");
    }

    @Test
    void missingLabelWhenTheFileHasFewerColumns() throws IOException {
        Path f = write("short.csv", "id,name\n1,Kim\n");
        TableSchema schema = TableSchemaJson.read("""
                {"fields":[{"name":"id","type":"integer"},{"name":"name"},{"name":"phone"}]}""");
        ValidationReport r = validator.validate(f, "short.csv", Validator.Options.defaults().withSchema(schema));
        assertThat(flat(r)).containsExactly("None,3,missing-label", "2,3,missing-cell");
    }

    @Test
    void typeErrorsFollowFrictionlessCasting() throws IOException {
        // "12원" is no bare number, 2025-13-01 no date, "yes" not in trueValues, 2025-3-1 IS a %Y-%m-%d date
        assertThat(flat(validate("types.csv", "types.schema.json", false))).containsExactly(
                "3,1,type-error", "3,2,type-error", "3,3,type-error", "3,4,type-error", "3,5,type-error",
                "5,3,type-error");
    }

    @Test
    void constraintErrorsOnePerBrokenConstraint() throws IOException {
        assertThat(flat(validate("constraints.csv", "constraints.schema.json", false))).containsExactly(
                "3,2,constraint-error", "3,3,constraint-error", "3,5,constraint-error",
                "4,2,constraint-error", "4,3,constraint-error", "4,4,constraint-error", "4,5,constraint-error",
                "4,5,constraint-error", "5,1,constraint-error");
    }

    @Test
    void uniqueAndPrimaryKeyCompareTypedValues() throws IOException {
        // "01" and "1" are the same integer; empty e-mails are not compared
        ValidationReport r = validate("unique.csv", "unique.schema.json", false);
        assertThat(flat(r)).containsExactly("3,None,primary-key", "4,2,unique-error", "7,None,primary-key");
        assertThat(r.errors().get(1).note()).isEqualTo("the same as in the row at position 2");
    }

    @Test
    void blankRowsReplaceTheirCellErrors() throws IOException {
        // ",," and an empty line are blank rows (the required id is not reported); "   " is a value, not blank
        assertThat(flat(validate("blank-rows.csv", "blank-rows.schema.json", false))).containsExactly(
                "3,None,blank-row", "4,None,blank-row", "6,1,type-error");
    }

    @Test
    void duplicateRowIsAnOptionalCheck() throws IOException {
        assertThat(flat(validate("duplicate-rows.csv", null, false))).isEmpty();
        assertThat(flat(validate("duplicate-rows.csv", null, true))).containsExactly(
                "4,None,duplicate-row", "5,None,duplicate-row");
    }

    @Test
    void koreanStandardRulesAreExtraErrorsOnCellsFrictionlessAccepts() throws IOException {
        ValidationReport r = validate("korean.csv", "korean.schema.json", false);
        assertThat(flat(r)).as("nothing Frictionless would report").isEmpty();
        assertThat(r.delimiter()).isEqualTo(";");
        List<String> kr = r.errors().stream().filter(e -> !e.frictionless())
                .map(e -> e.rowNumber() + "," + e.fieldNumber() + "," + e.rule()).toList();
        assertThat(kr).containsExactly("2,7,amount", "3,3,phone", "3,4,business-number", "3,5,yn", "3,6,date",
                "3,8,postal-code", "4,4,business-number", "4,6,date", "4,7,amount");
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        assertThat(r.errors().get(2).message()).contains("검증번호");
    }

    @Test
    void cp949IsDetectedAndForcedUtf8GivesEncodingError() throws IOException {
        Path f = tmp.resolve("cp949.csv");
        Files.write(f, "번호,시설명,주소\n1,금천구청,서울특별시 금천구 시흥대로73길 70\n2,독산도서관,서울특별시 금천구 독산동 1000\n"
                .getBytes(Encodings.CP949));
        ValidationReport detected = validator.validate(f, "cp949.csv", Validator.Options.defaults());
        assertThat(detected.encoding()).isEqualTo("CP949");
        assertThat(detected.errors()).isEmpty();
        assertThat(detected.tasks().get(0).schema().fields().get(1).name()).isEqualTo("시설명");

        ValidationReport forced = validator.validate(f, "cp949.csv", Validator.Options.defaults()
                .withRead(kr.sotong.opendata.table.Tables.Options.defaults().withEncoding("utf-8")));
        assertThat(flat(forced)).containsExactly("None,None,encoding-error");
        assertThat(forced.errors().get(0).message()).contains("인코딩");
        assertThat(forced.errorRate()).isEqualByComparingTo("100");
    }

    @Test
    void utf8WithBomIsReadWithoutTheBom() throws IOException {
        Path f = tmp.resolve("bom.csv");
        byte[] body = "번호,이름\n1,김\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        ValidationReport r = validator.validate(f, "bom.csv", Validator.Options.defaults());
        assertThat(r.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(r.tasks().get(0).schema().fields().get(0).name()).isEqualTo("번호");
    }

    private ValidationReport validate(String fixture, String schema, boolean duplicateRow) throws IOException {
        Path file = copy(fixture);
        Validator.Options o = Validator.Options.defaults().withDuplicateRow(duplicateRow);
        if (schema != null) {
            o = o.withSchema(TableSchemaJson.read(Files.readString(copy(schema))));
        }
        return validator.validate(file, fixture, o);
    }

    private Path copy(String fixture) throws IOException {
        Path target = tmp.resolve(fixture);
        try (InputStream in = getClass().getResourceAsStream("/opendata/fixtures/" + fixture)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    /** Frictionless's {@code report.flatten(["rowNumber", "fieldNumber", "type"])}, Frictionless codes only. */
    static List<String> flat(ValidationReport report) {
        return report.errors().stream().filter(ValidationError::frictionless)
                .map(e -> (e.rowNumber() == null ? "None" : e.rowNumber()) + ","
                        + (e.fieldNumber() == null ? "None" : e.fieldNumber()) + "," + e.type())
                .toList();
    }
}
