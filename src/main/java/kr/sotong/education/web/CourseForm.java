package kr.sotong.education.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.education.catalogue.Allocation;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.CourseDraft;
import kr.sotong.education.catalogue.CourseKind;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.shared.DomainException;

/** The staff course form; every value arrives as text and is checked with Korean messages. */
public record CourseForm(String title, String kind, String categoryCode, String levelCode, String roomId, String instructor,
                         String summary, List<String> targetGroups, String quotaSenior, String quotaLiteracy,
                         String quotaResident, String capacity, String allocation, String opensAt, String closesAt,
                         String claimHours, String completionPercent) {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public static CourseForm empty() {
        return new CourseForm("", "REGULAR", "SMARTPHONE", "INTRO", "", "", "", List.of("SENIOR_65", "LITERACY_LEARNER", "RESIDENT"),
                "", "", "", "16", "FIRST_COME", "", "", "24", "80");
    }

    public static CourseForm of(Course c) {
        return new CourseForm(c.title(), c.kind().name(), c.categoryCode(), c.levelCode(), String.valueOf(c.roomId()), c.instructor(),
                c.summary(), c.targetGroups().stream().map(Enum::name).toList(), quota(c, TargetGroup.SENIOR_65),
                quota(c, TargetGroup.LITERACY_LEARNER), quota(c, TargetGroup.RESIDENT), String.valueOf(c.capacity()),
                c.allocation().name(), input(c.opensAt()), input(c.closesAt()), String.valueOf(c.claimHours()),
                String.valueOf(c.completionPercent()));
    }

    private static String quota(Course c, TargetGroup g) {
        Integer q = c.quotas().get(g);
        return q == null ? "" : q.toString();
    }

    private static String input(Instant t) {
        return t == null ? "" : t.atZone(SEOUL).toLocalDateTime().toString();
    }

    public boolean hasGroup(String g) {
        return targetGroups != null && targetGroups.contains(g);
    }

    public CourseDraft toDraft() {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        if (targetGroups != null) {
            targetGroups.forEach(g -> groups.add(TargetGroup.parse(g)));
        }
        Map<TargetGroup, Integer> quotas = new EnumMap<>(TargetGroup.class);
        putQuota(quotas, TargetGroup.SENIOR_65, quotaSenior);
        putQuota(quotas, TargetGroup.LITERACY_LEARNER, quotaLiteracy);
        putQuota(quotas, TargetGroup.RESIDENT, quotaResident);
        return new CourseDraft(title == null ? null : title.strip(), parseEnum(CourseKind.class, kind, "과정 종류"),
                categoryCode, levelCode == null || levelCode.isBlank() ? null : levelCode,
                number(roomId, "교육장", 1, Long.MAX_VALUE), instructor == null || instructor.isBlank() ? null : instructor.strip(),
                summary == null || summary.isBlank() ? null : summary.strip(), groups, quotas,
                (int) number(capacity, "정원", 1, 2000), parseEnum(Allocation.class, allocation, "선정 방식"),
                dateTime(opensAt, "신청 시작"), dateTime(closesAt, "신청 마감"), (int) number(claimHours, "확정 기한(시간)", 1, 168),
                (int) number(completionPercent, "수료 기준(%)", 1, 100));
    }

    private static void putQuota(Map<TargetGroup, Integer> quotas, TargetGroup g, String value) {
        if (value != null && !value.isBlank()) {
            int n = (int) number(value, "우선 배정 인원", 0, 2000);
            if (n > 0) {
                quotas.put(g, n);
            }
        }
    }

    static long number(String value, String what, long min, long max) {
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DomainException("edu.form.number", what + "에 " + min + "~" + max + " 사이의 숫자를 넣으세요.", what, min, max);
        }
    }

    static Instant dateTime(String value, String what) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip()).atZone(SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException("edu.form.datetime", what + " 날짜와 시각을 입력하세요 (예: 2025-03-02 10:00).", what);
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("edu.form.choice", what + "을(를) 고르세요.", what);
        }
    }
}
