package kr.sotong.signage.content;

/** 승인 대기 / 승인 / 반려 / 송출 중지. Only approved items play. */
public enum ContentStatus {
    PENDING("승인 대기"),
    APPROVED("승인"),
    REJECTED("반려"),
    WITHDRAWN("송출 중지");

    private final String label;

    ContentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
