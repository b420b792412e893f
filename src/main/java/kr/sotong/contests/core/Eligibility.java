package kr.sotong.contests.core;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Who may enter: residents, people who work or study in the district, or anyone. */
public enum Eligibility {
    RESIDENT("금천구 거주자"),
    WORKER("금천구 소재 직장·학교 재직·재학자"),
    ANYONE("누구나");

    private final String label;

    Eligibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Set<Eligibility> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.of(ANYONE);
        }
        Set<Eligibility> s = EnumSet.noneOf(Eligibility.class);
        for (String p : csv.split(",")) {
            try {
                s.add(valueOf(p.strip()));
            } catch (IllegalArgumentException ignored) {
                // unknown values are dropped
            }
        }
        return s.isEmpty() ? EnumSet.of(ANYONE) : s;
    }

    public static String csv(Set<Eligibility> s) {
        return s.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static String labels(Set<Eligibility> s) {
        return s.contains(ANYONE) ? ANYONE.label
                : Arrays.stream(values()).filter(s::contains).map(Eligibility::label).collect(Collectors.joining(", "));
    }

    /** Whether an entrant whose basis is {@code basis} (RESIDENT, WORKER or OTHER) may enter. */
    public static boolean admits(Set<Eligibility> allowed, String basis) {
        if (allowed.contains(ANYONE)) {
            return true;
        }
        return "RESIDENT".equals(basis) && allowed.contains(RESIDENT) || "WORKER".equals(basis) && allowed.contains(WORKER);
    }
}
