package kr.sotong.opendata.quality;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.sotong.opendata.schema.TableSchemaJson;
import kr.sotong.opendata.validation.ValidationError;
import kr.sotong.opendata.validation.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The report as JSON (stored, and answered by the API): Frictionless-shaped errors plus Korean messages. */
public final class ReportJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportJson() {
    }

    public static ObjectNode write(ValidationReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("valid", r.valid());
        root.put("fileName", r.fileName());
        root.put("format", r.format());
        root.put("encoding", r.encoding());
        root.put("delimiter", r.delimiter());
        ObjectNode stats = root.putObject("stats");
        stats.put("tables", r.tasks().size());
        stats.put("rows", r.rows());
        stats.put("cells", r.cells());
        stats.put("errors", r.errorTotal());
        stats.put("errorCells", r.errorCells());
        stats.put("errorRate", r.errorRate());
        stats.put("score", r.score());
        stats.put("durationMillis", r.durationMillis());
        Map<String, Long> counts = new LinkedHashMap<>();
        r.tasks().forEach(t -> t.errorCounts().forEach((k, v) -> counts.merge(k, v, Long::sum)));
        ObjectNode c = root.putObject("errorCounts");
        counts.forEach(c::put);
        ArrayNode tasks = root.putArray("tasks");
        for (ValidationReport.Task t : r.tasks()) {
            ObjectNode tn = tasks.addObject();
            tn.put("name", t.name());
            tn.put("headerRows", t.headerRows());
            tn.put("rows", t.rows());
            tn.put("valid", t.valid());
            tn.put("schemaInferred", t.schemaInferred());
            if (t.schema() != null) {
                tn.set("schema", JSON.readTree(TableSchemaJson.write(t.schema())));
            }
            ObjectNode tc = tn.putObject("errorCounts");
            t.errorCounts().forEach(tc::put);
            tn.put("errorsTruncated", t.errorsTruncated());
        }
        ArrayNode errors = root.putArray("errors");
        for (ValidationError e : r.errors()) {
            ObjectNode en = errors.addObject();
            en.put("table", e.table());
            if (e.rowNumber() == null) {
                en.putNull("rowNumber");
            } else {
                en.put("rowNumber", e.rowNumber());
            }
            if (e.fieldNumber() == null) {
                en.putNull("fieldNumber");
            } else {
                en.put("fieldNumber", e.fieldNumber());
            }
            en.put("fieldName", e.fieldName());
            en.put("type", e.type());
            en.put("title", ValidationError.title(e.type()));
            en.put("cell", e.cell());
            en.put("note", e.note());
            en.put("message", e.message());
            en.put("rule", e.rule());
        }
        return root;
    }

    public static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    public static String text(JsonNode n) {
        return JSON.writeValueAsString(n);
    }
}
