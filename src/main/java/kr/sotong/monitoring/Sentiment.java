package kr.sotong.monitoring;

/** 보도 논조: staff labels of an article (부정·왜곡 보도 are answered with a response case). */
public enum Sentiment {
    POSITIVE("긍정"), NEUTRAL("중립"), NEGATIVE("부정"), DISTORTED("왜곡");

    private final String korean;

    Sentiment(String korean) {
        this.korean = korean;
    }

    public String korean() {
        return korean;
    }

    /** 부정 or 왜곡: the classes that call for a response. */
    public boolean adverse() {
        return this == NEGATIVE || this == DISTORTED;
    }

    public static Sentiment parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        for (Sentiment s : values()) {
            if (s.name().equalsIgnoreCase(v) || s.korean.equals(v)) {
                return s;
            }
        }
        throw new kr.sotong.shared.DomainException("monitoring.sentiment.invalid",
                "논조 값이 올바르지 않습니다(긍정/중립/부정/왜곡): " + value, value);
    }
}
