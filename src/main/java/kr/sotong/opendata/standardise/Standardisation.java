package kr.sotong.opendata.standardise;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.opendata.schema.KoreanDates;
import kr.sotong.opendata.schema.KoreanRules;
import kr.sotong.opendata.schema.KoreanType;
import kr.sotong.opendata.schema.SchemaField;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.table.TableReadException;
import kr.sotong.opendata.table.TableReader;
import kr.sotong.opendata.table.Tables;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.PhoneNumber;

/**
 * Proposes and applies standardisation fixes field by field. Applying streams the source (first table) into a
 * new UTF-8 CSV; the original file is never touched, so it stays as the previous version.
 */
public final class Standardisation {

    private Standardisation() {
    }

    /** The fixes chosen for one field; {@code codeMap} maps values to codes for {@link Fix#CODE_MAP}. */
    public record FieldFixes(int index, String field, Set<Fix> fixes, Map<String, String> codeMap) {
        public FieldFixes {
            fixes = fixes.isEmpty() ? EnumSet.noneOf(Fix.class) : EnumSet.copyOf(fixes);
            codeMap = codeMap == null ? Map.of() : Map.copyOf(codeMap);
        }

        /** The code mapping as "value=code" lines, for the form. */
        public String codeText() {
            StringBuilder sb = new StringBuilder();
            codeMap.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            return sb.toString();
        }
    }

    public record Change(long rowNumber, int fieldNumber, String field, String before, String after, Fix fix) {
    }

    public record Preview(List<Change> sample, Map<Fix, Long> counts, long rows, long cellsChanged) {
    }

    /** What the schema suggests for each field: trimming and full-width everywhere, the domain's fix where it has one. */
    public static List<FieldFixes> propose(TableSchema schema) {
        List<FieldFixes> out = new ArrayList<>();
        for (int i = 0; i < schema.fields().size(); i++) {
            SchemaField f = schema.fields().get(i);
            Set<Fix> fixes = EnumSet.of(Fix.TRIM, Fix.FULL_WIDTH);
            KoreanType k = f.krType();
            if ("date".equals(f.type()) || k == KoreanType.DATE) {
                fixes.add(Fix.DATE_ISO);
            }
            if (k == KoreanType.PHONE) {
                fixes.add(Fix.PHONE);
            }
            if (k == KoreanType.YN) {
                fixes.add(Fix.YN);
            }
            if (k == KoreanType.AMOUNT || k == KoreanType.QUANTITY || f.groupChar() != null) {
                fixes.add(Fix.THOUSANDS);
            }
            if (k == KoreanType.BUSINESS_NUMBER) {
                fixes.add(Fix.BUSINESS_NUMBER);
            }
            out.add(new FieldFixes(i, f.name(), fixes, Map.of()));
        }
        return out;
    }

    /** The schema of the standardised file: ISO dates, no group separators. */
    public static TableSchema fixedSchema(TableSchema schema, List<FieldFixes> fixes) {
        List<SchemaField> fields = new ArrayList<>(schema.fields());
        for (FieldFixes ff : fixes) {
            if (ff.index() >= fields.size()) {
                continue;
            }
            SchemaField f = fields.get(ff.index());
            if (ff.fixes().contains(Fix.DATE_ISO) && "date".equals(f.type())) {
                f = f.withFormat("default");
            }
            if (ff.fixes().contains(Fix.THOUSANDS) && f.groupChar() != null) {
                f = f.withGroupChar(null);
            }
            if (ff.fixes().contains(Fix.YN) && f.constraints().enumValues() == null) {
                f = f.withConstraints(f.constraints().withEnum(List.of("Y", "N")));
            }
            fields.set(ff.index(), f);
        }
        return schema.withFields(fields);
    }

    /** Applies the field's fixes in a fixed order; returns the value and the last fix that changed it. */
    static Object[] apply(String value, FieldFixes f) {
        String v = value;
        Fix last = null;
        for (Fix fix : f.fixes()) {
            String next = one(fix, v, f.codeMap());
            if (!next.equals(v)) {
                v = next;
                last = fix;
            }
        }
        return new Object[] {v, last};
    }

    public static String fix(String value, FieldFixes f) {
        return (String) apply(value, f)[0];
    }

