package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.schema.TableSchemaJson;
import kr.sotong.opendata.standardise.Fix;
import kr.sotong.opendata.standardise.Standardisation;
import kr.sotong.opendata.table.Tables;
import kr.sotong.opendata.validation.ValidationError;
import kr.sotong.opendata.validation.ValidationReport;
import kr.sotong.opendata.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standardisation round trip: the fixes remove the Korean-standard errors, the original is untouched, applying twice changes nothing. */
class StandardisationTest {

    @TempDir
    Path tmp;

    @Test
    void fixesRemoveStandardErrorsAndKeepTheOriginal() throws Exception {
        Path source = tmp.resolve("korean.csv");
        try (InputStream in = getClass().getResourceAsStream("/opendata/fixtures/korean.csv")) {
            Files.copy(in, source);
        }
        TableSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/opendata/fixtures/korean.schema.json")) {
            schema = TableSchemaJson.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        String before = sha(source);
        Validator validator = new Validator();
        ValidationReport original = validator.validate(source, "korean.csv", Validator.Options.defaults().withSchema(schema));
        assertThat(original.errorTotal()).isEqualTo(9);

        List<Standardisation.FieldFixes> fixes = Standardisation.propose(schema);
        assertThat(fixes.get(2).fixes()).contains(Fix.PHONE);
        assertThat(fixes.get(5).fixes()).contains(Fix.DATE_ISO);
        Standardisation.Preview preview = Standardisation.preview(source, "korean.csv", Tables.Options.defaults(), fixes, 100);
        assertThat(preview.sample()).anySatisfy(c -> {
            assertThat(c.before()).isEqualTo("2025.3.1");
            assertThat(c.after()).isEqualTo("2025-03-01");
        });
        assertThat(preview.counts()).containsKeys(Fix.PHONE, Fix.YN, Fix.DATE_ISO, Fix.THOUSANDS, Fix.BUSINESS_NUMBER);

        Path fixed = tmp.resolve("fixed.csv");
        long rows = Standardisation.apply(source, "korean.csv", Tables.Options.defaults(), fixes, fixed);
        assertThat(rows).isEqualTo(3);
        assertThat(sha(source)).as("the original is never changed").isEqualTo(before);
        TableSchema fixedSchema = Standardisation.fixedSchema(schema, fixes);
        ValidationReport after = validator.validate(fixed, "fixed.csv", Validator.Options.defaults().withSchema(fixedSchema));
        // left: the checksum-invalid business number (124-81-00990), the 4-digit postal code and the decimal "amount" 12.5
        assertThat(after.errors()).extracting(e -> e.rowNumber() + "," + e.fieldNumber() + "," + e.rule())
                .containsExactlyInAnyOrder("3,4,business-number", "3,8,postal-code", "4,7,amount");
        assertThat(after.errors()).allMatch(e -> e.type().equals(ValidationError.KR_STANDARD));
        String text = Files.readString(fixed);
        assertThat(text).contains("02-2627-2114").contains("2025-03-01").contains("124-81-00998").contains("\"시흥\"\"1\"\"동\"");

        Path twice = tmp.resolve("twice.csv");
        Standardisation.apply(fixed, "fixed.csv", Tables.Options.defaults(), Standardisation.propose(fixedSchema), twice);
        assertThat(Files.readString(twice)).isEqualTo(text);
    }

    @Test
    void codeMappingAndFullWidthAndTrim() {
        var f = new Standardisation.FieldFixes(0, "구", java.util.EnumSet.of(Fix.TRIM, Fix.FULL_WIDTH, Fix.CODE_MAP),
                java.util.Map.of("금천구", "11545"));
        assertThat(Standardisation.fix("  금천구 ", f)).isEqualTo("11545");
        var digits = new Standardisation.FieldFixes(0, "n", java.util.EnumSet.of(Fix.FULL_WIDTH, Fix.THOUSANDS), null);
        assertThat(Standardisation.fix("１，２３４", digits)).isEqualTo("1234");
        var yn = new Standardisation.FieldFixes(0, "yn", java.util.EnumSet.of(Fix.YN), null);
        assertThat(List.of("예", "y", "O", "아니오", "x", "모름")).extracting(v -> Standardisation.fix(v, yn))
                .containsExactly("Y", "Y", "Y", "N", "N", "모름");
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
