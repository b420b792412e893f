package kr.sotong.press.web;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import kr.sotong.platform.FileStore;
import kr.sotong.press.PressOffice;
import kr.sotong.press.PublishedRelease;
import kr.sotong.press.PublishedReleaseDetail;
import kr.sotong.press.ReleaseFile;
import kr.sotong.shared.DomainException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public press room: published releases only (the embargo rule lives in {@link PressOffice}), their
 * photos and attachments, HWPX/PDF downloads and the RSS feed {@code /press/feed.xml}.
 */
@Controller
class PublicPressPages {

    static final int PAGE = 20;

    private final PressOffice office;
    private final FileStore files;

    PublicPressPages(PressOffice office, FileStore files) {
        this.office = office;
        this.files = files;
    }

    @GetMapping("/press")
    String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String q, Model model, jakarta.servlet.http.HttpServletResponse response) {
        int p = Math.max(1, Math.min(page, 10_000));
        Integer y = year != null && year >= 2000 && year <= 2100 ? year : null;
        String query = q == null || q.isBlank() ? null : q.strip().length() > 100 ? q.strip().substring(0, 100) : q.strip();
        List<PublishedRelease> rows = office.publishedReleases(y, query, PAGE + 1, (p - 1) * PAGE);
        model.addAttribute("releases", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE);
        model.addAttribute("page", p);
        model.addAttribute("year", y);
        model.addAttribute("q", query);
        // revalidate every time: a release must appear at its 보도 시점, not when a cached copy expires
        response.setHeader("Cache-Control", CacheControl.noCache().cachePublic().getHeaderValue());
        return "press/public-list";
    }

    @GetMapping("/press/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        PublishedReleaseDetail d = office.publishedRelease(id)
                .orElseThrow(() -> DomainException.notFound("보도자료", id));
        model.addAttribute("d", d);
        model.addAttribute("lines", BodyLines.of(d.body()));
        return "press/public-detail";
    }

    @GetMapping("/press/{id:\\d+}/files/{fileId:\\d+}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) {
        ReleaseFile f = office.publishedFile(id, fileId).orElseThrow(() -> DomainException.notFound("파일", fileId));
        return download(files, f, f.photo());
    }

    static ResponseEntity<InputStreamResource> download(FileStore files, ReleaseFile f, boolean inline) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header("Content-Disposition", (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(f.sizeBytes())
                .body(new InputStreamResource(files.open(f.sha256())));
    }

    @GetMapping("/press/{id:\\d+}/release.hwpx")
    ResponseEntity<byte[]> hwpx(@PathVariable long id) {
        office.publishedSummary(id).orElseThrow(() -> DomainException.notFound("보도자료", id));
        return bytes(office.publishedHwpx(id), "application/hwp+zip", "보도자료_" + id + ".hwpx");
    }

    @GetMapping("/press/{id:\\d+}/release.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        office.publishedSummary(id).orElseThrow(() -> DomainException.notFound("보도자료", id));
        return bytes(office.publishedPdf(id), "application/pdf", "보도자료_" + id + ".pdf");
    }

    static ResponseEntity<byte[]> bytes(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping(value = "/press/feed.xml")
    ResponseEntity<String> feed(HttpServletRequest request) throws FeedException {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle("금천구 보도자료");
        feed.setLink(base + "/press");
        feed.setDescription("서울특별시 금천구 소통담당관 언론팀이 배포한 보도자료 (보도 시점이 지난 것만)");
        feed.setLanguage("ko");
        List<SyndEntry> entries = new ArrayList<>();
        List<PublishedRelease> items = office.publishedReleases(null, null, 30, 0);
        for (PublishedRelease r : items) {
            SyndEntry e = new SyndEntryImpl();
            e.setTitle((r.correction() ? "[정정] " : "") + r.title());
            e.setLink(base + r.publicUrl());
            e.setUri(base + r.publicUrl() + "#" + r.edition());
            e.setPublishedDate(Date.from(r.publishedAt()));
            e.setAuthor(r.department() == null ? "금천구" : r.department());
            SyndContentImpl c = new SyndContentImpl();
            c.setType("text/plain");
            c.setValue(r.subtitle() == null ? r.title() : r.subtitle());
            e.setDescription(c);
            entries.add(e);
        }
        feed.setEntries(entries);
        if (!items.isEmpty()) {
            feed.setPublishedDate(Date.from(items.get(0).publishedAt()));
        }
        String xml = new SyndFeedOutput().outputString(feed);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
                .cacheControl(CacheControl.noCache().cachePublic()).body(xml);
    }
}
