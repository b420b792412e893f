package kr.sotong.workplan;

/** Progress of a program as its team reports it. */
public enum ProgramStatus {
    PLANNED("계획"),
    IN_PROGRESS("추진 중"),
    COMPLETED("완료"),
    ON_HOLD("보류");

    private final String label;

    ProgramStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
