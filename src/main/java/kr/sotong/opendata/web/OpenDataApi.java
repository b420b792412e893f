package kr.sotong.opendata.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.catalog.Dataset;
import kr.sotong.opendata.catalog.Licence;
import kr.sotong.opendata.catalog.UpdateCycle;
import kr.sotong.opendata.quality.Validations;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Staff REST API of the open-data module: validations ({@code POST /api/v1/opendata/validations} with a
 * {@code file} and an optional Table Schema {@code schema}) and datasets. Errors are ProblemDetails.
 */
@RestController
@PreAuthorize("hasAnyRole('DATA_AI','ADMIN')")
class OpenDataApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Validations validations;
    private final Catalog catalog;
    private final Uploads uploads;

    OpenDataApi(Validations validations, Catalog catalog, Uploads uploads) {
        this.validations = validations;
        this.catalog = catalog;
        this.uploads = uploads;
    }

    @PostMapping(value = "/api/v1/opendata/validations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<JsonNode> validate(@RequestPart(name = "file", required = false) MultipartFile file,
                                      @RequestPart(name = "schema", required = false) MultipartFile schema,
                                      jakarta.servlet.http.HttpServletRequest request,
                                      @RequestParam(required = false) String encoding,
                                      @RequestParam(required = false) String delimiter,
                                      @RequestParam(defaultValue = "false") boolean duplicateRow) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new DomainException("opendata.api.file", "검증할 파일(file)을 보내세요.");
        }
        // the schema comes as a JSON file part or as a plain form field
        String schemaJson = schema != null && !schema.isEmpty() ? new String(schema.getBytes(), StandardCharsets.UTF_8)
                : request.getParameter("schema");
        Character delim = delimiter == null || delimiter.isEmpty() ? null : "\\t".equals(delimiter) ? '\t' : delimiter.charAt(0);
        Validations.Request probe = new Validations.Request(null, schemaJson, encoding, delim, duplicateRow, null);
        validations.options(probe); // a bad schema is a 400 before the upload is kept
        StoredFile stored = uploads.store(file);
        long id = validations.runNow(new Validations.Request(stored, schemaJson, encoding, delim, duplicateRow, null));
        return ResponseEntity.created(URI.create("/api/v1/opendata/validations/" + id)).body(body(validations.require(id)));
    }

    @GetMapping("/api/v1/opendata/validations/{id}")
    JsonNode validation(@PathVariable long id) {
        return body(validations.require(id));
    }

    private static JsonNode body(Validations.View v) {
        ObjectNode n = v.report() != null ? (ObjectNode) v.report().deepCopy() : JSON.createObjectNode();
        n.put("id", v.id());
        n.put("status", v.status());
        if (v.message() != null) {
            n.put("message", v.message());
        }
        if (v.progress() != null) {
            n.put("progress", v.progress().fraction());
        }
        return n;
    }

    public record DatasetRequest(String name, String title, String description, String organization, List<String> keywords,
                                 String theme, String licence, String updateCycle, String contactName, String contactEmail,
                                 String contactPhone) {
    }

    @GetMapping("/api/v1/opendata/datasets")
    List<Map<String, Object>> datasets() {
        return catalog.all().stream().map(OpenDataApi::summary).toList();
    }

    @GetMapping("/api/v1/opendata/datasets/{id}")
    Map<String, Object> dataset(@PathVariable long id) {
        Dataset d = catalog.dataset(id).orElseThrow(() -> DomainException.notFound("데이터셋", id));
        Map<String, Object> m = new java.util.LinkedHashMap<>(summary(d));
        m.put("resources", catalog.resources(id).stream().map(r -> Map.of("id", r.id(), "name", r.name(),
                "versions", catalog.versions(r.id()).stream().map(v -> Map.of("id", v.id(), "version", v.versionNo(),
                        "fileName", v.fileName(), "source", v.source(), "sha256", v.sha256())).toList())).toList());
        return m;
    }

    @PostMapping("/api/v1/opendata/datasets")
    ResponseEntity<Map<String, Object>> create(@RequestBody DatasetRequest r) {
        var org = catalog.organization(r.organization()).orElseThrow(() -> new DomainException("opendata.api.org",
                "기관(organization)을 찾을 수 없습니다: " + r.organization()));
        Licence licence = r.licence() == null ? null : Licence.ofCkanId(r.licence());
        UpdateCycle cycle;
        try {
            cycle = r.updateCycle() == null ? null : UpdateCycle.valueOf(r.updateCycle());
        } catch (IllegalArgumentException e) {
            throw new DomainException("opendata.api.cycle", "갱신 주기(updateCycle)가 올바르지 않습니다: " + r.updateCycle());
        }
        long id = catalog.create(new Catalog.DatasetForm(r.name(), r.title(), r.description(), org.id(),
                r.keywords() == null ? "" : String.join(",", r.keywords()), r.theme(), licence, cycle, r.contactName(),
                r.contactEmail(), r.contactPhone()));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/opendata/datasets/" + id)).body(dataset(id));
    }

    @PostMapping("/api/v1/opendata/datasets/{id}/publish")
    Map<String, Object> publish(@PathVariable long id) {
        catalog.publish(id);
        return dataset(id);
    }

    private static Map<String, Object> summary(Dataset d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("title", d.title());
        m.put("organization", d.organizationName());
        m.put("theme", d.theme());
        m.put("licence", d.licence().ckanId);
        m.put("updateCycle", d.updateCycle().name());
        m.put("status", d.status().name());
        m.put("keywords", d.tags());
        m.put("downloads", d.downloads());
        m.put("apiCalls", d.apiCalls());
        return m;
    }
}
