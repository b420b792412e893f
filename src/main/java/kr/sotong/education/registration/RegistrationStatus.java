package kr.sotong.education.registration;

import java.util.EnumSet;
import java.util.Set;

/**
 * APPLIED (lottery entry before the draw) → CONFIRMED (seat) or WAITLISTED; WAITLISTED → OFFERED (seat held until
 * the claim deadline) → CONFIRMED, or EXPIRED when unclaimed; any active status → CANCELLED.
 */
public enum RegistrationStatus {
    APPLIED("추첨 신청"),
    CONFIRMED("수강 확정"),
    OFFERED("자리 확정 대기"),
    WAITLISTED("대기"),
    CANCELLED("취소"),
    EXPIRED("확정 기한 지남");

    public static final Set<RegistrationStatus> ACTIVE = EnumSet.of(APPLIED, CONFIRMED, OFFERED, WAITLISTED);
    public static final Set<RegistrationStatus> SEATED = EnumSet.of(CONFIRMED, OFFERED);

    private final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean active() {
        return ACTIVE.contains(this);
    }
}
