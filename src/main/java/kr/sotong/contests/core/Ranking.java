package kr.sotong.contests.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks entries from judges' per-criterion scores. Pure; no database.
 * <ol>
 * <li>A judge's total for an entry = Σ weight × points ÷ scale (0–100), counted only when the judge scored every
 *     criterion and was not recused for that entry.</li>
 * <li>Judge score = mean of the counted totals. With normalisation on, each total becomes a z-score against that
 *     judge's own totals (mean, population standard deviation; 0 when the judge gave everyone the same total), and
 *     the judge score is the T-score 50 + 10 × mean z, bounded to 0–100.</li>
 * <li>With a public vote, final = (100 − w)% × judge score + w% × vote score, where vote score = 100 × votes ÷ the
 *     most votes any entry got.</li>
 * <li>Tie-break (scores compared to 4 decimals): the average points of the criteria in order of weight (highest
 *     first, then the order they are listed), then more public votes, then the earlier submission.</li>
 * </ol>
 */
public final class Ranking {

    private Ranking() {
    }

    public record Candidate(long entryId, Instant submittedAt, Set<Long> eligibleJudges) {
    }

    public record Score(long entryId, long judgeId, long criterionId, int points) {
    }

    public record Input(List<Criterion> criteria, int scaleMax, boolean normalise, boolean publicVote,
                        int voteWeightPercent, List<Candidate> candidates, List<Score> scores, Map<Long, Long> votes) {
    }

    /**
     * @param judgeScore raw mean (or T-score when normalised); null when no judge has finished the entry
     * @param complete   every eligible judge has scored every criterion
     * @param tieNote    how this entry was separated from the one above it when their scores were equal
     */
    public record Row(int rank, long entryId, BigDecimal rawScore, BigDecimal judgeScore, long votes,
                      BigDecimal voteScore, BigDecimal finalScore, int judgesCounted, int judgesExpected,
                      boolean complete, Map<Long, BigDecimal> criterionAverages, String tieNote) {
    }

    private record Work(Candidate c, Double raw, Double judge, long votes, Double vote, Double fin, int counted,
                        Map<Long, BigDecimal> averages) {
    }

    public static List<Row> rank(Input in) {
        Map<Long, Criterion> criteria = new LinkedHashMap<>();
        in.criteria().forEach(c -> criteria.put(c.id(), c));
        // points[entry][judge][criterion]
        Map<Long, Map<Long, Map<Long, Integer>>> points = new HashMap<>();
        for (Score s : in.scores()) {
            if (criteria.containsKey(s.criterionId())) {
                points.computeIfAbsent(s.entryId(), k -> new HashMap<>()).computeIfAbsent(s.judgeId(), k -> new HashMap<>())
                        .put(s.criterionId(), s.points());
            }
        }
        // complete totals per entry and judge
        Map<Long, Map<Long, Double>> totals = new HashMap<>();
        Map<Long, List<Double>> byJudge = new HashMap<>();
        for (Candidate c : in.candidates()) {
            Map<Long, Map<Long, Integer>> judges = points.getOrDefault(c.entryId(), Map.of());
            Map<Long, Double> t = new LinkedHashMap<>();
            for (long judge : c.eligibleJudges()) {
                Map<Long, Integer> p = judges.get(judge);
                if (p == null || !p.keySet().containsAll(criteria.keySet()) || criteria.isEmpty()) {
                    continue;
                }
                double total = 0;
                for (Criterion cr : criteria.values()) {
                    total += cr.weight() * (double) p.get(cr.id()) / in.scaleMax();
                }
                t.put(judge, total);
                byJudge.computeIfAbsent(judge, k -> new ArrayList<>()).add(total);
            }
            totals.put(c.entryId(), t);
        }
        Map<Long, double[]> judgeStats = new HashMap<>();
        byJudge.forEach((judge, list) -> {
            double mean = list.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = list.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0);
            judgeStats.put(judge, new double[] {mean, Math.sqrt(var)});
        });
        long maxVotes = in.votes().values().stream().mapToLong(Long::longValue).max().orElse(0);

        List<Work> work = new ArrayList<>();
        for (Candidate c : in.candidates()) {
            Map<Long, Double> t = totals.get(c.entryId());
            Double raw = t.isEmpty() ? null : t.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            Double judge = raw;
            if (raw != null && in.normalise()) {
                double z = t.entrySet().stream().mapToDouble(e -> {
                    double[] st = judgeStats.get(e.getKey());
                    return st[1] == 0 ? 0 : (e.getValue() - st[0]) / st[1];
                }).average().orElse(0);
                judge = Math.max(0, Math.min(100, 50 + 10 * z));
            }
            long v = in.votes().getOrDefault(c.entryId(), 0L);
            Double voteScore = in.publicVote() ? (maxVotes == 0 ? 0.0 : 100.0 * v / maxVotes) : null;
            Double fin = judge;
            if (judge != null && in.publicVote()) {
                fin = (100 - in.voteWeightPercent()) / 100.0 * judge + in.voteWeightPercent() / 100.0 * voteScore;
            }
            Map<Long, BigDecimal> averages = new LinkedHashMap<>();
            for (Criterion cr : criteria.values()) {
                double avg = t.keySet().stream()
                        .mapToDouble(j -> points.get(c.entryId()).get(j).get(cr.id())).average().orElse(0);
                averages.put(cr.id(), round(avg));
            }
            work.add(new Work(c, raw, judge, v, voteScore, fin, t.size(), averages));
        }
        List<Criterion> byWeight = new ArrayList<>(criteria.values());
        byWeight.sort(Comparator.comparingInt(Criterion::weight).reversed().thenComparingInt(Criterion::position)
                .thenComparingLong(Criterion::id));

        Comparator<Work> order = Comparator.comparing((Work w) -> w.fin() == null ? null : round(w.fin()),
                Comparator.nullsLast(Comparator.reverseOrder()));
        for (Criterion cr : byWeight) {
            order = order.thenComparing(w -> w.averages().get(cr.id()), Comparator.reverseOrder());
        }
        if (in.publicVote()) {
            order = order.thenComparing(Work::votes, Comparator.reverseOrder());
        }
        order = order.thenComparing(w -> w.c().submittedAt()).thenComparingLong(w -> w.c().entryId());
        work.sort(order);

        List<Row> rows = new ArrayList<>();
        Work previous = null;
        for (Work w : work) {
            String note = null;
            if (previous != null && w.fin() != null && previous.fin() != null
                    && round(w.fin()).compareTo(round(previous.fin())) == 0) {
                note = tieNote(previous, w, byWeight, in.publicVote());
            }
            int expected = w.c().eligibleJudges().size();
            rows.add(new Row(rows.size() + 1, w.c().entryId(), w.raw() == null ? null : round(w.raw()),
                    w.judge() == null ? null : round(w.judge()), w.votes(), w.vote() == null ? null : round(w.vote()),
                    w.fin() == null ? null : round(w.fin()), w.counted(), expected,
                    expected > 0 && w.counted() == expected, w.averages(), note));
            previous = w;
        }
        return rows;
    }

    private static String tieNote(Work above, Work below, List<Criterion> byWeight, boolean vote) {
        for (Criterion cr : byWeight) {
            if (above.averages().get(cr.id()).compareTo(below.averages().get(cr.id())) != 0) {
                return "동점 — '" + cr.name() + "' 평균 점수로 순위 결정";
            }
        }
        if (vote && above.votes() != below.votes()) {
            return "동점 — 공개 투표 수로 순위 결정";
        }
        return "동점 — 먼저 접수한 작품 우선";
    }

    static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
    }
}
