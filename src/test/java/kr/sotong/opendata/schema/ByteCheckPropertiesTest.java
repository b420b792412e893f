package kr.sotong.opendata.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kr.sotong.opendata.table.Encodings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The byte shortcut never accepts a cell the general path would flag: whenever {@link ByteCheck#clean} says yes
 * for the cell's bytes (UTF-8, or CP949 with the shortcut limited to ASCII), the general path — decode,
 * {@link CompiledField#cast}, {@link CompiledField#violations}, the Korean rule — finds nothing, and an integer's
 * value is the one {@code cast} gives. And it does say yes for the plain well-formed values it exists for.
 */
class ByteCheckPropertiesTest {

    static final String[] FIELDS = {
            "{\"name\": \"f\", \"type\": \"integer\"}",
            "{\"name\": \"f\", \"type\": \"integer\", \"constraints\": {\"minimum\": -5, \"maximum\": 1000}}",
            "{\"name\": \"f\", \"type\": \"integer\", \"constraints\": {\"maximum\": 123456789012345678901}}",
            "{\"name\": \"f\", \"type\": \"integer\", \"krType\": \"quantity\"}",
            "{\"name\": \"f\", \"type\": \"integer\", \"krType\": \"amount\", \"constraints\": {\"minimum\": 0}}",
            "{\"name\": \"f\", \"type\": \"number\"}",
            "{\"name\": \"f\", \"type\": \"number\", \"constraints\": {\"minimum\": 33.5, \"maximum\": 1E+2}}",
            "{\"name\": \"f\", \"type\": \"number\", \"constraints\": {\"minimum\": -0.001, \"maximum\": 123456789012345678.5}}",
            "{\"name\": \"f\", \"type\": \"number\", \"constraints\": {\"minimum\": 0.000000000000000001, \"maximum\": 9223372036854775807}}",
            "{\"name\": \"f\", \"type\": \"number\", \"krType\": \"rate\", \"constraints\": {\"minimum\": 0, \"maximum\": 100}}",
            "{\"name\": \"f\", \"type\": \"string\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"constraints\": {\"minLength\": 2, \"maxLength\": 3}}",
            "{\"name\": \"f\", \"type\": \"string\", \"constraints\": {\"enum\": [\"A\", \"가\", \"1\"]}}",
            "{\"name\": \"f\", \"type\": \"string\", \"constraints\": {\"pattern\": \"[0-9]{2}\"}}",
            "{\"name\": \"f\", \"type\": \"string\", \"format\": \"email\"}",
            "{\"name\": \"f\", \"type\": \"boolean\", \"trueValues\": [\"예\", \"1\"], \"falseValues\": [\"아니오\", \"0\"]}",
            "{\"name\": \"f\", \"type\": \"boolean\"}",
            "{\"name\": \"f\", \"type\": \"date\"}",
            "{\"name\": \"f\", \"type\": \"date\", \"krType\": \"date\"}",
            "{\"name\": \"f\", \"type\": \"datetime\"}",
            "{\"name\": \"f\", \"type\": \"datetime\", \"format\": \"any\", \"krType\": \"datetime\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"krType\": \"datetime\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"krType\": \"yn\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"krType\": \"code\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"krType\": \"phone\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"krType\": \"postal-code\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"krType\": \"business-number\"}",
            "{\"name\": \"f\", \"type\": \"string\", \"krType\": \"address\"}",
    };

    static CompiledField field(int spec) {
        return new CompiledField(TableSchemaJson.read("{\"fields\": [" + FIELDS[spec] + "]}").fields().get(0), 1);
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> shaped = Arbitraries.strings()
                .withChars("0123456789-+.eE :T@가힣ａ１٣YNy_\"é😀")
                .ofMaxLength(22);
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(21)
                .flatMap(d -> Arbitraries.of("", "-", "+", " ").map(sign -> sign + d));
        Arbitrary<String> decimals = Combinators.combine(digits, Arbitraries.strings().withChars("0123456789").ofMaxLength(20))
                .as((a, b) -> a + "." + b);
        Arbitrary<String> dates = Combinators.combine(Arbitraries.integers().between(0, 10000), Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 25), Arbitraries.of("", "-", "T", " ", ":"))
                .as((y, m, d, h, sep) -> String.format("%04d-%02d-%d", y, m, d) + (sep.isEmpty() ? "" : sep + String.format("%02d:%02d:%02d", h, m, d)));
        Arbitrary<String> korean = Arbitraries.of("02-123-4567", "010-1234-5678", "031-1234-5678", "070-123-4567", "02-12-34567",
                "123-45-67891", "000-00-00000", "123-45-6789", "A_b.c-1", "가나다", "a@b.kr", "a@b.", "@b.kr", "가@나.kr",
                "12345", "1234", "１２３４５", "Y", "N", "예", "아니오", "true", "0", "99.99", "999.999", "-1.5", "1e3", "NaN");
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, shaped), net.jqwik.api.Tuple.of(3, digits), net.jqwik.api.Tuple.of(2, decimals),
                net.jqwik.api.Tuple.of(2, dates), net.jqwik.api.Tuple.of(2, korean), net.jqwik.api.Tuple.of(1, any));
    }

    @Property(tries = 3000)
    void acceptedCellsPassTheGeneralPath(@ForAll("cells") String cell, @ForAll("specs") int spec) {
        check(cell, spec, false);
        check(cell, spec, true);
    }

    @Provide
    Arbitrary<Integer> specs() {
        return Arbitraries.integers().between(0, FIELDS.length - 1);
    }

    private static void check(String cell, int spec, boolean cp949) {
        CompiledField f = field(spec);
        Charset charset = cp949 ? Encodings.CP949 : StandardCharsets.UTF_8;
        if (!charset.newEncoder().canEncode(cell)) {
            return; // a lone surrogate, or a character CP949 does not have: no file holds it
        }
        byte[] bytes = ("xx" + cell + "yy").getBytes(charset); // the cell inside a larger buffer
        int from = "xx".getBytes(charset).length;
        int to = bytes.length - 2;
        for (boolean korean : List.of(true, false)) {
            ByteCheck check = new ByteCheck(f, !cp949, korean);
            if (!check.clean(bytes, from, to)) {
                continue;
            }
            String decoded = new String(bytes, from, to - from, charset);
            assertThat(decoded).as(FIELDS[spec]).isEqualTo(cell);
            Object value = f.cast(decoded);
            assertThat(value).as("cast %s of '%s'", FIELDS[spec], cell).isNotSameAs(CompiledField.INVALID);
            assertThat(f.violations(value, decoded)).as("violations %s of '%s'", FIELDS[spec], cell).isEmpty();
            if (korean && f.field().krType() != null) {
                assertThat(KoreanRules.check(f.field().krType(), decoded)).as("%s of '%s'", FIELDS[spec], cell).isNull();
            }
            if (check.longValued()) {
                assertThat(value).isEqualTo(check.longValue(bytes, from, to));
            }
        }
    }

    /** The shapes the shortcut is for do take it (otherwise it would be correct but useless). */
    @Property(tries = 500)
    void plainValuesTakeTheShortcut(@ForAll("plain") String cell) {
        assertThat(clean(0, cell)).isEqualTo(cell.matches("-?[0-9]{1,18}"));
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.longs().map(String::valueOf);
    }

    @Property(tries = 200)
    void numberBoundsComparedOnLongsAgreeWithBigDecimal(@ForAll long unscaled, @ForAll("scales") int scale,
                                                        @ForAll long boundUnscaled, @ForAll("scales") int boundScale) {
        BigDecimal bound = BigDecimal.valueOf(boundUnscaled, boundScale);
        assertThat(Integer.signum(ByteCheck.compare(unscaled, scale, bound)))
                .isEqualTo(BigDecimal.valueOf(unscaled, scale).compareTo(bound));
    }

    @Provide
    Arbitrary<Integer> scales() {
        return Arbitraries.integers().between(-3, 20);
    }

    private static boolean clean(int spec, String cell) {
        byte[] b = cell.getBytes(StandardCharsets.UTF_8);
        return new ByteCheck(field(spec), true, true).clean(b, 0, b.length);
    }

    @Example
    void calendarAgreesWithLocalDate() {
        for (int y = 0; y <= 9999; y += y < 2100 ? 1 : 97) {
            for (int m = 0; m <= 13; m++) {
                for (int d = 0; d <= 32; d++) {
                    boolean valid;
                    try {
                        java.time.LocalDate.of(y, m, d);
                        valid = true;
                    } catch (java.time.DateTimeException e) {
                        valid = false;
                    }
                    assertThat(ByteCheck.validDate(y, m, d)).as("%d-%d-%d", y, m, d).isEqualTo(valid);
                }
            }
        }
    }

    @Example
    void examples() {
        assertThat(clean(0, "007")).isTrue();
        assertThat(clean(0, "+7")).isFalse(); // valid, but left to the general path
        assertThat(clean(0, "１２")).isFalse();
        assertThat(clean(0, "1234567890123456789")).isFalse();
        assertThat(clean(1, "1001")).isFalse();
        assertThat(clean(6, "100")).isTrue();
        assertThat(clean(6, "100.0001")).isFalse();
        assertThat(clean(9, "99.99")).isTrue();
        assertThat(clean(9, "99.999")).isFalse();
        assertThat(clean(11, "가나")).isTrue();
        assertThat(clean(11, "가나다라")).isFalse();
        assertThat(clean(12, "가")).isTrue();
        assertThat(clean(17, "2024-02-29")).isTrue();
        assertThat(clean(17, "2025-02-29")).isFalse();
        assertThat(clean(19, "2025-01-01T23:59:59")).isTrue();
        assertThat(clean(19, "2025-01-01T24:00:00")).isFalse();
        assertThat(clean(24, "02-123-4567")).isTrue();
        assertThat(clean(26, "123-45-67891")).isTrue();
        assertThat(clean(27, "서울 종로구 세종대로 1")).isFalse(); // regex rule: general path
        byte[] broken = {(byte) 0xEA, (byte) 0xB0};
        assertThat(new ByteCheck(field(10), true, true).clean(broken, 0, 2)).isFalse();
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(new ByteCheck(field(10), true, true).clean(surrogate, 0, 3)).isFalse();
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF};
        assertThat(new ByteCheck(field(10), true, true).clean(overlong, 0, 2)).isFalse();
    }
}
