package kr.sotong.opendata.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.catalog.Dataset;
import kr.sotong.opendata.catalog.DcatExport;
import kr.sotong.opendata.catalog.Exports;
import kr.sotong.opendata.catalog.Licence;
import kr.sotong.opendata.catalog.Resource;
import kr.sotong.opendata.catalog.DatasetVersion;
import kr.sotong.opendata.catalog.Themes;
import kr.sotong.opendata.requests.AnalysisDesk;
import kr.sotong.opendata.requests.ProvisionDesk;
import kr.sotong.opendata.requests.ProvisionRequest;
import kr.sotong.platform.FileStore;
import kr.sotong.shared.DomainException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The residents' open-data portal {@code /data}: search, dataset pages, downloads, DCAT, provision requests, use cases. */
@Controller
class PortalController {

    static final int PAGE = 10;
    static final String SESSION_REQUEST = "opendata.request.verified";

    private final Catalog catalog;
    private final FileStore files;
    private final DcatExport dcat;
    private final ProvisionDesk desk;
    private final AnalysisDesk analysis;

    PortalController(Catalog catalog, FileStore files, DcatExport dcat, ProvisionDesk desk, AnalysisDesk analysis) {
        this.catalog = catalog;
        this.files = files;
        this.dcat = dcat;
        this.desk = desk;
        this.analysis = analysis;
    }

