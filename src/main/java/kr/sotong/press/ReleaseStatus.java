package kr.sotong.press;

/** Where a press release stands in the workflow: draft → review → approval → scheduled → distributed. */
public enum ReleaseStatus {
    DRAFT("작성 중"),
    IN_REVIEW("팀장 검토 중"),
    AWAITING_APPROVAL("과장 결재 대기"),
    SCHEDULED("배포 예약"),
    DISTRIBUTED("배포 완료");

    private final String label;

    ReleaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
