package kr.sotong.contests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.sotong.contests.core.ContestsProperties;
import kr.sotong.contests.core.Upload;
import kr.sotong.contests.core.Uploads;
import kr.sotong.contests.media.MediaReport;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chunked, resumable upload of an entry file, for the resident's open entry form (the draft in the session
 * owns the upload; CSRF header as for every session request).
 * <pre>
 * POST   /contests/{contestId}/uploads  {"name","size","fingerprint"}  → 201 {id, offset, length, chunkSize}
 * GET    /contests/{contestId}/uploads?fingerprint=…&amp;size=…      → 200 the unfinished upload of the same file | 404
 * HEAD   /contests/uploads/{id}                                  → 204, Upload-Offset / Upload-Length
 * PATCH  /contests/uploads/{id}   Upload-Offset: n, body = bytes from n (application/offset+octet-stream)
 *                                                                → 204, Upload-Offset: new offset
 *                                                                  409 + Upload-Offset when n is not the current offset
 * POST   /contests/uploads/{id}/complete                         → 200 check result | 400 Korean reason (file refused)
 * GET    /contests/uploads/{id}                                  → 200 state and check result
 * DELETE /contests/uploads/{id}                                  → 204
 * </pre>
 * The fingerprint (size + SHA-256 of the first and last 64 KiB, computed by the browser) lets a page that was
 * closed or lost its connection continue the same file from the last received byte.
 */
@RestController
class UploadController {

    private final Uploads uploads;
    private final RateLimits limits;
    private final ContestsProperties properties;

    UploadController(Uploads uploads, RateLimits limits, ContestsProperties properties) {
        this.uploads = uploads;
        this.limits = limits;
        this.properties = properties;
    }

    record CreateRequest(String name, Long size, String fingerprint) {
    }

    record UploadState(String id, long offset, long length, long chunkSize, String state, String reason,
                       Map<String, Object> report) {
    }

    @PostMapping("/contests/{contestId:\\d+}/uploads")
    ResponseEntity<UploadState> create(@PathVariable long contestId, @RequestBody CreateRequest body, HttpSession session,
                                       HttpServletRequest request) {
        limits.acquire("contests.upload", WebSupport.client(request), properties.uploadsPerHour(), Duration.ofHours(1));
        if (body == null || body.size() == null) {
            throw new DomainException("contests.upload.size", "파일 크기(size)가 필요합니다.");
        }
        Upload u = uploads.create(draft(session, contestId), contestId, body.name(), body.size(), body.fingerprint());
        return ResponseEntity.created(URI.create("/contests/uploads/" + u.id())).body(state(u));
    }

    @GetMapping("/contests/{contestId:\\d+}/uploads")
    UploadState resumable(@PathVariable long contestId, @RequestParam String fingerprint, @RequestParam long size,
                          HttpSession session) {
        return uploads.resumable(draft(session, contestId), contestId, fingerprint, size).map(this::state)
                .orElseThrow(() -> DomainException.notFound("이어 올릴 업로드", fingerprint));
    }

    @RequestMapping(value = "/contests/uploads/{id:[0-9a-f]{32}}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@PathVariable String id, HttpSession session) {
        Upload u = owned(id, session);
        return ResponseEntity.noContent().header("Upload-Offset", String.valueOf(u.received()))
                .header("Upload-Length", String.valueOf(u.declaredLength())).header("Cache-Control", "no-store").build();
    }

    @GetMapping("/contests/uploads/{id:[0-9a-f]{32}}")
    UploadState get(@PathVariable String id, HttpSession session) {
        return state(owned(id, session));
    }

    @PatchMapping("/contests/uploads/{id:[0-9a-f]{32}}")
    ResponseEntity<Void> patch(@PathVariable String id, @RequestHeader("Upload-Offset") long offset,
                               HttpServletRequest request, HttpSession session) throws IOException {
        Upload u = owned(id, session);
        jakarta.servlet.ServletInputStream body = request.getInputStream();
        long next = uploads.append(u.id(), u.draftId(), offset, body::read); // read(ByteBuffer): no copy through a byte[]
        return ResponseEntity.noContent().header("Upload-Offset", String.valueOf(next)).header("Cache-Control", "no-store")
                .build();
    }

    @PostMapping("/contests/uploads/{id:[0-9a-f]{32}}/complete")
    UploadState complete(@PathVariable String id, HttpSession session) {
        Upload u = owned(id, session);
        return state(uploads.complete(u.id(), u.draftId()));
    }

    @DeleteMapping("/contests/uploads/{id:[0-9a-f]{32}}")
    ResponseEntity<Void> delete(@PathVariable String id, HttpSession session) {
        Upload u = owned(id, session);
        uploads.cancel(u.id(), u.draftId());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(Uploads.OffsetMismatch.class)
    ResponseEntity<ProblemDetail> offsetMismatch(Uploads.OffsetMismatch e, HttpServletRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        pd.setProperty("code", e.code());
        pd.setProperty("offset", e.offset());
        pd.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Upload-Offset", String.valueOf(e.offset())).body(pd);
    }

    private Upload owned(String id, HttpSession session) {
        long contestId = uploads.contestOf(id);
        return uploads.get(id, draft(session, contestId));
    }

    private static String draft(HttpSession session, long contestId) {
        String d = DraftSession.draft(session, contestId);
        if (d == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "contests.draft.missing",
                    "응모 작성 시간이 지났거나 응모서를 찾을 수 없습니다. 처음부터 다시 작성해 주세요.");
        }
        return d;
    }

    private UploadState state(Upload u) {
        Map<String, Object> report = null;
        if (u.complete()) {
            report = new java.util.LinkedHashMap<>();
            report.put("format", u.format().label());
            report.put("summary", summary(u));
            report.put("details", u.details());
            report.put("warnings", u.warnings() == null ? List.of() : u.warnings());
        }
        return new UploadState(u.id(), u.received(), u.declaredLength(), uploads.chunkSize(), u.state().name(),
                u.rejectReason(), report);
    }

    static String summary(Upload u) {
        StringBuilder sb = new StringBuilder(u.format().label());
        if (u.width() != null && u.width() > 0) {
            sb.append(", ").append(u.width()).append("×").append(u.height());
        }
        if (u.durationMs() != null) {
            sb.append(", ").append(MediaReport.seconds(u.durationMs()));
        }
        return sb.toString();
    }
}
