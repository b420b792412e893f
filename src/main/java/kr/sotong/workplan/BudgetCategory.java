package kr.sotong.workplan;

/** 예산 구분: 정책사업비, 행정운영경비, 재무활동비. */
public enum BudgetCategory {
    POLICY_PROGRAM("정책사업비"),
    ADMINISTRATIVE("행정운영경비"),
    FINANCIAL("재무활동비");

    private final String label;

    BudgetCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
