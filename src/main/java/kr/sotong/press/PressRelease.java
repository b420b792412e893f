package kr.sotong.press;

import java.time.Instant;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;

/**
 * The press release aggregate: guards who may move it and when. Content lives in revisions; this holds
 * the workflow state. Rules: drafters (PRESS) write and submit; the team lead of the press team reviews;
 * the head of office (DIRECTOR) approves; the drafter never reviews or approves their own release.
 */
final class PressRelease {

    final long id;
    final String owner;
    ReleaseStatus status;
    int edition;
    int currentRevision;
    Instant distributeAt;
    Instant embargoUntil;
    String reviewedBy;
    String approvedBy;
    final int lockVersion;

    PressRelease(long id, String owner, ReleaseStatus status, int edition, int currentRevision, Instant distributeAt,
                 Instant embargoUntil, String reviewedBy, String approvedBy, int lockVersion) {
        this.id = id;
        this.owner = owner;
        this.status = status;
        this.edition = edition;
        this.currentRevision = currentRevision;
        this.distributeAt = distributeAt;
        this.embargoUntil = embargoUntil;
        this.reviewedBy = reviewedBy;
        this.approvedBy = approvedBy;
        this.lockVersion = lockVersion;
    }

    static boolean isPressTeam(StaffMember m) {
        return m.hasAnyRole(Roles.PRESS, Roles.DIRECTOR, Roles.ADMIN);
    }

    void requireEditable(StaffMember by) {
        if (!by.hasRole(Roles.PRESS)) {
            throw DomainException.forbidden("보도자료는 언론팀(PRESS)만 작성·수정할 수 있습니다.");
        }
        if (status != ReleaseStatus.DRAFT) {
            throw DomainException.conflict("press.release.not-draft",
                    "'" + status.label() + "' 상태의 보도자료는 고칠 수 없습니다. 반려되거나 정정을 시작한 뒤 고치세요.");
        }
    }

    void submit(StaffMember by) {
        requireEditable(by);
        status = ReleaseStatus.IN_REVIEW;
        reviewedBy = null;
        approvedBy = null;
    }

    void review(StaffMember by) {
        expect(ReleaseStatus.IN_REVIEW, "검토");
        if (!(by.hasRole(Roles.PRESS) && by.teamLead())) {
            throw DomainException.forbidden("검토는 언론팀장만 할 수 있습니다.");
        }
        notOwner(by, "검토");
        status = ReleaseStatus.AWAITING_APPROVAL;
        reviewedBy = by.username();
    }

    void approve(StaffMember by, Instant now) {
        expect(ReleaseStatus.AWAITING_APPROVAL, "결재");
        if (!by.hasRole(Roles.DIRECTOR)) {
            throw DomainException.forbidden("결재(승인)는 소통담당관(과장)만 할 수 있습니다.");
        }
        notOwner(by, "결재");
        if (!embargoUntil.isAfter(now)) {
            throw DomainException.conflict("press.release.embargo-passed",
                    "보도 시점이 이미 지났습니다. 반려하여 담당자가 일시를 고치게 하세요.");
        }
        status = ReleaseStatus.SCHEDULED;
        approvedBy = by.username();
    }

    void reject(StaffMember by, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("press.release.reason", "반려 사유를 입력해 주세요.");
        }
        if (status == ReleaseStatus.IN_REVIEW) {
            if (!(by.hasRole(Roles.PRESS) && by.teamLead()) && !by.hasRole(Roles.DIRECTOR)) {
                throw DomainException.forbidden("검토 중인 보도자료는 언론팀장 또는 과장만 반려할 수 있습니다.");
            }
        } else if (status == ReleaseStatus.AWAITING_APPROVAL) {
            if (!by.hasRole(Roles.DIRECTOR)) {
                throw DomainException.forbidden("결재 대기 중인 보도자료는 과장만 반려할 수 있습니다.");
            }
        } else {
            throw DomainException.conflict("press.release.transition",
                    "'" + status.label() + "' 상태에서는 반려할 수 없습니다.");
        }
        status = ReleaseStatus.DRAFT;
        reviewedBy = null;
        approvedBy = null;
    }

    /** Back from the schedule to a draft (before it went out). */
    void withdraw(StaffMember by) {
        expect(ReleaseStatus.SCHEDULED, "예약 취소");
        if (!by.hasAnyRole(Roles.PRESS, Roles.DIRECTOR)) {
            throw DomainException.forbidden("배포 예약은 언론팀 또는 과장만 취소할 수 있습니다.");
        }
        status = ReleaseStatus.DRAFT;
        reviewedBy = null;
        approvedBy = null;
    }

    /** The scheduled time came (or staff pressed 지금 배포): the release goes to the press. */
    void distribute(Instant now) {
        expect(ReleaseStatus.SCHEDULED, "배포");
        if (distributeAt.isAfter(now)) {
            distributeAt = now;
        }
        status = ReleaseStatus.DISTRIBUTED;
    }

    /** Starts a 정정 edition: a new draft that goes through the workflow and is distributed again. */
    void startCorrection(StaffMember by) {
        expect(ReleaseStatus.DISTRIBUTED, "정정");
        if (!by.hasRole(Roles.PRESS)) {
            throw DomainException.forbidden("정정 보도자료는 언론팀(PRESS)만 작성할 수 있습니다.");
        }
        edition++;
        status = ReleaseStatus.DRAFT;
        reviewedBy = null;
        approvedBy = null;
    }

    private void expect(ReleaseStatus wanted, String action) {
        if (status != wanted) {
            throw DomainException.conflict("press.release.transition",
                    "'" + status.label() + "' 상태에서는 " + action + "할 수 없습니다.");
        }
    }

    private void notOwner(StaffMember by, String action) {
        if (by.username().equals(owner)) {
            throw DomainException.forbidden("작성자는 자기 보도자료를 " + action + "할 수 없습니다.");
        }
    }
}
