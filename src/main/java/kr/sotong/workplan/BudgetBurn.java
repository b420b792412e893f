package kr.sotong.workplan;

/** Spending recorded against a year's budget: 집행액 (원) and 집행률 (%, one decimal, half-up). */
public record BudgetBurn(int year, long budgetThousands, long spentWon, String rate) {
}
