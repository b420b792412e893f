package kr.sotong.messaging.internal;

import java.time.Instant;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.shared.DomainException;

/** A bulletin (정기 발송) and its state machine: DRAFT → SCHEDULED → SENDING → SENT, or CANCELLED. */
public record Bulletin(long id, String title, SubscriberChannel channel, boolean advertising, Long templateId,
                       String kakaoCode, String subject, String body, String variables, String rendered,
                       MessageType type, int bytes, String imageSha256, String gatewayImageId, Status status,
                       Instant scheduledAt, Instant startedAt, Instant finishedAt, int recipients, String createdBy,
                       Instant createdAt, int version) {

    public enum Status {
        DRAFT("작성 중"), SCHEDULED("예약됨"), SENDING("발송 중"), SENT("발송 완료"), CANCELLED("취소됨");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String categoryLabel() {
        return advertising ? "광고성" : "정보성";
    }

    public boolean editable() {
        return status == Status.DRAFT;
    }

    public void requireEditable() {
        if (status != Status.DRAFT) {
            throw DomainException.conflict("messaging.bulletin.not-draft", "작성 중인 발송만 고칠 수 있습니다(현재: " + status.label() + ").");
        }
    }

    public void requireSchedulable(Instant at, Instant now) {
        if (status != Status.DRAFT && status != Status.SCHEDULED) {
            throw DomainException.conflict("messaging.bulletin.not-schedulable", "이미 " + status.label() + " 상태라 예약할 수 없습니다.");
        }
        if (at == null || at.isBefore(now.minusSeconds(60))) {
            throw new DomainException("messaging.bulletin.past", "예약 시각은 지금 이후여야 합니다.");
        }
    }

    public void requireStartable() {
        if (status != Status.DRAFT && status != Status.SCHEDULED) {
            throw DomainException.conflict("messaging.bulletin.not-startable", "이미 " + status.label() + " 상태입니다.");
        }
    }

    public void requireCancellable() {
        if (status != Status.DRAFT && status != Status.SCHEDULED) {
            throw DomainException.conflict("messaging.bulletin.not-cancellable",
                    status.label() + " 상태의 발송은 취소할 수 없습니다(발송 중인 메시지는 되돌릴 수 없음).");
        }
    }
}
