package kr.sotong.opendata.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.catalog.Dataset;
import kr.sotong.opendata.catalog.Licence;
import kr.sotong.opendata.catalog.Resource;
import kr.sotong.opendata.catalog.DatasetVersion;
import kr.sotong.opendata.catalog.Themes;
import kr.sotong.opendata.catalog.UpdateCycle;
import kr.sotong.opendata.quality.ReportXlsx;
import kr.sotong.opendata.quality.Validations;
import kr.sotong.opendata.requests.AnalysisDesk;
import kr.sotong.opendata.requests.ProvisionDesk;
import kr.sotong.opendata.requests.ProvisionRequest;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.schema.TableSchemaJson;
import kr.sotong.opendata.standardise.Fix;
import kr.sotong.opendata.standardise.Standardisation;
import kr.sotong.opendata.table.Tables;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** Staff screens of AI빅데이터팀 under {@code /staff/opendata}. */
@Controller
@PreAuthorize("hasAnyRole('DATA_AI','ADMIN','DIRECTOR')")
class StaffOpenDataController {

    private final Catalog catalog;
    private final Validations validations;
    private final ProvisionDesk desk;
    private final AnalysisDesk analysis;
    private final FileStore files;
    private final Uploads uploads;
    private final Clock clock;

    StaffOpenDataController(Catalog catalog, Validations validations, ProvisionDesk desk, AnalysisDesk analysis,
                            FileStore files, Uploads uploads, Clock clock) {
        this.catalog = catalog;
        this.validations = validations;
        this.desk = desk;
        this.analysis = analysis;
        this.files = files;
        this.uploads = uploads;
        this.clock = clock;
    }

    interface Action {
        String run();
    }

    /** Runs a change; a domain error comes back as the Korean flash message. */
    private static String act(RedirectAttributes flash, String back, String done, Action action) {
        try {
            String target = action.run();
            flash.addFlashAttribute("info", done);
            return "redirect:" + (target == null ? back : target);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back;
        }
    }

    private StoredFile store(MultipartFile upload) {
        return uploads.store(upload);
    }

    // ---------------------------------------------------------------- overview

    @GetMapping("/staff/opendata")
    String overview(Model model) {
        model.addAttribute("totals", catalog.totals());
        model.addAttribute("deadlines", desk.deadlineCounts());
        model.addAttribute("recent", validations.recent(5));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("openRequests", desk.all().stream().filter(ProvisionRequest::open).limit(10).toList());
        model.addAttribute("training", analysis.trainingTotals());
        return "opendata/staff-overview";
    }

    // ---------------------------------------------------------------- datasets

    @GetMapping("/staff/opendata/datasets")
    String datasets(Model model) {
        model.addAttribute("datasets", catalog.all());
        return "opendata/staff-datasets";
    }

    @GetMapping("/staff/opendata/datasets/new")
    String newDataset(Model model) {
        formModel(model, null);
        return "opendata/staff-dataset-form";
    }

    private void formModel(Model model, Dataset d) {
        model.addAttribute("dataset", d);
        model.addAttribute("organizations", catalog.organizations());
        model.addAttribute("themes", Themes.ALL);
        model.addAttribute("licences", Licence.values());
        model.addAttribute("cycles", UpdateCycle.values());
    }

