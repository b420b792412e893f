package kr.sotong.opendata.schema;

import java.util.List;

/**
 * Table Schema field constraints. Bounds and enum values are kept as their JSON text and cast to the field's
 * type when the schema is compiled.
 */
public record Constraints(boolean required, boolean unique, String minimum, String maximum, Integer minLength,
                          Integer maxLength, String pattern, List<String> enumValues) {

    public static final Constraints NONE = new Constraints(false, false, null, null, null, null, null, null);

    public Constraints {
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
        pattern = pattern == null || pattern.isEmpty() ? null : pattern;
    }

    public boolean isEmpty() {
        return !required && !unique && minimum == null && maximum == null && minLength == null && maxLength == null
                && pattern == null && enumValues == null;
    }

    public Constraints withRequired(boolean value) {
        return new Constraints(value, unique, minimum, maximum, minLength, maxLength, pattern, enumValues);
    }

    public Constraints withUnique(boolean value) {
        return new Constraints(required, value, minimum, maximum, minLength, maxLength, pattern, enumValues);
    }

    public Constraints withEnum(List<String> values) {
        return new Constraints(required, unique, minimum, maximum, minLength, maxLength, pattern, values);
    }
}
