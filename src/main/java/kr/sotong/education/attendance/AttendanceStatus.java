package kr.sotong.education.attendance;

/** 출석, 지각 (counts as attended), 결석, 공결 (excused: does not count as attended). */
public enum AttendanceStatus {
    PRESENT("출석", true),
    LATE("지각", true),
    ABSENT("결석", false),
    EXCUSED("공결", false);

    private final String label;
    private final boolean attended;

    AttendanceStatus(String label, boolean attended) {
        this.label = label;
        this.attended = attended;
    }

    public String label() {
        return label;
    }

    public boolean attended() {
        return attended;
    }
}
