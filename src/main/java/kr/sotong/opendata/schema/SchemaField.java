package kr.sotong.opendata.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Table Schema field. {@code type}/{@code format} are Frictionless's; {@code krType} names a Korean domain
 * rule; {@code extra} keeps any other property of an imported schema so it is written back unchanged.
 */
public record SchemaField(String name, String title, String description, String type, String format,
                          Constraints constraints, KoreanType krType, String groupChar, String decimalChar,
                          Boolean bareNumber, List<String> trueValues, List<String> falseValues,
                          Map<String, String> extra) {

    public static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "date", "datetime",
            "time", "year", "yearmonth", "any", "object", "array", "duration", "geopoint", "geojson");

    public SchemaField {
        if (name == null) {
            throw new SchemaException("필드 이름(name)이 없습니다.");
        }
        type = type == null || type.isBlank() ? "string" : type;
        if (!TYPES.contains(type)) {
            throw new SchemaException("'" + name + "' 필드의 형식(type)을 알 수 없습니다: " + type);
        }
        format = format == null || format.isBlank() ? "default" : format;
        constraints = constraints == null ? Constraints.NONE : constraints;
        trueValues = trueValues == null ? null : List.copyOf(trueValues);
        falseValues = falseValues == null ? null : List.copyOf(falseValues);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static SchemaField of(String name, String type) {
        return new SchemaField(name, null, null, type, null, null, null, null, null, null, null, null, null);
    }

    public SchemaField withConstraints(Constraints c) {
        return new SchemaField(name, title, description, type, format, c, krType, groupChar, decimalChar, bareNumber,
                trueValues, falseValues, extra);
    }

    public SchemaField withFormat(String f) {
        return new SchemaField(name, title, description, type, f, constraints, krType, groupChar, decimalChar, bareNumber,
                trueValues, falseValues, extra);
    }

    public SchemaField withType(String t) {
        return new SchemaField(name, title, description, t, format, constraints, krType, groupChar, decimalChar,
                bareNumber, trueValues, falseValues, extra);
    }

    public SchemaField withKrType(KoreanType k) {
        return new SchemaField(name, title, description, type, format, constraints, k, groupChar, decimalChar,
                bareNumber, trueValues, falseValues, extra);
    }

    public SchemaField withGroupChar(String g) {
        return new SchemaField(name, title, description, type, format, constraints, krType, g, decimalChar,
                bareNumber, trueValues, falseValues, extra);
    }

    public SchemaField withTitle(String t) {
        return new SchemaField(name, t, description, type, format, constraints, krType, groupChar, decimalChar,
                bareNumber, trueValues, falseValues, extra);
    }
}
