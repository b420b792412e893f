package kr.sotong.messaging.internal;

/** Message types of the gateway: SMS (≤ 90 bytes), LMS (≤ 2,000 bytes), MMS (LMS + image), ATA (카카오 알림톡), EMAIL. */
public enum MessageType {
    SMS("단문(SMS)"), LMS("장문(LMS)"), MMS("멀티미디어(MMS)"), ATA("카카오 알림톡"), EMAIL("이메일");

    private final String label;

    MessageType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
