package kr.sotong.education.catalogue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import kr.sotong.shared.DomainException;

/**
 * A course (과정) with its registration rules. Seats are not counted here: a registration holds a seat when it
 * has a seat number (see the registration package); the database refuses seat numbers above capacity.
 *
 * @param quotas      seats reserved per target group while the application window is open
 * @param nextArrival the last arrival number handed out (arrival order of registrations)
 */
public record Course(long id, String title, CourseKind kind, String categoryCode, String levelCode, long roomId,
                     String instructor, String summary, Set<TargetGroup> targetGroups, Map<TargetGroup, Integer> quotas,
                     int capacity, Allocation allocation, Instant opensAt, Instant closesAt, int claimHours,
                     int completionPercent, CourseStatus status, int nextArrival, String lotterySeedHash,
                     String lotterySeed, Instant drawnAt, Instant finishedAt, Instant createdAt, String createdBy) {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M월 d일 HH:mm").withZone(SEOUL);

    public Course {
        targetGroups = Set.copyOf(targetGroups);
        quotas = Map.copyOf(quotas);
    }

    public boolean isLottery() {
        return allocation == Allocation.LOTTERY;
    }

    /** A lottery course before its draw collects applications without seats. */
    public boolean awaitingDraw() {
        return isLottery() && drawnAt == null;
    }

    public boolean windowOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Priority quotas hold while the application window is open; afterwards the waitlist order alone counts. */
    public boolean quotasActive(Instant now) {
        return now.isBefore(closesAt) && !quotas.isEmpty();
    }

    /**
     * Throws unless a registration may be taken now. Residents register inside the window; staff registering a
     * phone call or walk-in may also do so after the window closed (until the course is finished), never before
     * it opens — that would be unfair to those waiting for the opening.
     */
    public void ensureRegistrationPossible(Instant now, boolean staffAssisted) {
        if (status != CourseStatus.PUBLISHED) {
            throw DomainException.conflict("edu.course.not-open", "지금은 신청을 받지 않는 과정입니다.");
        }
        if (now.isBefore(opensAt)) {
            throw new DomainException("edu.window.not-yet", "아직 신청 기간이 아닙니다. 신청은 " + WHEN.format(opensAt)
                    + "부터 " + WHEN.format(closesAt) + "까지입니다.", WHEN.format(opensAt), WHEN.format(closesAt));
        }
        if (!now.isBefore(closesAt) && !staffAssisted) {
            throw new DomainException("edu.window.closed", "신청 기간이 끝났습니다. 신청은 " + WHEN.format(opensAt) + "부터 "
                    + WHEN.format(closesAt) + "까지였습니다.", WHEN.format(opensAt), WHEN.format(closesAt));
        }
        if (awaitingDraw() && !now.isBefore(closesAt)) {
            throw DomainException.conflict("edu.lottery.pending", "신청 기간이 끝나 추첨을 기다리는 과정입니다. 추첨 뒤에 대기 신청할 수 있습니다.");
        }
    }

    public void ensureTargetGroup(TargetGroup group) {
        if (!targetGroups.contains(group)) {
            throw new DomainException("edu.group.not-allowed", "이 과정은 " + TargetGroup.labels(targetGroups)
                    + " 대상입니다.", TargetGroup.labels(targetGroups));
        }
    }

    public void ensureDraft() {
        if (status != CourseStatus.DRAFT) {
            throw DomainException.conflict("edu.course.not-draft", "공개 전(준비 중) 과정만 고칠 수 있습니다.");
        }
    }

    public String windowLabel() {
        return WHEN.format(opensAt) + " ~ " + WHEN.format(closesAt);
    }
}
