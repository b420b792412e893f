package kr.sotong.workplan;

import java.time.LocalDate;

/**
 * Money spent against the work-plan budget, recorded by the module that spent it (a paid notice, an
 * SNS ad, a contest prize …). Idempotent on {@code (sourceModule, sourceRef)}: recording the same
 * reference again updates it.
 *
 * @param programCode P1…P5 when the spending belongs to a major program, else null
 * @param amountWon   원 (not 천원), positive
 */
public record SpendingRecord(String sourceModule, String sourceRef, int fiscalYear, String programCode,
                             BudgetCategory category, long amountWon, LocalDate spentOn, String description) {
}
