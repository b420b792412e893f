package kr.sotong.press;

import java.util.Optional;

/** 언론사 구분. */
public enum OutletKind {
    CENTRAL("중앙지"),
    LOCAL("지역지"),
    INTERNET("인터넷"),
    BROADCAST("방송"),
    WIRE("통신사");

    private final String label;

    OutletKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By Korean label (중앙지, 지역지 …) or code; blank or unknown → empty. */
    public static Optional<OutletKind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.strip();
        for (OutletKind k : values()) {
            if (k.label.equals(v) || k.name().equalsIgnoreCase(v) || (k == INTERNET && v.equals("인터넷신문"))
                    || (k == WIRE && v.equals("통신")) || (k == LOCAL && v.equals("지역신문"))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
