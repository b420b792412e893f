package kr.sotong.contests;

/** Where a winning work is used (활용 기록). */
public enum UsageType {
    SNS("SNS·공식 채널"),
    LOBBY_EXHIBITION("구청 로비 전시"),
    MEDIA_WALL("미디어월·미디어보드·사이니지"),
    EVENT("행사 상영·소개"),
    WEBSITE("홈페이지"),
    BROADCAST("구청사 방송"),
    PRINT("홍보물·콘텐츠 제작"),
    OTHER("기타");

    private final String label;

    UsageType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
