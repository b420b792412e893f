package kr.sotong.signage.device;

/** 미디어보드 / 사이니지 / 미디어월. */
public enum DeviceKind {
    MEDIA_BOARD("미디어보드", "Media board", "MB"),
    SIGNAGE("사이니지", "Signage screen", "SG"),
    MEDIA_WALL("미디어월", "Media wall", "MW");

    private final String label;
    private final String englishLabel;
    private final String codePrefix;

    DeviceKind(String label, String englishLabel, String codePrefix) {
        this.label = label;
        this.englishLabel = englishLabel;
        this.codePrefix = codePrefix;
    }

    public String label() {
        return label;
    }

    public String englishLabel() {
        return englishLabel;
    }

    /** Prefix of generated device codes, e.g. {@code MB-0042}. */
    public String codePrefix() {
        return codePrefix;
    }
}
