package kr.sotong.signage.schedule;

/**
 * How a playlist fills the screen: the whole screen, or a main zone with a scrolling ticker band below
 * (the playlist's ticker items go to the band, everything else loops in the main zone).
 */
public enum Layout {
    FULL_SCREEN("전체 화면"),
    MAIN_WITH_TICKER("본 화면 + 하단 자막띠");

    private final String label;

    Layout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
