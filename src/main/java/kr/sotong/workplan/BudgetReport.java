package kr.sotong.workplan;

import java.util.List;

/**
 * A fiscal year's budget (천원) by category with the change against the previous year, its lines and
 * the major programs' share. Totals, changes and rates are computed from the stored lines.
 */
public record BudgetReport(int year, String basis, Integer previousYear, String previousBasis,
                           List<CategoryRow> categories, CategoryRow total, List<Line> lines,
                           List<ProgramBudget> programs) {

    /** One row of the 예산현황 table; {@code category} is null for the 합계 row. */
    public record CategoryRow(BudgetCategory category, long amountThousands, Long previousThousands,
                              Long changeThousands, String changeRate) {

        public String label() {
            return category == null ? "합계" : category.label();
        }
    }

    public record Line(long id, int year, String basis, BudgetCategory category, FundingSource source,
                       String description, String programCode, long amountThousands) {
    }

    /** A major program's 소요예산 in this year (from its multi-year funding table). */
    public record ProgramBudget(String code, String title, long amountThousands) {
    }
}
