package kr.sotong.opendata.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import kr.sotong.shared.PhoneNumber;

/**
 * Infers a Table Schema from the header and a bounded sample of rows. Field names follow Frictionless (a blank
 * label becomes {@code field<n>}, a repeated one gets a number); a type is chosen when at least 90% of the
 * sample's non-missing values fit it (Frictionless's default field confidence), the most specific type first:
 * Y/N, business registration number, phone, postal code, integer, amount with thousands separators, number,
 * date, datetime, code, address, text.
 */
public final class SchemaInference {

    public static final double CONFIDENCE = 0.9;
    public static final int SAMPLE_ROWS = 1000;

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,3}(,\\d{3})+|-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+|-?\\d+");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z가-힣_.\\-]{1,10}");
    private static final Pattern ADDRESS_HINT = Pattern.compile(".*(시|도|구|군)\\s.*(로|길|동|리|가).*");
    private static final Set<String> YN = Set.of("Y", "N", "y", "n", "예", "아니오", "아니요", "O", "X");

    private SchemaInference() {
    }

    /** Frictionless's naming of fields from header labels. */
    public static List<String> fieldNames(List<String> labels) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            names.add(l == null || l.isEmpty() ? "field" + (i + 1) : l);
        }
        if (new HashSet<>(names).size() != names.size()) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                int count = seen.merge(n, 1, Integer::sum);
                if (count > 1) {
                    names.set(i, n + count);
                }
            }
        }
        return names;
    }

    public static TableSchema infer(List<String> labels, List<List<String>> sample) {
        List<String> names = fieldNames(labels);
        List<SchemaField> fields = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            List<String> values = new ArrayList<>();
            for (List<String> row : sample) {
                if (c < row.size() && !row.get(c).isEmpty()) {
                    values.add(row.get(c));
                }
            }
            String label = c < labels.size() ? labels.get(c) : "";
            fields.add(inferField(names.get(c), label, values, sample.size()));
        }
        return new TableSchema(fields, List.of(), List.of(""));
    }

    static SchemaField inferField(String name, String label, List<String> values, int rows) {
        SchemaField f = SchemaField.of(name, "string");
        if (label != null && !label.isEmpty() && !label.equals(name)) {
            f = f.withTitle(label);
        }
        if (values.isEmpty()) {
            return f;
        }
        String l = label == null ? "" : label;
        if (fits(values, YN::contains)) {
            boolean exact = values.stream().allMatch(v -> v.equals("Y") || v.equals("N"));
            f = f.withKrType(KoreanType.YN);
            return exact ? f.withConstraints(Constraints.NONE.withEnum(List.of("Y", "N"))) : f;
        }
        if (fits(values, KoreanRules::isValidBusinessNumber)) {
            return f.withKrType(KoreanType.BUSINESS_NUMBER);
        }
        if ((l.contains("전화") || l.contains("연락처") || l.contains("휴대") || l.contains("팩스")
                || values.stream().allMatch(v -> v.contains("-")))
                && fits(values, v -> v.startsWith("0") && PhoneNumber.tryParse(v).valid())) {
            return f.withKrType(KoreanType.PHONE);
        }
        if (l.contains("우편") && fits(values, v -> v.matches("\\d{5}|\\d{3}-\\d{3}"))) {
            return f.withKrType(KoreanType.POSTAL_CODE);
        }
        if (fits(values, v -> INTEGER.matcher(v).matches())) {
            f = f.withType("integer");
            if (l.contains("금액") || l.contains("예산") || l.endsWith("(원)")) {
                return f.withKrType(KoreanType.AMOUNT);
            }
            if (l.contains("수량") || l.contains("개수") || l.contains("인원") || l.contains("건수")) {
                return f.withKrType(KoreanType.QUANTITY);
            }
            return f;
        }
        if (values.stream().anyMatch(v -> v.contains(",")) && fits(values, v -> AMOUNT.matcher(v).matches())) {
            return f.withType("number").withGroupChar(",").withKrType(KoreanType.AMOUNT);
        }
        if (fits(values, v -> NUMBER.matcher(v).matches())) {
            f = f.withType("number");
            return l.contains("율") || l.contains("률") ? f.withKrType(KoreanType.RATE) : f;
        }
        if (fits(values, v -> KoreanDates.parse(v) != null)) {
            Set<KoreanDates.Style> styles = new HashSet<>();
            boolean strict = true;
            for (String v : values) {
                KoreanDates.Parsed p = KoreanDates.parse(v);
                if (p != null) {
                    styles.add(p.style());
                    strict &= KoreanDates.isStrictIso(v);
                }
            }
            f = f.withType("date").withKrType(KoreanType.DATE);
            if (styles.size() == 1 && styles.contains(KoreanDates.Style.ISO)) {
                return f;
            }
            return styles.size() == 1 ? f.withFormat(styles.iterator().next().strptime) : f.withFormat("any");
        }
        if (fits(values, v -> DATETIME.matcher(v).matches())) {
            return f.withType("datetime").withKrType(KoreanType.DATETIME);
        }
        Set<String> distinct = new TreeSet<>(values);
        if (rows >= 20 && distinct.size() <= 20 && distinct.size() * 3 <= values.size()
                && values.stream().allMatch(v -> CODE.matcher(v).matches())) {
            return f.withKrType(KoreanType.CODE).withConstraints(Constraints.NONE.withEnum(List.copyOf(distinct)));
        }
        if ((l.contains("주소") || l.contains("소재지")) || fits(values, v -> ADDRESS_HINT.matcher(v).matches())) {
            if (fits(values, v -> KoreanRules.check(KoreanType.ADDRESS, v) == null || ADDRESS_HINT.matcher(v).matches())) {
                return f.withKrType(KoreanType.ADDRESS);
            }
        }
        return f;
    }

    private static boolean fits(List<String> values, Predicate<String> test) {
        int ok = 0;
        for (String v : values) {
            if (test.test(v)) {
                ok++;
            }
        }
        return ok >= Math.ceil(values.size() * CONFIDENCE);
    }
}