    @GetMapping("/data")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String theme,
                  @RequestParam(required = false) String organization, @RequestParam(required = false) String licence,
                  @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "metadata_modified desc") String sort,
                  Model model) {
        int p = Math.max(1, Math.min(page, 10_000));
        Catalog.Page result = catalog.search(new Catalog.Query(q, blank(organization) ? null : List.of(organization), null, null,
                blank(licence) ? null : List.of(licence), blank(theme) ? null : List.of(theme), (p - 1) * PAGE, PAGE, sort));
        model.addAttribute("q", q);
        model.addAttribute("theme", theme);
        model.addAttribute("organization", organization);
        model.addAttribute("licence", licence);
        model.addAttribute("sort", sort);
        model.addAttribute("result", result);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (result.count() + PAGE - 1) / PAGE));
        model.addAttribute("themes", Themes.ALL);
        model.addAttribute("organizations", catalog.organizations());
        model.addAttribute("licences", Licence.values());
        return "opendata/portal";
    }

    @GetMapping("/data/{name:[a-z0-9_-]+}")
    String dataset(@PathVariable String name, Model model) {
        Dataset d = published(name);
        List<Resource> resources = catalog.resources(d.id()).stream().filter(r -> r.currentVersionId() != null).toList();
        model.addAttribute("dataset", d);
        model.addAttribute("resources", resources);
        model.addAttribute("formats", Exports.Format.values());
        if (!resources.isEmpty()) {
            DatasetVersion v = catalog.version(resources.get(0).currentVersionId()).orElseThrow();
            model.addAttribute("preview", Exports.preview(files.path(v.sha256()), v.fileName(), 10));
            model.addAttribute("previewResource", resources.get(0));
        }
        model.addAttribute("useCases", analysis.useCases(true).stream().filter(u -> u.datasetIds().contains(d.id())).toList());
        return "opendata/dataset";
    }

    @GetMapping("/data/{name:[a-z0-9_-]+}/resources/{rid}/download")
    void download(@PathVariable String name, @PathVariable long rid, @RequestParam(defaultValue = "csv") String format,
                  HttpServletResponse response) throws IOException {
        Dataset d = published(name);
        Resource r = catalog.resource(rid).filter(x -> x.datasetId() == d.id() && x.currentVersionId() != null)
                .orElseThrow(() -> DomainException.notFound("리소스", rid));
        DatasetVersion v = catalog.version(r.currentVersionId()).orElseThrow();
        Exports.Format f = Exports.Format.of(format);
        catalog.count(d.id(), "DOWNLOAD");
        String file = d.name() + "-" + r.id() + "-v" + v.versionNo() + (f == Exports.Format.CSV_CP949 ? "-cp949" : "") + "." + f.extension;
        response.setContentType(f.mediaType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file, StandardCharsets.UTF_8));
        response.setHeader("X-Content-Type-Options", "nosniff");
        Exports.write(files.path(v.sha256()), v.fileName(), f, response.getOutputStream());
    }

    @GetMapping(value = "/data/catalog.ttl", produces = "text/turtle;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> turtle() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType("text/turtle;charset=UTF-8"))
                .body(dcat.turtle());
    }

    @GetMapping(value = "/data/catalog.jsonld", produces = "application/ld+json")
    @ResponseBody
    ResponseEntity<String> jsonLd() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType("application/ld+json"))
                .body(dcat.jsonLd().toString());
    }

    @GetMapping("/data/use-cases")
    String useCases(Model model) {
        model.addAttribute("useCases", analysis.useCases(true));
        model.addAttribute("datasets", catalog.search(new Catalog.Query(null, null, null, null, null, null, 0, 1000, "title asc")).results());
        return "opendata/use-cases";
    }

    // ------------------------------------------------------------- provision requests

    @GetMapping("/data/requests/new")
    String requestForm(Model model) {
        model.addAttribute("form", new ProvisionDesk.Form("", "", "", "", "", ""));
        return "opendata/request-form";
    }

    @PostMapping("/data/requests")
    String submit(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String dataDescription, @RequestParam(defaultValue = "") String purpose,
                  @RequestParam(defaultValue = "false") boolean consent, HttpServletRequest request, Model model) {
        ProvisionDesk.Form form = new ProvisionDesk.Form(name, phone, email, title, dataDescription, purpose);
        model.addAttribute("form", form);
        if (!consent) {
            model.addAttribute("error", "개인정보 수집·이용에 동의해야 신청할 수 있습니다.");
            return "opendata/request-form";
        }
        try {
            ProvisionDesk.Receipt receipt = desk.submit(form, request.getRemoteAddr());
            model.addAttribute("receipt", receipt);
            return "opendata/request-received";
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            return "opendata/request-form";
        }
    }

    @GetMapping("/data/requests/status")
    String statusForm(HttpSession session, Model model) {
        Object id = session.getAttribute(SESSION_REQUEST);
        if (id instanceof Long l) {
            desk.find(l).ifPresent(r -> model.addAttribute("request", r));
            model.addAttribute("notices", desk.notices(l));
        }
        return "opendata/request-status";
    }

    @PostMapping("/data/requests/status/code")
    String sendCode(@RequestParam(defaultValue = "") String receiptNo, @RequestParam(defaultValue = "") String phone, Model model) {
        model.addAttribute("receiptNo", receiptNo);
        model.addAttribute("phone", phone);
        try {
            var issued = desk.requestStatusCode(receiptNo, phone);
            model.addAttribute("sentTo", issued.maskedDestination());
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "opendata/request-status";
    }

    @PostMapping("/data/requests/status/verify")
    String verify(@RequestParam(defaultValue = "") String receiptNo, @RequestParam(defaultValue = "") String phone,
                  @RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        try {
            ProvisionRequest r = desk.verifyStatus(receiptNo, phone, code);
            request.changeSessionId();
            request.getSession().setAttribute(SESSION_REQUEST, r.id());
            return "redirect:/data/requests/status";
        } catch (DomainException e) {
            model.addAttribute("receiptNo", receiptNo);
            model.addAttribute("phone", phone);
            model.addAttribute("sentTo", "");
            model.addAttribute("error", e.getMessage());
            return "opendata/request-status";
        }
    }

    @GetMapping("/data/requests/notices/{id}")
    void notice(@PathVariable long id, HttpSession session, HttpServletResponse response) throws IOException {
        ProvisionDesk.Notice n = desk.notice(id);
        if (!(session.getAttribute(SESSION_REQUEST) instanceof Long l) || l != n.requestId()) {
            throw DomainException.forbidden("본인 확인을 마친 신청의 통지서만 볼 수 있습니다.");
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"notice-" + id + ".pdf\"");
        try (var in = files.open(n.sha256())) {
            in.transferTo(response.getOutputStream());
        }
    }

    private Dataset published(String name) {
        return catalog.dataset(name).filter(Dataset::published).orElseThrow(() -> DomainException.notFound("데이터셋", name));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
