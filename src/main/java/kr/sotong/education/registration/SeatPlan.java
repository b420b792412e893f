package kr.sotong.education.registration;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.sotong.education.catalogue.TargetGroup;

/**
 * Who may take a free seat. Seats reserved for a target group (its quota, minus the seats that group already
 * holds) are kept free for it while quotas are active; anyone may take the other free seats.
 */
public record SeatPlan(int capacity, Map<TargetGroup, Integer> quotas, boolean quotasActive,
                       Map<TargetGroup, Integer> heldByGroup) {

    public SeatPlan {
        quotas = Map.copyOf(quotas);
        heldByGroup = new EnumMap<>(heldByGroup.isEmpty() ? Map.of(TargetGroup.RESIDENT, 0) : heldByGroup);
    }

    public int held() {
        return heldByGroup.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int free() {
        return Math.max(0, capacity - held());
    }

    /** Free seats still reserved for groups other than {@code group}. */
    int reservedForOthers(TargetGroup group) {
        if (!quotasActive) {
            return 0;
        }
        int reserved = 0;
        for (Map.Entry<TargetGroup, Integer> q : quotas.entrySet()) {
            if (q.getKey() != group) {
                reserved += Math.max(0, q.getValue() - heldByGroup.getOrDefault(q.getKey(), 0));
            }
        }
        return reserved;
    }

    public boolean canSeat(TargetGroup group) {
        return free() - reservedForOthers(group) > 0;
    }

    /** The plan after {@code group} took one seat. */
    public SeatPlan take(TargetGroup group) {
        Map<TargetGroup, Integer> held = new EnumMap<>(heldByGroup);
        held.merge(group, 1, Integer::sum);
        return new SeatPlan(capacity, quotas, quotasActive, held);
    }

    /** The lowest seat number in 1..capacity not in {@code taken} (sorted or not), or 0 when all are taken. */
    public static int lowestFree(List<Integer> taken, int capacity) {
        boolean[] used = new boolean[capacity + 1];
        for (Integer t : taken) {
            if (t != null && t >= 1 && t <= capacity) {
                used[t] = true;
            }
        }
        for (int s = 1; s <= capacity; s++) {
            if (!used[s]) {
                return s;
            }
        }
        return 0;
    }
}
