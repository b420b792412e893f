package kr.sotong.education.counselling;

/** What the resident wants help with at the digital counselling desk (디지털상담소). */
public enum Topic {
    SMARTPHONE("스마트폰 사용"),
    KIOSK("키오스크 사용"),
    APPS("앱 설치·사용 (카카오톡, 지도, 은행 등)"),
    PUBLIC_SERVICE("공공서비스 (민원24, 서울안전앱 등)"),
    SCAM("보이스피싱·스미싱 예방"),
    PC("컴퓨터·인터넷"),
    OTHER("기타");

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
