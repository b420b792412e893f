package kr.sotong.education.catalogue;

/**
 * How seats are given: first come, first served; or a lottery among everyone who applied in the application
 * window (commit–reveal: the seed's SHA-256 is published when the course opens, the seed after the draw).
 */
public enum Allocation {
    FIRST_COME("선착순"),
    LOTTERY("추첨");

    private final String label;

    Allocation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
