package kr.sotong.channels;

/** Kinds of PR channel (홍보 채널) of the seed's table, plus custom channels. */
public enum ChannelKind {
    YOUTUBE("유튜브"), BLOG("블로그"), INSTAGRAM("인스타그램"), KAKAO_CHANNEL("카카오톡 채널"), SMS_ALERT("문자 알림 서비스"),
    CUSTOM("기타");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
