package kr.sotong.messaging;

/** How a resident receives messages: 문자 알림 서비스, 카카오톡 채널 (알림톡), e-mail. */
public enum SubscriberChannel {
    SMS("문자 알림"), KAKAO("카카오톡"), EMAIL("이메일");

    private final String label;

    SubscriberChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the contact is a phone number (SMS, KakaoTalk). */
    public boolean byPhone() {
        return this != EMAIL;
    }
}