    private static Catalog.DatasetForm form(MultiValueMap<String, String> p) {
        long org;
        try {
            org = Long.parseLong(p.getFirst("organizationId"));
        } catch (RuntimeException e) {
            throw new DomainException("opendata.dataset.org", "제공 기관(팀)을 고르세요.");
        }
        Licence licence = parse(Licence.class, p.getFirst("licence"));
        UpdateCycle cycle = parse(UpdateCycle.class, p.getFirst("updateCycle"));
        return new Catalog.DatasetForm(p.getFirst("name"), p.getFirst("title"), p.getFirst("description"), org,
                p.getFirst("keywords"), p.getFirst("theme"), licence, cycle, p.getFirst("contactName"),
                p.getFirst("contactEmail"), p.getFirst("contactPhone"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/staff/opendata/datasets")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        try {
            long id = catalog.create(form(params));
            flash.addFlashAttribute("info", "데이터셋을 등록했습니다. 리소스(파일)를 추가하세요.");
            return "redirect:/staff/opendata/datasets/" + id;
        } catch (DomainException e) {
            formModel(model, null);
            model.addAttribute("values", params.toSingleValueMap());
            model.addAttribute("error", e.getMessage());
            return "opendata/staff-dataset-form";
        }
    }

    @GetMapping("/staff/opendata/datasets/{id}")
    String dataset(@PathVariable long id, Model model) {
        Dataset d = catalog.dataset(id).orElseThrow(() -> DomainException.notFound("데이터셋", id));
        formModel(model, d);
        List<Resource> resources = catalog.resources(id);
        Map<Long, List<DatasetVersion>> versions = new LinkedHashMap<>();
        resources.forEach(r -> versions.put(r.id(), catalog.versions(r.id())));
        model.addAttribute("resources", resources);
        model.addAttribute("versions", versions);
        return "opendata/staff-dataset";
    }

    @PostMapping("/staff/opendata/datasets/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/datasets/" + id, "데이터셋 정보를 저장했습니다.", () -> {
            catalog.update(id, form(params));
            return null;
        });
    }

