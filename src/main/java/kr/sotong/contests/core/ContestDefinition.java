package kr.sotong.contests.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kr.sotong.contests.media.MediaFormat;

/**
 * Everything staff define about a contest (the seed fills the same record). Multi-line fields (purposes,
 * themes, uses) are lists, one item per line on screen.
 */
public record ContestDefinition(
        ContestKind kind,
        String title,
        boolean newThisYear,
        List<String> purposes,
        List<String> themes,
        String field,
        List<String> uses,
        String rules,
        LocalDate programmeStart,
        LocalDate programmeEnd,
        Instant entryOpensAt,
        Instant entryClosesAt,
        Set<Eligibility> eligibility,
        Integer minAge,
        int guardianUnderAge,
        int maxEntriesPerPerson,
        Set<MediaFormat> formats,
        long maxBytes,
        Integer minLongSide,
        Long minDurationMs,
        Long maxDurationMs,
        long prizeBudgetWon,
        String prizeGoods,
        int scoreScaleMax,
        boolean normaliseScores,
        boolean publicVote,
        int voteWeightPercent,
        Instant voteOpensAt,
        Instant voteClosesAt) {

    public ContestDefinition {
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        themes = themes == null ? List.of() : List.copyOf(themes);
        uses = uses == null ? List.of() : List.copyOf(uses);
        // enum sets iterate in declaration order (Set.copyOf's order differs between JVMs: pages, API, CSV)
        eligibility = eligibility == null || eligibility.isEmpty() ? Set.of(Eligibility.ANYONE)
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(eligibility));
        formats = formats == null || formats.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(formats));
        rules = rules == null ? "" : rules;
        prizeGoods = prizeGoods == null ? "" : prizeGoods;
        field = field == null ? "" : field;
    }

    /** A new contest of a kind with the kind's default file requirements. */
    public static ContestDefinition defaults(ContestKind kind, String title) {
        return new ContestDefinition(kind, title, false, List.of(), List.of(), "", List.of(), "", null, null, null, null,
                Set.of(Eligibility.ANYONE), null, 14, 3, kind.defaultFormats(), kind.defaultMaxMegabytes() * 1024 * 1024,
                kind.defaultMinLongSide(), kind.defaultMinDurationMs(), kind.defaultMaxDurationMs(), 0, "", 10, false,
                false, 0, null, null);
    }
}
