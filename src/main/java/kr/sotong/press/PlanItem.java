package kr.sotong.press;

import java.time.LocalDate;

/** A planned release of the annual press plan (연간 언론홍보계획). */
public record PlanItem(long id, int year, int month, String title, String issue, String programCode, Long activityId,
                       String derivedKey, LocalDate keyDate, String owner, String status, Long releaseId, String note) {

    public String statusLabel() {
        return switch (status) {
            case "PLANNED" -> "계획";
            case "DRAFTING" -> "작성 중";
            case "DISTRIBUTED" -> "배포";
            case "CANCELLED" -> "취소";
            default -> status;
        };
    }

    public boolean derived() {
        return derivedKey != null;
    }
}
