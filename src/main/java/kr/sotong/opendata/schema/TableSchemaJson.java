package kr.sotong.opendata.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes Frictionless Table Schema JSON. Korean domains are the custom field property {@code krType};
 * unknown field properties of an imported schema are kept and written back.
 */
public final class TableSchemaJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> KNOWN = Set.of("name", "title", "description", "type", "format", "constraints",
            "krType", "groupChar", "decimalChar", "bareNumber", "trueValues", "falseValues");

    private TableSchemaJson() {
    }

    public static TableSchema read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new SchemaException("Table Schema JSON을 읽을 수 없습니다: JSON 문법 오류 (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new SchemaException("Table Schema는 JSON 객체여야 합니다.");
        }
        JsonNode fieldsNode = root.get("fields");
        if (fieldsNode == null || !fieldsNode.isArray()) {
            throw new SchemaException("Table Schema에 fields 배열이 없습니다.");
        }
        List<SchemaField> fields = new ArrayList<>();
        for (JsonNode f : fieldsNode) {
            if (!f.isObject()) {
                throw new SchemaException("fields의 항목은 객체여야 합니다.");
            }
            Map<String, String> extra = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : f.properties()) {
                if (!KNOWN.contains(p.getKey())) {
                    extra.put(p.getKey(), JSON.writeValueAsString(p.getValue()));
                }
            }
            fields.add(new SchemaField(text(f.get("name")), text(f.get("title")), text(f.get("description")),
                    text(f.get("type")), text(f.get("format")), constraints(f.get("constraints")),
                    KoreanType.of(text(f.get("krType"))), text(f.get("groupChar")), text(f.get("decimalChar")),
                    f.has("bareNumber") ? f.get("bareNumber").asBoolean() : null, strings(f.get("trueValues")),
                    strings(f.get("falseValues")), extra));
        }
        List<String> pk = new ArrayList<>();
        JsonNode pkNode = root.get("primaryKey");
        if (pkNode != null && pkNode.isString()) {
            pk.add(pkNode.stringValue());
        } else if (pkNode != null && pkNode.isArray()) {
            pk.addAll(strings(pkNode));
        }
        List<String> missing = root.has("missingValues") ? strings(root.get("missingValues")) : null;
        return new TableSchema(fields, pk, missing);
    }

    private static Constraints constraints(JsonNode c) {
        if (c == null || !c.isObject()) {
            return Constraints.NONE;
        }
        return new Constraints(c.path("required").asBoolean(false), c.path("unique").asBoolean(false),
                text(c.get("minimum")), text(c.get("maximum")), integer(c.get("minLength")), integer(c.get("maxLength")),
                text(c.get("pattern")), c.has("enum") ? strings(c.get("enum")) : null);
    }

    private static Integer integer(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() && !(n.isString() && n.stringValue().matches("\\d+"))) {
            throw new SchemaException("길이 제약(minLength/maxLength)은 정수여야 합니다: " + n);
        }
        return n.asInt();
    }

    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.toString();
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new SchemaException("배열이어야 하는 속성에 배열이 아닌 값이 있습니다: " + n);
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(text(v)));
        return out;
    }

    public static String write(TableSchema schema) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode fields = root.putArray("fields");
        for (SchemaField f : schema.fields()) {
            ObjectNode o = fields.addObject();
            o.put("name", f.name());
            putIf(o, "title", f.title());
            putIf(o, "description", f.description());
            o.put("type", f.type());
            if (!"default".equals(f.format())) {
                o.put("format", f.format());
            }
            putIf(o, "groupChar", f.groupChar());
            putIf(o, "decimalChar", f.decimalChar());
            if (f.bareNumber() != null) {
                o.put("bareNumber", f.bareNumber());
            }
            if (f.trueValues() != null) {
                f.trueValues().forEach(o.putArray("trueValues")::add);
            }
            if (f.falseValues() != null) {
                f.falseValues().forEach(o.putArray("falseValues")::add);
            }
            Constraints c = f.constraints();
            if (!c.isEmpty()) {
                ObjectNode cn = o.putObject("constraints");
                if (c.required()) {
                    cn.put("required", true);
                }
                if (c.unique()) {
                    cn.put("unique", true);
                }
                putTyped(cn, "minimum", c.minimum(), f.type());
                putTyped(cn, "maximum", c.maximum(), f.type());
                if (c.minLength() != null) {
                    cn.put("minLength", c.minLength());
                }
                if (c.maxLength() != null) {
                    cn.put("maxLength", c.maxLength());
                }
                putIf(cn, "pattern", c.pattern());
                if (c.enumValues() != null) {
                    ArrayNode en = cn.putArray("enum");
                    c.enumValues().forEach(v -> en.add(typed(v, f.type())));
                }
            }
            if (f.krType() != null) {
                o.put("krType", f.krType().key());
            }
            f.extra().forEach((k, v) -> o.set(k, JSON.readTree(v)));
        }
        if (!schema.primaryKey().isEmpty()) {
            ArrayNode pk = root.putArray("primaryKey");
            schema.primaryKey().forEach(pk::add);
        }
        ArrayNode missing = root.putArray("missingValues");
        schema.missingValues().forEach(missing::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static void putTyped(ObjectNode o, String key, String value, String type) {
        if (value != null) {
            o.set(key, typed(value, type));
        }
    }

    /** Numbers stay JSON numbers for numeric fields (as Frictionless writes them). */
    private static JsonNode typed(String value, String type) {
        if (("integer".equals(type) || "number".equals(type) || "year".equals(type)) && value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return JSON.readTree(value);
        }
        return JSON.getNodeFactory().stringNode(value);
    }
}
