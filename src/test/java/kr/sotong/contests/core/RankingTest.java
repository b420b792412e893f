package kr.sotong.contests.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingTest {

    static final Criterion THEME = new Criterion(1, 1, 1, "주제 적합성", "", 40);
    static final Criterion CREATIVE = new Criterion(2, 1, 2, "창의성", "", 30);
    static final Criterion QUALITY = new Criterion(3, 1, 3, "완성도", "", 30);
    static final List<Criterion> CRITERIA = List.of(THEME, CREATIVE, QUALITY);
    static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");

    private static Ranking.Candidate c(long id, int minutes, Long... judges) {
        return new Ranking.Candidate(id, T0.plusSeconds(60L * minutes), Set.of(judges));
    }

    private static void score(List<Ranking.Score> s, long entry, long judge, int theme, int creative, int quality) {
        s.add(new Ranking.Score(entry, judge, 1, theme));
        s.add(new Ranking.Score(entry, judge, 2, creative));
        s.add(new Ranking.Score(entry, judge, 3, quality));
    }

    @Test
    void weightedMeanOfCompleteJudgesOnly() {
        List<Ranking.Score> s = new ArrayList<>();
        score(s, 10, 1, 10, 10, 10);   // 100
        score(s, 10, 2, 5, 5, 5);      // 50
        s.add(new Ranking.Score(10, 3, 1, 0)); // judge 3 did not finish: not counted
        score(s, 11, 1, 8, 6, 4);      // 40*.8 + 30*.6 + 30*.4 = 62
        score(s, 11, 2, 8, 6, 4);
        List<Ranking.Row> rows = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, false, 0,
                List.of(c(10, 0, 1L, 2L, 3L), c(11, 1, 1L, 2L)), s, Map.of()));
        assertThat(rows.get(0).entryId()).isEqualTo(10);
        assertThat(rows.get(0).finalScore()).isEqualByComparingTo("75");
        assertThat(rows.get(1).finalScore()).isEqualByComparingTo("62");
    }

    @Test
    void orderIsByFinalScore() {
        List<Ranking.Score> s = new ArrayList<>();
        score(s, 10, 1, 10, 10, 10);
        score(s, 10, 2, 5, 5, 5);
        score(s, 11, 1, 8, 6, 4);
        score(s, 11, 2, 8, 6, 4);
        List<Ranking.Row> rows = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, false, 0,
                List.of(c(10, 0, 1L, 2L, 3L), c(11, 1, 1L, 2L)), s, Map.of()));
        assertThat(rows).extracting(Ranking.Row::entryId).containsExactly(10L, 11L);
        assertThat(rows.get(0).judgesCounted()).isEqualTo(2);
        assertThat(rows.get(0).judgesExpected()).isEqualTo(3);
        assertThat(rows.get(0).complete()).isFalse();
        assertThat(rows.get(1).complete()).isTrue();
    }

    @Test
    void recusedJudgeIsNotCounted() {
        List<Ranking.Score> s = new ArrayList<>();
        score(s, 10, 1, 10, 10, 10);
        score(s, 10, 2, 0, 0, 0); // judge 2 recused for entry 10: eligible set excludes them
        List<Ranking.Row> rows = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, false, 0,
                List.of(c(10, 0, 1L)), s, Map.of()));
        assertThat(rows.get(0).finalScore()).isEqualByComparingTo("100");
        assertThat(rows.get(0).complete()).isTrue();
    }

    @Test
    void zScoreNormalisationRemovesAHarshJudgesBias() {
        // judge 1 is generous, judge 2 harsh; each judged different entries (two panels)
        List<Ranking.Score> s = new ArrayList<>();
        score(s, 10, 1, 10, 10, 10); // 100, best of judge 1
        score(s, 11, 1, 9, 9, 9);    // 90, worst of judge 1
        score(s, 12, 2, 6, 6, 6);    // 60, best of judge 2
        score(s, 13, 2, 2, 2, 2);    // 20, worst of judge 2
        List<Ranking.Candidate> cand = List.of(c(10, 0, 1L), c(11, 1, 1L), c(12, 2, 2L), c(13, 3, 2L));
        List<Ranking.Row> raw = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, false, 0, cand, s, Map.of()));
        assertThat(raw).extracting(Ranking.Row::entryId).containsExactly(10L, 11L, 12L, 13L);
        List<Ranking.Row> norm = Ranking.rank(new Ranking.Input(CRITERIA, 10, true, false, 0, cand, s, Map.of()));
        // z = ±1 within each judge: entries 10 and 12 tie at T = 60, 11 and 13 at T = 40
        assertThat(norm.get(0).judgeScore()).isEqualByComparingTo("60");
        assertThat(norm.get(1).judgeScore()).isEqualByComparingTo("60");
        assertThat(norm.get(2).judgeScore()).isEqualByComparingTo("40");
        assertThat(norm.subList(0, 2)).extracting(Ranking.Row::entryId).containsExactlyInAnyOrder(10L, 12L);
    }

    @Test
    void tieBreaksByHeaviestCriterionThenVotesThenEarlierEntry() {
        List<Ranking.Score> s = new ArrayList<>();
        score(s, 10, 1, 6, 9, 9);   // 24 + 27 + 27 = 78
        score(s, 11, 1, 9, 7, 6);   // 36 + 21 + 18 = 75
        score(s, 12, 1, 9, 8, 5);   // 36 + 24 + 15 = 75 — same total as 11, same theme; creative decides
        score(s, 13, 1, 6, 9, 9);   // 78 — same as 10 in every criterion; 13 submitted earlier
        List<Ranking.Row> rows = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, false, 0,
                List.of(c(10, 5, 1L), c(11, 6, 1L), c(12, 7, 1L), c(13, 1, 1L)), s, Map.of()));
        assertThat(rows).extracting(Ranking.Row::entryId).containsExactly(13L, 10L, 12L, 11L);
        assertThat(rows.get(1).tieNote()).contains("먼저 접수");
        assertThat(rows.get(3).tieNote()).contains("창의성");

        List<Ranking.Row> voted = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, true, 0,
                List.of(c(10, 5, 1L), c(13, 1, 1L)), s, Map.of(10L, 7L, 13L, 3L)));
        assertThat(voted).extracting(Ranking.Row::entryId).containsExactly(10L, 13L);
        assertThat(voted.get(1).tieNote()).contains("공개 투표");
    }

    @Test
    void publicVoteWeight() {
        List<Ranking.Score> s = new ArrayList<>();
        score(s, 10, 1, 10, 10, 10); // 100
        score(s, 11, 1, 8, 8, 8);    // 80
        List<Ranking.Row> rows = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, true, 30,
                List.of(c(10, 0, 1L), c(11, 1, 1L)), s, Map.of(10L, 10L, 11L, 100L)));
        // 10: 0.7*100 + 0.3*10 = 73;  11: 0.7*80 + 0.3*100 = 86
        assertThat(rows.get(0).entryId()).isEqualTo(11);
        assertThat(rows.get(0).finalScore()).isEqualByComparingTo(new BigDecimal("86"));
        assertThat(rows.get(1).finalScore()).isEqualByComparingTo(new BigDecimal("73"));
        assertThat(rows.get(0).voteScore()).isEqualByComparingTo("100");
    }

    @Test
    void unjudgedEntriesComeLastAndIncomplete() {
        List<Ranking.Score> s = new ArrayList<>();
        score(s, 10, 1, 1, 1, 1);
        List<Ranking.Row> rows = Ranking.rank(new Ranking.Input(CRITERIA, 10, false, false, 0,
                List.of(c(11, 0, 1L), c(10, 1, 1L), c(12, 2)), s, Map.of()));
        assertThat(rows).extracting(Ranking.Row::entryId).containsExactly(10L, 11L, 12L);
        assertThat(rows.get(1).finalScore()).isNull();
        assertThat(rows.get(2).complete()).as("no eligible judge at all").isFalse();
    }
}
