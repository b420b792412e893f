package kr.sotong.signage.schedule;

/**
 * 일반 편성 (the highest-ranked active one fills the screen), 끼워넣기 (interrupt: played for its share of
 * every hour on top of whatever runs), 기본 편성 (default: plays whenever nothing else is scheduled).
 */
public enum CampaignKind {
    NORMAL("일반 편성"),
    INTERRUPT("끼워넣기(시간 점유율 보장)"),
    DEFAULT("기본 편성");

    private final String label;

    CampaignKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
