package kr.sotong.press.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.sotong.press.PressOffice;
import kr.sotong.press.PressStatistics;
import kr.sotong.press.PublishedRelease;
import kr.sotong.press.PublishedReleaseDetail;
import kr.sotong.press.ReleaseDraft;
import kr.sotong.press.ReleaseStatus;
import kr.sotong.press.ReleaseSummary;
import kr.sotong.press.ReleaseView;
import kr.sotong.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of press releases. Reading is open to everyone, but the embargo applies: callers outside the
 * press team (anonymous, other staff) see only releases whose 보도 시점 has passed, and only their public
 * text. Writing needs the press team (session + CSRF or bearer token).
 */
@RestController
@RequestMapping("/api/v1/press")
@Tag(name = "보도자료", description = "보도자료 목록·상세(엠바고 적용), 작성·수정, 결재 단계, 통계")
class PressApi {

    private final PressOffice office;
    private final PressStatistics statistics;

    PressApi(PressOffice office, PressStatistics statistics) {
        this.office = office;
        this.statistics = statistics;
    }

    /** One release in a list. {@code status} is PUBLISHED for callers outside the press team. */
    record ReleaseJson(long id, String status, int edition, String title, String department, Instant distributeAt,
                       Instant embargoUntil, String publicUrl) {

        static ReleaseJson of(ReleaseSummary s) {
            return new ReleaseJson(s.id(), s.status().name(), s.edition(), s.title(), null, s.distributeAt(),
                    s.embargoUntil(), null);
        }

        static ReleaseJson of(PublishedRelease p) {
            return new ReleaseJson(p.id(), "PUBLISHED", p.edition(), p.title(), p.department(), null, p.publishedAt(),
                    p.publicUrl());
        }
    }

    @GetMapping("/releases")
    @Operation(summary = "보도자료 목록 (언론팀 밖에는 보도 시점이 지난 것만)")
    List<ReleaseJson> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        int s = Math.max(1, Math.min(size, 200));
        int offset = (Math.max(1, page) - 1) * s;
        if (year != null && (year < 2000 || year > 2100)) {
            throw new DomainException("press.year", "연도는 2000~2100 사이여야 합니다.");
        }
        if (office.canSeeEmbargoed()) {
            ReleaseStatus st = status == null || status.isBlank() ? null : Forms.choice("status", ReleaseStatus.class, status);
            return office.releases(year, st, s, offset).stream().map(ReleaseJson::of).toList();
        }
        if (status != null && !status.isBlank() && !status.equals("PUBLISHED") && !status.equals("DISTRIBUTED")) {
            return List.of();
        }
        return office.publishedReleases(year, null, s, offset).stream().map(ReleaseJson::of).toList();
    }

    @GetMapping("/releases/{id}")
    @Operation(summary = "보도자료 상세 (엠바고 중이면 언론팀 밖에는 404)")
    Object detail(@PathVariable long id) {
        if (office.canSeeEmbargoed()) {
            ReleaseView v = office.release(id);
            return Map.of("release", v, "editions", office.editions(id), "files", office.files(id));
        }
        PublishedReleaseDetail d = office.publishedRelease(id).orElseThrow(() -> DomainException.notFound("보도자료", id));
        return d;
    }

    record DraftJson(String title, String subtitle, String body, String department, String responsible,
                     String contactName, String contactPhone, Instant distributeAt, Instant embargoUntil,
                     List<String> listCodes, Long planItemId, String correctionNote, Integer lockVersion) {

        ReleaseDraft draft() {
            return new ReleaseDraft(title, subtitle, body, department, responsible, contactName, contactPhone, distributeAt,
                    embargoUntil, listCodes, planItemId, correctionNote);
        }
    }

    @PostMapping("/releases")
    @PreAuthorize("hasRole('PRESS')")
    @Operation(summary = "보도자료 초안 작성")
    ResponseEntity<Map<String, Object>> create(@RequestBody DraftJson body) {
        long id = office.create(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/press/releases/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/releases/{id}")
    @PreAuthorize("hasRole('PRESS')")
    @Operation(summary = "보도자료 수정 (작성 중일 때만, lockVersion 필요)")
    Map<String, Object> update(@PathVariable long id, @RequestBody DraftJson body) {
        if (body.lockVersion() == null) {
            throw new DomainException("press.lock-version", "lockVersion이 필요합니다(상세 조회의 release.lockVersion).");
        }
        office.update(id, body.lockVersion(), body.draft());
        return Map.of("id", id, "lockVersion", office.release(id).lockVersion());
    }

    record TransitionJson(String action, String comment) {
    }

    @PostMapping("/releases/{id}/transitions")
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR')")
    @Operation(summary = "결재 단계: submit, review, approve, reject, withdraw, distribute, correct")
    Map<String, Object> transition(@PathVariable long id, @RequestBody TransitionJson t) {
        String action = t.action() == null ? "" : t.action();
        switch (action) {
            case "submit" -> office.submit(id, t.comment());
            case "review" -> office.review(id, t.comment());
            case "approve" -> office.approve(id, t.comment());
            case "reject" -> office.reject(id, t.comment());
            case "withdraw" -> office.withdraw(id, t.comment());
            case "distribute" -> office.distributeNow(id);
            case "correct" -> office.startCorrection(id, t.comment());
            default -> throw new DomainException("press.action", "알 수 없는 단계입니다: " + action
                    + " (submit, review, approve, reject, withdraw, distribute, correct)");
        }
        ReleaseView v = office.release(id);
        return Map.of("id", id, "status", v.status().name(), "edition", v.edition());
    }

    @GetMapping("/stats")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "연도별 보도 통계 (업무계획의 2022~2024 실적을 기준값으로)")
    PressStatistics.Stats stats(@RequestParam(required = false) Integer year) {
        int y = year == null ? statistics.currentYear() : year;
        if (y < 2000 || y > 2100) {
            throw new DomainException("press.year", "연도는 2000~2100 사이여야 합니다.");
        }
        return statistics.stats(y);
    }
}