    @PostMapping("/staff/opendata/datasets/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/datasets/" + id, "데이터셋을 개방했습니다. /data 와 CKAN API에 나타납니다.", () -> {
            catalog.publish(id);
            return null;
        });
    }

    @PostMapping("/staff/opendata/datasets/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/datasets/" + id, "개방을 중지했습니다.", () -> {
            catalog.withdraw(id);
            return null;
        });
    }

    @PostMapping("/staff/opendata/datasets/{id}/resources")
    String addResource(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                       @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/datasets/" + id, "리소스를 추가했습니다. 파일을 올리세요.", () -> {
            catalog.addResource(id, name, description);
            return null;
        });
    }

    @PostMapping("/staff/opendata/resources/{rid}/versions")
    String addVersion(@PathVariable long rid, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = "") String encoding, RedirectAttributes flash) {
        Resource r = catalog.resource(rid).orElseThrow(() -> DomainException.notFound("리소스", rid));
        return act(flash, "/staff/opendata/datasets/" + r.datasetId(), "새 버전을 올리고 품질 진단을 시작했습니다.", () -> {
            StoredFile f = store(file);
            DatasetVersion v = catalog.addVersion(rid, f, f.mediaType().contains("sheet") || f.mediaType().contains("zip")
                    || f.mediaType().contains("ooxml") ? "XLSX" : "CSV", encoding.isBlank() ? null : encoding, null, "UPLOAD", null, null, "");
            long vid = validations.start(new Validations.Request(f, r.schemaJson(), encoding.isBlank() ? null : encoding, null,
                    true, v.id()));
            return "/staff/opendata/validations/" + vid;
        });
    }

    @PostMapping("/staff/opendata/resources/{rid}/schema")
    String saveSchema(@PathVariable long rid, @RequestParam(defaultValue = "") String schema, RedirectAttributes flash) {
        Resource r = catalog.resource(rid).orElseThrow(() -> DomainException.notFound("리소스", rid));
        return act(flash, "/staff/opendata/datasets/" + r.datasetId(), "선언 스키마를 저장했습니다.", () -> {
            String json = schema.isBlank() ? null : TableSchemaJson.write(TableSchemaJson.read(schema));
            catalog.setResourceSchema(rid, json);
            return null;
        });
    }

    @GetMapping("/staff/opendata/versions/{vid}/file")
    void versionFile(@PathVariable long vid, HttpServletResponse response) throws IOException {
        DatasetVersion v = catalog.version(vid).orElseThrow(() -> DomainException.notFound("버전", vid));
        attachment(response, v.mediaType(), v.fileName());
        try (InputStream in = files.open(v.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static void attachment(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    // ---------------------------------------------------------------- validations

    @GetMapping("/staff/opendata/validations")
    String validationsPage(Model model) {
        model.addAttribute("recent", validations.recent(30));
        return "opendata/staff-validations";
    }

    @PostMapping("/staff/opendata/validations")
    String validate(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String schema,
                    @RequestParam(required = false) MultipartFile schemaFile, @RequestParam(defaultValue = "") String encoding,
                    @RequestParam(defaultValue = "") String delimiter, @RequestParam(defaultValue = "false") boolean duplicateRow,
                    RedirectAttributes flash) {
        return act(flash, "/staff/opendata/validations", "품질 진단을 시작했습니다.", () -> {
            String schemaJson = schema;
            if (schemaFile != null && !schemaFile.isEmpty()) {
                try {
                    schemaJson = new String(schemaFile.getBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new DomainException("opendata.schema.io", "스키마 파일을 읽지 못했습니다.");
                }
            }
            Character delim = delimiter.isEmpty() ? null : "\\t".equals(delimiter) || "tab".equals(delimiter) ? '\t' : delimiter.charAt(0);
            String s = schemaJson;
            if (s != null && !s.isBlank()) {
                TableSchemaJson.read(s); // fail fast with the Korean reason
            }
            StoredFile f = store(file);
            long id = validations.start(new Validations.Request(f, s, encoding.isBlank() ? null : encoding, delim, duplicateRow, null));
            return "/staff/opendata/validations/" + id;
        });
    }

    @GetMapping("/staff/opendata/validations/{id}")
    String validation(@PathVariable long id, Model model) {
        Validations.View v = validations.require(id);
        model.addAttribute("v", v);
        if (v.report() != null) {
            reportModel(v.report(), model);
        }
        return "opendata/staff-validation";
    }

    static void reportModel(JsonNode report, Model model) {
        model.addAttribute("report", report);
        Map<String, Long> counts = new LinkedHashMap<>();
        report.path("errorCounts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        model.addAttribute("counts", counts);
        Map<String, List<JsonNode>> examples = new LinkedHashMap<>();
        List<JsonNode> errors = new ArrayList<>();
        for (JsonNode e : report.path("errors")) {
            String key = e.path("type").asString("") + (e.path("rule").isNull() ? "" : ":" + e.path("rule").asString(""));
            List<JsonNode> list = examples.computeIfAbsent(key, k -> new ArrayList<>());
            if (list.size() < 3) {
                list.add(e);
            }
            if (errors.size() < 300) {
                errors.add(e);
            }
        }
        model.addAttribute("examples", examples);
        model.addAttribute("errors", errors);
        model.addAttribute("titles", new ErrorTitles());
    }

    /** Korean names of error codes for templates. */
    static final class ErrorTitles {
        public String of(String code) {
            return kr.sotong.opendata.validation.ValidationError.title(code);
        }
    }

    @GetMapping("/staff/opendata/validations/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        Validations.View v = validations.require(id);
        if (!v.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("v", v);
        return "opendata/staff-validation :: progress";
    }

    /** The validated file itself (for a standardised copy: the clean CSV). */
    @GetMapping("/staff/opendata/validations/{id}/file")
    void validatedFile(@PathVariable long id, HttpServletResponse response) throws IOException {
        StoredFile f = validations.file(validations.require(id));
        attachment(response, f.mediaType(), f.originalName());
        try (InputStream in = files.open(f.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    @GetMapping("/staff/opendata/validations/{id}/report.xlsx")
    void reportXlsx(@PathVariable long id, HttpServletResponse response) throws IOException {
        Validations.View v = done(id);
        attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "품질진단-" + id + ".xlsx");
        ReportXlsx.write(id, v.report(), response.getOutputStream());
    }

    @GetMapping("/staff/opendata/validations/{id}/report.html")
    String reportHtml(@PathVariable long id, Model model, HttpServletResponse response) {
        Validations.View v = done(id);
        model.addAttribute("v", v);
        reportModel(v.report(), model);
        response.setHeader("Content-Disposition", "attachment; filename=\"report-" + id + ".html\"");
        return "opendata/report-file";
    }

    @GetMapping(value = "/staff/opendata/validations/{id}/schema.json", produces = "application/json")
    void schemaJson(@PathVariable long id, @RequestParam(defaultValue = "0") int table, HttpServletResponse response) throws IOException {
        Validations.View v = done(id);
        JsonNode schema = v.report().path("tasks").path(table).path("schema");
        if (schema.isMissingNode()) {
            throw DomainException.notFound("스키마", id);
        }
        attachment(response, "application/json", "schema-" + id + ".json");
        response.getOutputStream().write(TableSchemaJson.write(TableSchemaJson.read(schema.toString())).getBytes(StandardCharsets.UTF_8));
    }

    private Validations.View done(long id) {
        Validations.View v = validations.require(id);
        if (v.report() == null) {
            throw DomainException.conflict("opendata.validation.running", "진단이 아직 끝나지 않았습니다.");
        }
        return v;
    }

    // ---------------------------------------------------------------- standardisation

    private TableSchema schemaOf(Validations.View v) {
        JsonNode schema = v.report().path("tasks").path(0).path("schema");
        if (schema.isMissingNode()) {
            throw new DomainException("opendata.standardise.no-schema", "읽지 못한 파일은 정제할 수 없습니다.");
        }
        return TableSchemaJson.read(schema.toString());
    }

    private static List<Standardisation.FieldFixes> chosen(TableSchema schema, MultiValueMap<String, String> params) {
        List<Standardisation.FieldFixes> out = new ArrayList<>();
        for (int i = 0; i < schema.fields().size(); i++) {
            List<String> picked = params.get("fix-" + i);
            Set<Fix> fixes = EnumSet.noneOf(Fix.class);
            if (picked != null) {
                for (String p : picked) {
                    try {
                        fixes.add(Fix.valueOf(p));
                    } catch (IllegalArgumentException ignored) {
                        // unknown fix names are ignored
                    }
                }
            }
            Map<String, String> codes = new LinkedHashMap<>();
            String mapping = params.getFirst("codes-" + i);
            if (mapping != null && !mapping.isBlank()) {
                for (String line : mapping.split("\\R")) {
                    String[] kv = line.split("=", 2);
                    if (kv.length == 2 && !kv[0].isBlank()) {
                        codes.put(kv[0].strip(), kv[1].strip());
                    }
                }
                fixes.add(Fix.CODE_MAP);
            }
            out.add(new Standardisation.FieldFixes(i, schema.fields().get(i).name(), fixes, codes));
        }
        return out;
    }

    @GetMapping("/staff/opendata/validations/{id}/standardise")
    String standardiseForm(@PathVariable long id, Model model) {
        Validations.View v = done(id);
        TableSchema schema = schemaOf(v);
        List<Standardisation.FieldFixes> proposed = Standardisation.propose(schema);
        model.addAttribute("v", v);
        model.addAttribute("schema", schema);
        model.addAttribute("proposed", proposed);
        model.addAttribute("allFixes", EnumSet.complementOf(EnumSet.of(Fix.CODE_MAP)));
        StoredFile f = validations.file(v);
        model.addAttribute("preview", Standardisation.preview(files.path(f.sha256()), f.originalName(), Tables.Options.defaults(), proposed, 50));
        return "opendata/staff-standardise";
    }

    @PostMapping("/staff/opendata/validations/{id}/standardise")
    String standardise(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                       RedirectAttributes flash) {
        Validations.View v = done(id);
        TableSchema schema = schemaOf(v);
        List<Standardisation.FieldFixes> fixes = chosen(schema, params);
        StoredFile source = validations.file(v);
        if (!"apply".equals(params.getFirst("action"))) {
            model.addAttribute("v", v);
            model.addAttribute("schema", schema);
            model.addAttribute("proposed", fixes);
            model.addAttribute("allFixes", EnumSet.complementOf(EnumSet.of(Fix.CODE_MAP)));
            model.addAttribute("preview", Standardisation.preview(files.path(source.sha256()), source.originalName(),
                    Tables.Options.defaults(), fixes, 50));
            return "opendata/staff-standardise";
        }
        return act(flash, "/staff/opendata/validations/" + id + "/standardise", "정제한 파일을 새 버전으로 만들고 다시 진단합니다. 원본은 그대로 남아 있습니다.", () -> {
            Path out;
            try {
                out = Files.createTempFile("opendata-standardised-", ".csv");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            try {
                long rows = Standardisation.apply(files.path(source.sha256()), source.originalName(), Tables.Options.defaults(), fixes, out);
                String base = source.originalName().replaceAll("\\.[^.]*$", "");
                StoredFile fixed;
                try (InputStream in = Files.newInputStream(out)) {
                    fixed = files.store(in, base + "-정제.csv");
                }
                String fixedSchema = TableSchemaJson.write(Standardisation.fixedSchema(schema, fixes));
                Long versionId = null;
                if (v.resourceVersionId() != null) {
                    DatasetVersion parent = catalog.version(v.resourceVersionId()).orElseThrow();
                    DatasetVersion nv = catalog.addVersion(parent.resourceId(), fixed, "CSV", "UTF-8", rows, "STANDARDISED",
                            parent.id(), null, "정제: " + fixesSummary(fixes));
                    versionId = nv.id();
                }
                long next = validations.start(new Validations.Request(fixed, fixedSchema, "utf-8", ',', params.containsKey("duplicateRow"), versionId));
                return "/staff/opendata/validations/" + next;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        });
    }

    private static String fixesSummary(List<Standardisation.FieldFixes> fixes) {
        Set<Fix> all = EnumSet.noneOf(Fix.class);
        fixes.forEach(f -> all.addAll(f.fixes()));
        return all.stream().map(f -> f.label.replaceAll(" \\(.*", "")).reduce((a, b) -> a + ", " + b).orElse("없음");
    }

    // ---------------------------------------------------------------- provision requests

    @GetMapping("/staff/opendata/requests")
    String requests(Model model) {
        model.addAttribute("requests", desk.all());
        model.addAttribute("today", LocalDate.now(clock));
        return "opendata/staff-requests";
    }

    @GetMapping("/staff/opendata/requests/{id}")
    String request(@PathVariable long id, Model model) {
        ProvisionRequest r = desk.open(id);
        model.addAttribute("r", r);
        model.addAttribute("maskedName", Masking.name(r.requesterName()));
        model.addAttribute("maskedPhone", Masking.phone(r.requesterPhone()));
        model.addAttribute("maskedEmail", Masking.email(r.requesterEmail()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("notices", desk.notices(id));
        model.addAttribute("datasets", catalog.all().stream().filter(Dataset::published).toList());
        return "opendata/staff-request";
    }

    @PostMapping("/staff/opendata/requests/{id}/report")
    String report(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/requests/" + id, "내부 보고를 기록했습니다.", () -> {
            desk.reportInternally(id);
            return null;
        });
    }

    @PostMapping("/staff/opendata/requests/{id}/extend")
    String extend(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/requests/" + id, "처리 기간을 연장하고 신청인에게 통지했습니다.", () -> {
            desk.extend(id, reason);
            return null;
        });
    }

    @PostMapping("/staff/opendata/requests/{id}/provide")
    String provide(@PathVariable long id, @RequestParam(defaultValue = "") String note,
                   @RequestParam(required = false) Long datasetId, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/requests/" + id, "제공 결정을 통지했습니다.", () -> {
            String url = datasetId == null ? null : catalog.dataset(datasetId).map(d -> "/data/" + d.name()).orElse(null);
            desk.provide(id, note, datasetId, url);
            return null;
        });
    }

    @PostMapping("/staff/opendata/requests/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/requests/" + id, "제공 거부를 통지했습니다.", () -> {
            desk.refuse(id, reason);
            return null;
        });
    }

    @GetMapping("/staff/opendata/notices/{id}")
    void notice(@PathVariable long id, HttpServletResponse response) throws IOException {
        ProvisionDesk.Notice n = desk.notice(id);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"notice-" + id + ".pdf\"");
        try (InputStream in = files.open(n.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    // ---------------------------------------------------------------- analysis, training, use cases

    @GetMapping("/staff/opendata/analysis")
    String analyses(Model model) {
        model.addAttribute("analyses", analysis.analyses());
        model.addAttribute("statuses", AnalysisDesk.AnalysisStatus.values());
        return "opendata/staff-analysis";
    }

    @PostMapping("/staff/opendata/analysis")
    String intake(@RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String requestedBy,
                  @RequestParam(required = false) LocalDate dueOn, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/analysis", "분석 요청을 접수했습니다.", () -> {
            analysis.intake(department, title, question, requestedBy, dueOn);
            return null;
        });
    }

    @PostMapping("/staff/opendata/analysis/{id}/status")
    String analysisStatus(@PathVariable long id, @RequestParam String status, @RequestParam(defaultValue = "") String assignee,
                          @RequestParam(defaultValue = "") String notes, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/analysis", "상태를 바꿨습니다.", () -> {
            AnalysisDesk.AnalysisStatus s = parse(AnalysisDesk.AnalysisStatus.class, status);
            if (s == null) {
                throw new DomainException("opendata.analysis.status", "상태를 고르세요.");
            }
            analysis.move(id, s, assignee, notes);
            return null;
        });
    }

    @PostMapping("/staff/opendata/analysis/{id}/deliverable")
    String deliverable(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/analysis", "결과물을 올렸습니다.", () -> {
            analysis.attachDeliverable(id, store(file));
            return null;
        });
    }

    @GetMapping("/staff/opendata/analysis/{id}/deliverable")
    void deliverableFile(@PathVariable long id, HttpServletResponse response) throws IOException {
        AnalysisDesk.AnalysisRequest r = analysis.analysis(id);
        if (r.deliverableSha256() == null) {
            throw DomainException.notFound("결과물", id);
        }
        StoredFile f = files.find(r.deliverableSha256()).orElseThrow();
        attachment(response, f.mediaType(), r.deliverableName());
        try (InputStream in = files.open(f.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    @GetMapping("/staff/opendata/training")
    String training(Model model) {
        model.addAttribute("trainings", analysis.trainings());
        model.addAttribute("totals", analysis.trainingTotals());
        return "opendata/staff-training";
    }

    @PostMapping("/staff/opendata/training")
    String recordTraining(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String kind,
                          @RequestParam(defaultValue = "") String provider, @RequestParam(required = false) LocalDate heldOn,
                          @RequestParam(defaultValue = "0") int attendees, @RequestParam(defaultValue = "0") BigDecimal hours,
                          @RequestParam(defaultValue = "") String note, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/training", "교육 기록을 저장했습니다.", () -> {
            analysis.recordTraining(title, kind, provider, heldOn, attendees, hours, note);
            return null;
        });
    }

    @GetMapping("/staff/opendata/use-cases")
    String useCases(Model model) {
        model.addAttribute("useCases", analysis.useCases(false));
        model.addAttribute("datasets", catalog.all());
        return "opendata/staff-use-cases";
    }

    @PostMapping("/staff/opendata/use-cases")
    String addUseCase(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String userName,
                      @RequestParam(defaultValue = "COMPANY") String userKind, @RequestParam(defaultValue = "") String description,
                      @RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<Long> datasetIds,
                      RedirectAttributes flash) {
        return act(flash, "/staff/opendata/use-cases", "활용 사례를 등록했습니다.", () -> {
            analysis.addUseCase(title, userName, userKind, description, url, datasetIds);
            return null;
        });
    }

    @PostMapping("/staff/opendata/use-cases/{id}/publish")
    String publishUseCase(@PathVariable long id, @RequestParam(defaultValue = "true") boolean published, RedirectAttributes flash) {
        return act(flash, "/staff/opendata/use-cases", published ? "활용 사례를 공개했습니다." : "비공개로 바꿨습니다.", () -> {
            analysis.publishUseCase(id, published);
            return null;
        });
    }
}