    static String one(Fix fix, String v, Map<String, String> codes) {
        if (v.isEmpty()) {
            return v;
        }
        switch (fix) {
            case TRIM:
                return v.strip();
            case FULL_WIDTH: {
                StringBuilder sb = null;
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    if (c >= '\uFF01' && c <= '\uFF5E' || c == '\u3000') {
                        if (sb == null) {
                            sb = new StringBuilder(v.substring(0, i));
                        }
                        sb.append(c == '\u3000' ? ' ' : (char) (c - 0xFEE0));
                    } else if (sb != null) {
                        sb.append(c);
                    }
                }
                return sb == null ? v : sb.toString();
            }
            case DATE_ISO: {
                KoreanDates.Parsed p = KoreanDates.parse(Normalizer.normalize(v, Normalizer.Form.NFKC));
                return p == null ? v : p.date().toString();
            }
            case PHONE: {
                PhoneNumber.Result r = PhoneNumber.tryParse(v);
                return r.valid() ? r.number().formatted() : v;
            }
            case YN:
                return switch (v.strip()) {
                    case "Y", "y", "예", "네", "O", "o", "○", "있음", "Yes", "yes", "YES", "TRUE", "true" -> "Y";
                    case "N", "n", "아니오", "아니요", "X", "x", "×", "없음", "No", "no", "NO", "FALSE", "false" -> "N";
                    default -> v;
                };
            case THOUSANDS:
                return v.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? v.replace(",", "") : v;
            case BUSINESS_NUMBER: {
                String d = v.replaceAll("[^0-9]", "");
                return d.length() == 10 && KoreanRules.isValidBusinessNumber(d)
                        ? d.substring(0, 3) + "-" + d.substring(3, 5) + "-" + d.substring(5) : v;
            }
            case CODE_MAP:
                return codes.getOrDefault(v, v);
            default:
                return v;
        }
    }

    public static Preview preview(Path file, String name, Tables.Options read, List<FieldFixes> fixes, int sampleLimit) {
        List<Change> sample = new ArrayList<>();
        Map<Fix, Long> counts = new EnumMap<>(Fix.class);
        long[] totals = new long[2];
        run(file, name, read, fixes, (row, cells, fixed, changes) -> {
            totals[0]++;
            for (Change c : changes) {
                totals[1]++;
                counts.merge(c.fix(), 1L, Long::sum);
                if (sample.size() < sampleLimit) {
                    sample.add(c);
                }
            }
        });
        return new Preview(sample, counts, totals[0], totals[1]);
    }

    /** Writes the standardised first table of {@code file} as UTF-8 CSV to {@code out}; returns the data rows. */
    public static long apply(Path file, String name, Tables.Options read, List<FieldFixes> fixes, Path out) {
        long[] rows = new long[1];
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            run(file, name, read, fixes, new RowSink() {
                @Override
                public void header(List<String> labels) throws IOException {
                    csv.row(labels);
                }

                @Override
                public void row(long rowNumber, List<String> cells, List<String> fixed, List<Change> changes) throws IOException {
                    rows[0]++;
                    csv.row(fixed);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("정제한 파일을 쓰지 못했습니다: " + e.getMessage(), e);
        }
        return rows[0];
    }

    interface RowSink {
        default void header(List<String> labels) throws IOException {
        }

        void row(long rowNumber, List<String> cells, List<String> fixed, List<Change> changes) throws IOException;
    }

    private static void run(Path file, String name, Tables.Options read, List<FieldFixes> fixes, RowSink sink) {
        Map<Integer, FieldFixes> byIndex = new LinkedHashMap<>();
        fixes.forEach(f -> byIndex.put(f.index(), f));
        try (Tables tables = Tables.open(file, name, read)) {
            if (!tables.hasNext()) {
                throw new DomainException("opendata.standardise.empty", "정제할 표가 없습니다.");
            }
            try (TableReader reader = tables.next()) {
                List<String> labels = reader.header();
                sink.header(labels);
                List<String> cells;
                while ((cells = reader.next()) != null) {
                    List<String> fixed = new ArrayList<>(cells.size());
                    List<Change> changes = new ArrayList<>(0);
                    for (int i = 0; i < cells.size(); i++) {
                        String before = cells.get(i);
                        FieldFixes ff = byIndex.get(i);
                        if (ff == null) {
                            fixed.add(before);
                            continue;
                        }
                        Object[] r = apply(before, ff);
                        String after = (String) r[0];
                        fixed.add(after);
                        if (r[1] != null) {
                            changes.add(new Change(reader.rowNumber(), i + 1, ff.field(), before, after, (Fix) r[1]));
                        }
                    }
                    sink.row(reader.rowNumber(), cells, fixed, changes);
                }
            }
        } catch (TableReadException e) {
            throw new DomainException("opendata.standardise.read", "원본 파일을 읽을 수 없어 정제하지 못했습니다: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
