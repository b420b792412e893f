package kr.sotong.contests.core;

/** DRAFT (준비) → OPEN (공고·접수) → JUDGING (심사) → AWARDED (시상 확정) → ANNOUNCED (결과 발표). */
public enum ContestStatus {
    DRAFT("준비 중"),
    OPEN("공고"),
    JUDGING("심사 중"),
    AWARDED("시상 확정"),
    ANNOUNCED("결과 발표");

    private final String label;

    ContestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
