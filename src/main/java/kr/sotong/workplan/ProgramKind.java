package kr.sotong.workplan;

/** 주요사업 구분: 신규 / 계속. */
public enum ProgramKind {
    NEW("신규"),
    CONTINUING("계속");

    private final String label;

    ProgramKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
