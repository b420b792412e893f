package kr.sotong.education.catalogue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import kr.sotong.shared.DomainException;

/** Who a course is for (사업대상: 구민, 65세 이상 어르신, 문해교육학습자). Self-declared at registration. */
public enum TargetGroup {
    SENIOR_65("65세 이상 어르신"),
    LITERACY_LEARNER("문해교육 학습자"),
    RESIDENT("구민");

    private final String label;

    TargetGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TargetGroup parse(String value) {
        if (value == null || value.isBlank()) {
            return RESIDENT;
        }
        try {
            return valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("edu.group.invalid", "교육 대상 구분이 올바르지 않습니다: " + value, value);
        }
    }

    /** "SENIOR_65,RESIDENT" → set in declaration order. */
    public static Set<TargetGroup> parseAll(String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.of(RESIDENT);
        }
        Set<TargetGroup> set = new LinkedHashSet<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                set.add(parse(s));
            }
        }
        return EnumSet.copyOf(set);
    }

    public static String toCsv(Set<TargetGroup> groups) {
        return groups.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static String labels(Set<TargetGroup> groups) {
        return Arrays.stream(values()).filter(groups::contains).map(TargetGroup::label).collect(Collectors.joining(", "));
    }
}
