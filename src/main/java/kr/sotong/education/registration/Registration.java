package kr.sotong.education.registration;

import java.time.Instant;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.shared.DomainException;

/**
 * A resident's registration for a course. Holds a seat exactly when CONFIRMED or OFFERED (then {@code seatNo} is
 * set). Transitions return the new state and refuse illegal moves.
 *
 * @param arrivalNo order in which the registration passed the course lock (1, 2, 3 …)
 * @param queueNo   waitlist order: the arrival number for first-come courses, the lottery rank for lotteries
 */
public record Registration(long id, long courseId, long residentId, RegistrationStatus status, TargetGroup group,
                           Channel channel, int arrivalNo, Integer queueNo, Integer seatNo, String lotteryKey,
                           Instant offerExpiresAt, Instant createdAt, String createdBy, Instant confirmedAt,
                           Instant endedAt, String endReason, Boolean completed) {

    public Registration confirm(int seat, Instant now) {
        if (status != RegistrationStatus.APPLIED && status != RegistrationStatus.WAITLISTED && status != RegistrationStatus.OFFERED) {
            throw illegal("확정");
        }
        int s = status == RegistrationStatus.OFFERED ? seatNo : seat;
        return new Registration(id, courseId, residentId, RegistrationStatus.CONFIRMED, group, channel, arrivalNo, queueNo, s,
                lotteryKey, null, createdAt, createdBy, now, null, null, completed);
    }

    public Registration waitlist(int queue) {
        if (status != RegistrationStatus.APPLIED) {
            throw illegal("대기 등록");
        }
        return new Registration(id, courseId, residentId, RegistrationStatus.WAITLISTED, group, channel, arrivalNo, queue, null,
                lotteryKey, null, createdAt, createdBy, null, null, null, completed);
    }

    public Registration offer(int seat, Instant until) {
        if (status != RegistrationStatus.WAITLISTED) {
            throw illegal("자리 제안");
        }
        return new Registration(id, courseId, residentId, RegistrationStatus.OFFERED, group, channel, arrivalNo, queueNo, seat,
                lotteryKey, until, createdAt, createdBy, null, null, null, completed);
    }

    public Registration claim(Instant now) {
        if (status != RegistrationStatus.OFFERED) {
            throw DomainException.conflict("edu.claim.not-offered", "확정할 자리가 없습니다 (현재 상태: " + status.label() + ").",
                    status.label());
        }
        if (!now.isBefore(offerExpiresAt)) {
            throw DomainException.conflict("edu.claim.expired", "자리 확정 기한이 지났습니다.");
        }
        return confirm(seatNo, now);
    }

    public Registration expire(Instant now) {
        if (status != RegistrationStatus.OFFERED) {
            throw illegal("기한 만료");
        }
        return new Registration(id, courseId, residentId, RegistrationStatus.EXPIRED, group, channel, arrivalNo, queueNo, null,
                lotteryKey, null, createdAt, createdBy, confirmedAt, now, "확정 기한 안에 확정하지 않음", completed);
    }

    public Registration cancel(Instant now, String reason) {
        if (!status.active()) {
            throw DomainException.conflict("edu.cancel.inactive", "이미 " + status.label() + " 상태인 신청입니다.", status.label());
        }
        return new Registration(id, courseId, residentId, RegistrationStatus.CANCELLED, group, channel, arrivalNo, queueNo, null,
                lotteryKey, null, createdAt, createdBy, confirmedAt, now, reason, completed);
    }

    /** The lottery's key and rank of an application (before it is confirmed or waitlisted). */
    public Registration ranked(String key, int rank) {
        if (status != RegistrationStatus.APPLIED) {
            throw illegal("추첨");
        }
        return new Registration(id, courseId, residentId, status, group, channel, arrivalNo, rank, seatNo, key, offerExpiresAt,
                createdAt, createdBy, confirmedAt, endedAt, endReason, completed);
    }

    public Registration withCompleted(boolean done) {
        if (status != RegistrationStatus.CONFIRMED) {
            throw illegal("수료 판정");
        }
        return new Registration(id, courseId, residentId, status, group, channel, arrivalNo, queueNo, seatNo, lotteryKey,
                offerExpiresAt, createdAt, createdBy, confirmedAt, endedAt, endReason, done);
    }

    public boolean holdsSeat() {
        return RegistrationStatus.SEATED.contains(status);
    }

    private DomainException illegal(String what) {
        return DomainException.conflict("edu.registration.illegal", "신청 상태가 '" + status.label() + "'이어서 " + what
                + "할 수 없습니다.", status.label(), what);
    }
}
