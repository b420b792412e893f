package kr.sotong.education.catalogue;

/** 정규, 특강, 틈새특강, 키오스크 체험, 견학. */
public enum CourseKind {
    REGULAR("정규"),
    SPECIAL("특강"),
    GAP_LECTURE("틈새특강"),
    KIOSK_PRACTICE("키오스크 체험"),
    FIELD_TRIP("견학");

    private final String label;

    CourseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
