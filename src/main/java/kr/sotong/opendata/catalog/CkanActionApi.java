package kr.sotong.opendata.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.opendata.OpenDataProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CKAN-compatible Action API (read actions) at {@code /api/3/action/<action>}, public. Answers with CKAN's
 * envelope {@code {"help", "success", "result"}} or {@code {"help", "success": false, "error": {"__type",
 * "message"}}} and CKAN's status codes (404 not found, 409 validation error, 400 bad request). Parameters come
 * from the query string or a JSON body (POST), as CKAN accepts both.
 */
@RestController
class CkanActionApi {

    static final List<String> ACTIONS = List.of("package_list", "package_show", "package_search", "organization_list",
            "organization_show", "resource_show", "tag_list", "status_show", "help_show");
    private static final Pattern FQ = Pattern.compile("([a-z_]+):(\"[^\"]*\"|\\S+)");

    private final Catalog catalog;
    private final OpenDataProperties properties;
    private final String baseUrl;

    CkanActionApi(Catalog catalog, OpenDataProperties properties, @Value("${sotong.base-url:http://localhost:8080}") String baseUrl) {
        this.catalog = catalog;
        this.properties = properties;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** A CKAN error: its {@code __type} and HTTP status. */
    static final class CkanError extends RuntimeException {
        final int status;
        final String type;
        final Map<String, List<String>> fields;

        CkanError(int status, String type, String message, Map<String, List<String>> fields) {
            super(message);
            this.status = status;
            this.type = type;
            this.fields = fields;
        }

        static CkanError notFound(String what) {
            return new CkanError(404, "Not Found Error", what + "을(를) 찾을 수 없습니다 (Not found)", Map.of());
        }

        static CkanError missing(String field) {
            return new CkanError(409, "Validation Error", "필수 매개변수가 없습니다: " + field, Map.of(field, List.of("Missing value")));
        }

        static CkanError invalid(String field, String message) {
            return new CkanError(409, "Validation Error", message, Map.of(field, List.of(message)));
        }
    }

    @RequestMapping(value = "/api/3/action/{action}", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> action(@PathVariable String action, HttpServletRequest request,
                                      @RequestBody(required = false) String body) {
        if (!ACTIONS.contains(action)) {
            throw new CkanError(400, "Bad request", "알 수 없는 액션입니다: " + action + " (Action name not known)", Map.of());
        }
        Map<String, String> p = params(request, body);
        JsonNode result = switch (action) {
            case "package_list" -> packageList(p);
            case "package_show" -> packageShow(p);
            case "package_search" -> packageSearch(p);
            case "organization_list" -> organizationList(p);
            case "organization_show" -> organizationShow(p);
            case "resource_show" -> resourceShow(p);
            case "tag_list" -> tagList(p);
            case "status_show" -> statusShow();
            default -> CkanDicts.JSON.getNodeFactory().stringNode(help(p.getOrDefault("name", "package_list")));
        };
        ObjectNode envelope = CkanDicts.JSON.createObjectNode();
        envelope.put("help", baseUrl + "/api/3/action/help_show?name=" + action);
        envelope.put("success", true);
        envelope.set("result", result);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(envelope);
    }

    @ExceptionHandler(CkanError.class)
    ResponseEntity<ObjectNode> ckanError(CkanError e, HttpServletRequest request) {
        ObjectNode envelope = CkanDicts.JSON.createObjectNode();
        envelope.put("help", baseUrl + request.getRequestURI().replaceFirst("/api/3/action/", "/api/3/action/help_show?name="));
        envelope.put("success", false);
        ObjectNode error = envelope.putObject("error");
        error.put("__type", e.type);
        error.put("message", e.getMessage());
        e.fields.forEach((k, v) -> {
            ArrayNode a = error.putArray(k);
            v.forEach(a::add);
        });
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON).body(envelope);
    }

    @ExceptionHandler(kr.sotong.shared.DomainException.class)
    ResponseEntity<ObjectNode> domain(kr.sotong.shared.DomainException e, HttpServletRequest request) {
        return ckanError(new CkanError(409, "Validation Error", e.getMessage(), Map.of()), request);
    }

    private Map<String, String> params(HttpServletRequest request, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> p.put(k, v.length == 0 ? "" : v[0]));
        if (body != null && !body.isBlank() && request.getContentType() != null
                && request.getContentType().toLowerCase().contains("json")) {
            try {
                JsonNode n = CkanDicts.JSON.readTree(body);
                if (n == null || !n.isObject()) {
                    throw new CkanError(400, "Bad request", "JSON 본문은 객체여야 합니다 (Bad request - JSON Error)", Map.of());
                }
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    p.put(e.getKey(), e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString());
                }
            } catch (JacksonException e) {
                throw new CkanError(400, "Bad request", "JSON 본문을 읽을 수 없습니다 (Bad request - JSON Error)", Map.of());
            }
        }
        return p;
    }

    private static int intParam(Map<String, String> p, String name, int def, int min, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw CkanError.invalid(name, name + "은(는) " + min + "~" + max + " 사이의 정수여야 합니다");
            }
            return i;
        } catch (NumberFormatException e) {
            throw CkanError.invalid(name, name + "은(는) 정수여야 합니다 (Invalid integer)");
        }
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            throw CkanError.missing(name);
        }
        return v.strip();
    }

    private ArrayNode packageList(Map<String, String> p) {
        int limit = intParam(p, "limit", Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
        int offset = intParam(p, "offset", 0, 0, Integer.MAX_VALUE);
        ArrayNode a = CkanDicts.JSON.createArrayNode();
        catalog.publishedNames().stream().skip(offset).limit(limit).forEach(a::add);
        return a;
    }

    private Dataset published(String id) {
        Dataset d = catalog.dataset(id).filter(Dataset::published).orElseThrow(() -> CkanError.notFound("데이터셋"));
        catalog.count(d.id(), "API");
        return d;
    }

    ObjectNode dict(Dataset d) {
        Organization o = catalog.organization(String.valueOf(d.organizationId())).orElseThrow();
        List<ObjectNode> resources = new ArrayList<>();
        int pos = 0;
        for (Resource r : catalog.resources(d.id())) {
            if (r.currentVersionId() == null) {
                continue;
            }
            DatasetVersion v = catalog.version(r.currentVersionId()).orElse(null);
            resources.add(CkanDicts.resource(d, r, v, baseUrl, pos++));
        }
        return CkanDicts.pkg(d, o, catalog.publishedCount(o.id()), resources, baseUrl);
    }

    private ObjectNode packageShow(Map<String, String> p) {
        return dict(published(required(p, "id")));
    }

    private ObjectNode packageSearch(Map<String, String> p) {
        int rows = intParam(p, "rows", 10, 0, 1000);
        int start = intParam(p, "start", 0, 0, Integer.MAX_VALUE);
        String sort = p.getOrDefault("sort", "score desc, metadata_modified desc");
        Map<String, List<String>> fq = new LinkedHashMap<>();
        String fqText = p.get("fq");
        if (fqText != null && !fqText.isBlank()) {
            Matcher m = FQ.matcher(fqText);
            while (m.find()) {
                String value = m.group(2).replaceAll("^\"|\"$", "");
                fq.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(value);
            }
            for (String key : fq.keySet()) {
                if (!List.of("organization", "tags", "res_format", "license_id", "groups", "name").contains(key)) {
                    throw CkanError.invalid("fq", "지원하지 않는 fq 필드입니다: " + key
                            + " (organization, tags, res_format, license_id, groups, name)");
                }
            }
        }
        String q = p.get("q");
        if (fq.containsKey("name")) {
            q = (q == null ? "" : q + " ") + String.join(" ", fq.get("name"));
        }
        String primarySort = Arrays.stream(sort.split(",")).map(String::strip)
                .filter(s -> !s.startsWith("score")).findFirst().orElse("metadata_modified desc");
        Catalog.Page page = catalog.search(new Catalog.Query(q, fq.get("organization"), fq.get("tags"), fq.get("res_format"),
                fq.get("license_id"), fq.get("groups"), start, rows, primarySort));
        ObjectNode result = CkanDicts.JSON.createObjectNode();
        result.put("count", page.count());
        result.put("sort", sort);
        ArrayNode results = result.putArray("results");
        page.results().forEach(d -> results.add(dict(d)));
        result.putObject("facets");
        result.putObject("search_facets");
        return result;
    }

    private ArrayNode organizationList(Map<String, String> p) {
        boolean all = Boolean.parseBoolean(p.getOrDefault("all_fields", "false"));
        ArrayNode a = CkanDicts.JSON.createArrayNode();
        List<Organization> orgs = new ArrayList<>(catalog.organizations());
        orgs.sort((x, y) -> x.name().compareTo(y.name()));
        for (Organization o : orgs) {
            if (all) {
                a.add(CkanDicts.organization(o, catalog.publishedCount(o.id())));
            } else {
                a.add(o.name());
            }
        }
        return a;
    }

    private ObjectNode organizationShow(Map<String, String> p) {
        Organization o = catalog.organization(required(p, "id")).orElseThrow(() -> CkanError.notFound("기관"));
        ObjectNode n = CkanDicts.organization(o, catalog.publishedCount(o.id()));
        if (Boolean.parseBoolean(p.getOrDefault("include_datasets", "false"))) {
            ArrayNode packages = n.putArray("packages");
            catalog.search(new Catalog.Query(null, List.of(o.name()), null, null, null, null, 0, 1000, "name asc"))
                    .results().forEach(d -> packages.add(dict(d)));
        }
        return n;
    }

    private ObjectNode resourceShow(Map<String, String> p) {
        String id = required(p, "id");
        long rid;
        try {
            rid = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw CkanError.notFound("리소스");
        }
        Resource r = catalog.resource(rid).orElseThrow(() -> CkanError.notFound("리소스"));
        Dataset d = catalog.dataset(r.datasetId()).filter(Dataset::published).orElseThrow(() -> CkanError.notFound("리소스"));
        if (r.currentVersionId() == null) {
            throw CkanError.notFound("리소스");
        }
        catalog.count(d.id(), "API");
        return CkanDicts.resource(d, r, catalog.version(r.currentVersionId()).orElse(null), baseUrl, 0);
    }

    private ArrayNode tagList(Map<String, String> p) {
        String query = p.get("query");
        ArrayNode a = CkanDicts.JSON.createArrayNode();
        catalog.tags().stream().filter(t -> query == null || t.contains(query)).forEach(a::add);
        return a;
    }

    private ObjectNode statusShow() {
        ObjectNode n = CkanDicts.JSON.createObjectNode();
        n.put("site_title", properties.siteTitle());
        n.put("site_description", properties.publisher() + " 공공데이터 목록 (CKAN 호환 API)");
        n.put("site_url", baseUrl);
        n.put("ckan_version", "2.10.0");
        n.put("api_version", 3);
        n.put("locale_default", "ko");
        n.putNull("error_emails_to");
        ArrayNode ext = n.putArray("extensions");
        ext.add("sotong-opendata");
        ext.add("dcat");
        return n;
    }

    private String help(String name) {
        return switch (name) {
            case "package_list" -> "package_list(limit, offset): 개방된 데이터셋의 식별자(name) 목록";
            case "package_show" -> "package_show(id): 데이터셋 한 건 (id 또는 name)";
            case "package_search" -> "package_search(q, fq, rows, start, sort): 검색. fq는 organization:, tags:, res_format:, license_id:, groups: 를 지원";
            case "organization_list" -> "organization_list(all_fields): 기관(팀) 목록";
            case "organization_show" -> "organization_show(id, include_datasets): 기관 한 건";
            case "resource_show" -> "resource_show(id): 리소스 한 건";
            case "tag_list" -> "tag_list(query): 태그 목록";
            case "status_show" -> "status_show(): 사이트 정보";
            default -> "지원하는 액션: " + String.join(", ", ACTIONS);
        };
    }

    Optional<Dataset> find(String id) {
        return catalog.dataset(id);
    }
}
