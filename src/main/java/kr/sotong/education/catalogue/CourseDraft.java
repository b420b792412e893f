package kr.sotong.education.catalogue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** What staff enter to create or change a course (validated by {@link Catalogue}). */
public record CourseDraft(String title, CourseKind kind, String categoryCode, String levelCode, long roomId,
                          String instructor, String summary, Set<TargetGroup> targetGroups,
                          Map<TargetGroup, Integer> quotas, int capacity, Allocation allocation, Instant opensAt,
                          Instant closesAt, int claimHours, int completionPercent) {

    public CourseDraft {
        targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
        quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
    }
}
