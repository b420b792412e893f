package kr.sotong.contests.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.sotong.contests.core.Awards;
import kr.sotong.contests.core.Contest;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestStatus;
import kr.sotong.contests.core.Judging;
import kr.sotong.contests.core.StaffEntries;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: the published contests and their results (public), entries with masked entrants (staff, never a judge of
 * the contest), and the blind judging endpoints for judges.
 */
@RestController
@Tag(name = "공모전")
class ContestsApi {

    private final ContestCatalog catalog;
    private final StaffEntries staffEntries;
    private final Awards awards;
    private final Judging judging;
    private final StaffDirectory staff;

    ContestsApi(ContestCatalog catalog, StaffEntries staffEntries, Awards awards, Judging judging, StaffDirectory staff) {
        this.catalog = catalog;
        this.staffEntries = staffEntries;
        this.awards = awards;
        this.judging = judging;
        this.staff = staff;
    }

    record PrizeDto(int rank, String name, int winners, long amountWon, String goods) {
    }

    record ContestDto(long id, String kind, String title, String status, List<String> themes, String field,
                      List<String> purposes, List<String> uses, LocalDate programmeStart, LocalDate programmeEnd,
                      Instant entryOpensAt, Instant entryClosesAt, boolean acceptingEntries, List<String> eligibility,
                      List<String> formats, long maxBytes, Long minDurationMs, Long maxDurationMs, Integer minLongSide,
                      long prizeBudgetWon, String prizeGoods, List<PrizeDto> prizes, String resultsUrl) {
    }

    private ContestDto dto(Contest c) {
        return new ContestDto(c.id(), c.kind().name(), c.title(), c.status().name(), c.themes(), c.def().field(),
                c.def().purposes(), c.def().uses(), c.programmeStart(), c.programmeEnd(), c.def().entryOpensAt(),
                c.def().entryClosesAt(), catalog.acceptsEntriesNow(c), c.eligibility().stream().map(Enum::name).sorted().toList(),
                c.def().formats().stream().map(MediaFormat::name).toList(), c.def().maxBytes(), c.def().minDurationMs(),
                c.def().maxDurationMs(), c.def().minLongSide(), c.def().prizeBudgetWon(), c.def().prizeGoods(),
                catalog.prizes(c.id()).stream().map(p -> new PrizeDto(p.rank(), p.name(), p.winners(), p.amountWon(), p.goods()))
                        .toList(),
                c.status() == ContestStatus.ANNOUNCED ? "/api/v1/contests/" + c.id() + "/results" : null);
    }

    @GetMapping("/api/v1/contests")
    @Operation(summary = "공고된 공모전 목록(공개)")
    List<ContestDto> contests() {
        return catalog.published().stream().map(this::dto).toList();
    }

    record EntryDto(long id, String receiptNo, String blindCode, String title, String status, String statusReason,
                    Instant submittedAt, String entrant, String phone, String eligibility, boolean minor, String media,
                    List<String> warnings, List<Map<String, Object>> similar, String award) {
    }

    @GetMapping("/api/v1/contests/{id:\\d+}/entries")
    @PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN','DIRECTOR')")
    @Operation(summary = "응모작 목록(직원, 응모자 마스킹; 해당 공모전 심사위원은 불가)")
    List<EntryDto> entries(@PathVariable long id) {
        return staffEntries.list(id, staff.requireCurrent()).stream()
                .map(r -> new EntryDto(r.id(), r.receiptNo(), r.blindCode(), r.title(), r.status().name(), r.statusReason(),
                        r.submittedAt(), r.maskedName(), r.maskedPhone(), r.basisLabel(), r.minor(), r.mediaSummary(),
                        r.warnings(), r.similar().stream().map(s -> Map.<String, Object>of("receiptNo", s.otherReceiptNo(),
                        "kind", s.kind(), "distance", s.distance())).toList(), r.award()))
                .toList();
    }

    record WinnerDto(long entryId, int prizeRank, String prize, String title, String entrant, String mediaUrl,
                     String mediaType) {
    }

    record ResultsDto(long contestId, String title, Instant announcedAt, String announcement, List<WinnerDto> winners) {
    }

    @GetMapping("/api/v1/contests/{id:\\d+}/results")
    @Operation(summary = "결과 발표(공개, 수상자 이름 마스킹)")
    ResultsDto results(@PathVariable long id) {
        Awards.Results r = awards.results(id).orElseThrow(() -> DomainException.notFound("공모전 결과", id));
        return new ResultsDto(id, r.contest().title(), r.contest().announcedAt(), r.contest().announcement(),
                r.winners().stream().map(w -> new WinnerDto(w.entryId(), w.prizeRank(), w.prizeName(), w.title(),
                        w.maskedName(), "/contests/" + id + "/media/" + w.entryId(), w.mediaType())).toList());
    }

    // ---- judges (blind)

    record BlindEntryDto(String code, String title, String description, String aiService, String aiLicence,
                         String lyrics, String media, String mediaUrl, boolean recused, Map<Long, Integer> myScores,
                         boolean finished) {
    }

    record CriterionDto(long id, String name, int weight) {
    }

    record BoardDto(long contestId, String title, int scaleMax, boolean open, List<CriterionDto> criteria,
                    List<BlindEntryDto> entries) {
    }

    @GetMapping("/api/v1/judging/contests/{id:\\d+}/entries")
    @Operation(summary = "심사위원: 배정된 작품(블라인드)")
    BoardDto board(@PathVariable long id) {
        Judging.Board b = judging.board(id, staff.requireCurrent().id());
        return new BoardDto(id, b.contestTitle(), b.scaleMax(), b.open(),
                b.criteria().stream().map(c -> new CriterionDto(c.id(), c.name(), c.weight())).toList(),
                b.entries().stream().map(e -> new BlindEntryDto(e.blindCode(), e.title(), e.description(), e.aiService(),
                        e.aiLicence(), e.lyrics(), e.mediaSummary(), "/staff/judging/" + id + "/" + e.blindCode() + "/media",
                        e.recused(), e.myScores(), e.finished())).toList());
    }

    @PutMapping("/api/v1/judging/contests/{id:\\d+}/entries/{code:[A-Z0-9]{5}}/scores")
    @Operation(summary = "심사위원: 작품 채점(기준 id → 점수)")
    Map<String, Object> score(@PathVariable long id, @PathVariable String code, @RequestBody Map<Long, Object> scores) {
        Map<Long, String> raw = new java.util.HashMap<>();
        scores.forEach((k, v) -> raw.put(k, v == null ? null : String.valueOf(v)));
        judging.score(id, staff.requireCurrent().id(), code, raw);
        return Map.of("code", code, "saved", raw.size());
    }
}
