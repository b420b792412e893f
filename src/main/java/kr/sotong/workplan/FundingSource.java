package kr.sotong.workplan;

/** 재원: 구비 / 시비 / 국비 / 기금. */
public enum FundingSource {
    DISTRICT("구비"),
    CITY("시비"),
    NATIONAL("국비"),
    FUND("기금");

    private final String label;

    FundingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
