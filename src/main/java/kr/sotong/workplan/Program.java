package kr.sotong.workplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A major program (주요사업) with everything the work plan says about it. */
public record Program(long id, String code, int seq, String title, ProgramKind kind, String teamCode, String teamName,
                      String editorRole, Integer planYear, LocalDate periodStart, LocalDate periodEnd,
                      ProgramStatus status, Integer page, List<String> necessity, List<String> goals,
                      List<String> contents, List<String> achievements, List<String> issues,
                      List<String> expectedEffects, List<Activity> activities, List<Kpi> kpis,
                      List<Funding> funding) {

    /** 추진계획 세부 항목. {@code periodLabel} keeps the period as the document prints it. */
    public record Activity(long id, String code, String programCode, String group, String title, LocalDate start,
                           LocalDate end, String periodLabel, String place, String content, Long budgetThousands,
                           int sortOrder) {
    }

    /** 성과지표 with baseline, target and actual. */
    public record Kpi(long id, String code, String programCode, String name, String unit, BigDecimal baseline,
                      String baselineLabel, LocalDate baselineDate, BigDecimal target, BigDecimal actual,
                      LocalDate actualDate, String note, int sortOrder) {
    }

    /** One cell of the multi-year funding table (연차별 소요재원). */
    public record Funding(int year, FundingSource source, long amountThousands) {
    }

    /** 소요예산 of the plan year. */
    public Long planYearBudgetThousands() {
        if (planYear == null) {
            return null;
        }
        return funding.stream().filter(f -> f.year() == planYear).mapToLong(Funding::amountThousands).sum();
    }

    /** The 계 of the multi-year table. */
    public long fundingTotalThousands() {
        return funding.stream().mapToLong(Funding::amountThousands).sum();
    }

    public List<Integer> fundingYears() {
        return funding.stream().map(Funding::year).distinct().sorted().toList();
    }

    public List<FundingSource> fundingSources() {
        return funding.stream().map(Funding::source).distinct().sorted().toList();
    }

    public long fundingFor(int year) {
        return funding.stream().filter(f -> f.year() == year).mapToLong(Funding::amountThousands).sum();
    }

    public long fundingFor(FundingSource source) {
        return funding.stream().filter(f -> f.source() == source).mapToLong(Funding::amountThousands).sum();
    }

    public long fundingFor(int year, FundingSource source) {
        return funding.stream().filter(f -> f.year() == year && f.source() == source)
                .mapToLong(Funding::amountThousands).sum();
    }

    /** "2025. 1. ~ 2025. 12." or "-" when the document gives no period. */
    public String periodDisplay() {
        if (periodStart == null) {
            return "-";
        }
        return periodStart.getYear() + ". " + periodStart.getMonthValue() + ". ~ "
                + (periodEnd == null ? "" : periodEnd.getYear() + ". " + periodEnd.getMonthValue() + ".");
    }
}
