package kr.sotong.contests.core;

/** 접수 / 철회 (by the entrant) / 제외 (disqualified by staff, with a reason). */
public enum EntryStatus {
    SUBMITTED("접수"),
    WITHDRAWN("응모 철회"),
    DISQUALIFIED("심사 제외");

    private final String label;

    EntryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
