package kr.sotong.education.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.education.catalogue.LotterySeed;
import kr.sotong.education.catalogue.TargetGroup;

/**
 * The published, reproducible lottery algorithm (explained in plain words on every lottery course page):
 * <ol>
 *   <li>Every application is identified by its application number (신청번호).</li>
 *   <li>Its key is the SHA-256 of {@code seed + ":" + applicationNumber} (UTF-8), written in lower-case hex.</li>
 *   <li>The lottery order sorts applications by key, ascending (then by application number).</li>
 *   <li>Quotas first: for each target group with reserved seats, in the order 65세 이상 어르신, 문해교육 학습자,
 *       구민, the first applicants of that group in lottery order are selected, up to the quota.</li>
 *   <li>The remaining seats go to the remaining applicants in lottery order.</li>
 *   <li>Everyone else is waitlisted in lottery order. Seats are numbered in lottery order among the selected.</li>
 * </ol>
 * Pure and deterministic: the same seed and applications always give the same result.
 */
public final class Lottery {

    private Lottery() {
    }

    public record Entry(long applicationNo, TargetGroup group) {
    }

    /** @param order every entry in lottery order with its key; selected in seat order; waitlisted in queue order */
    public record Result(List<Ranked> order, List<Long> selected, List<Long> waitlisted) {
    }

    public record Ranked(long applicationNo, TargetGroup group, String key, int rank) {
    }

    public static String key(String seed, long applicationNo) {
        return LotterySeed.sha256(seed + ":" + applicationNo);
    }

    public static List<Ranked> order(String seed, List<Entry> entries) {
        List<Ranked> keyed = new ArrayList<>();
        for (Entry e : entries) {
            keyed.add(new Ranked(e.applicationNo(), e.group(), key(seed, e.applicationNo()), 0));
        }
        keyed.sort(Comparator.comparing(Ranked::key).thenComparingLong(Ranked::applicationNo));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < keyed.size(); i++) {
            Ranked r = keyed.get(i);
            ranked.add(new Ranked(r.applicationNo(), r.group(), r.key(), i + 1));
        }
        return ranked;
    }

    public static Result draw(String seed, List<Entry> entries, int capacity, Map<TargetGroup, Integer> quotas) {
        List<Ranked> order = order(seed, entries);
        Set<Long> chosen = new HashSet<>();
        Map<Long, Integer> rankOf = new LinkedHashMap<>();
        order.forEach(r -> rankOf.put(r.applicationNo(), r.rank()));
        int seats = capacity;
        for (TargetGroup g : TargetGroup.values()) {
            int quota = quotas.getOrDefault(g, 0);
            for (Ranked r : order) {
                if (quota == 0 || seats == 0) {
                    break;
                }
                if (r.group() == g && chosen.add(r.applicationNo())) {
                    quota--;
                    seats--;
                }
            }
        }
        for (Ranked r : order) {
            if (seats == 0) {
                break;
            }
            if (chosen.add(r.applicationNo())) {
                seats--;
            }
        }
        List<Long> selected = order.stream().map(Ranked::applicationNo).filter(chosen::contains).toList();
        List<Long> waitlisted = order.stream().map(Ranked::applicationNo).filter(n -> !chosen.contains(n)).toList();
        return new Result(order, selected, waitlisted);
    }
}
