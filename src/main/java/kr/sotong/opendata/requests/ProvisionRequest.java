package kr.sotong.opendata.requests;

import java.time.Instant;
import java.time.LocalDate;
import kr.sotong.shared.DomainException;

/**
 * A resident's request for public data (공공데이터 제공신청). The Public Data Act gives 10 days for the decision
 * (counted from the day after receipt), extendable once by 10 days with notice to the requester; the responsible
 * department's internal rule asks for a report within 8 days. Transitions: RECEIVED → (EXTENDED) → PROVIDED |
 * REFUSED.
 */
public record ProvisionRequest(long id, String receiptNo, String title, String dataDescription, String purpose,
                               String requesterName, String requesterPhone, String requesterEmail, Status status,
                               Instant receivedAt, LocalDate receivedOn, LocalDate deadline, LocalDate internalReportDue,
                               Instant reportedAt, Instant extendedAt, String extensionReason, Instant decidedAt,
                               String decisionNote, String refusalReason, Long datasetId, Instant warnedAt,
                               Instant overdueAlertedAt) {

    public enum Status {
        RECEIVED("접수"), EXTENDED("기간 연장"), PROVIDED("제공 결정"), REFUSED("제공 거부");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }

    public boolean open() {
        return status == Status.RECEIVED || status == Status.EXTENDED;
    }

    /** Days left until the decision deadline (negative when overdue), counted on {@code today}. */
    public long daysLeft(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
    }

    public boolean overdue(LocalDate today) {
        return open() && today.isAfter(deadline);
    }

    /** Day number since receipt (the day after receipt is day 1). */
    public long day(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(receivedOn, today);
    }

    /** The new deadline of a once-only extension, or a domain error when extending is not allowed. */
    public LocalDate extendedDeadline(LocalDate today, int extensionDays, String reason) {
        if (status == Status.EXTENDED) {
            throw DomainException.conflict("opendata.request.extended-once", "처리 기간은 한 번만 연장할 수 있습니다.");
        }
        if (status != Status.RECEIVED) {
            throw DomainException.conflict("opendata.request.closed", "이미 결정된 신청은 연장할 수 없습니다.");
        }
        if (today.isAfter(deadline)) {
            throw DomainException.conflict("opendata.request.too-late", "처리 기한(" + deadline + ")이 지나 연장할 수 없습니다. 바로 결정하세요.");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("opendata.request.reason", "연장 사유를 입력하세요. 신청인에게 통지됩니다.");
        }
        return deadline.plusDays(extensionDays);
    }

    public void checkDecidable(String refusalReason, boolean refusing) {
        if (!open()) {
            throw DomainException.conflict("opendata.request.closed", "이미 " + status.label + "된 신청입니다.");
        }
        if (refusing && (refusalReason == null || refusalReason.isBlank())) {
            throw new DomainException("opendata.request.refusal-reason", "제공 거부 사유를 입력하세요. 신청인에게 통지됩니다.");
        }
    }
}
