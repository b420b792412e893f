package kr.sotong.signage.device;

/** 가로형 / 세로형. */
public enum Orientation {
    LANDSCAPE("가로형"),
    PORTRAIT("세로형");

    private final String label;

    Orientation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
