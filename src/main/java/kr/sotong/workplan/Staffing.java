package kr.sotong.workplan;

import java.time.LocalDate;
import java.util.List;

/** 정원 (authorized) and 현원 (actual) by grade on a reference date; totals are computed. */
public record Staffing(LocalDate referenceDate, List<GradeRow> grades) {

    public record GradeRow(int grade, int authorizedHeadcount, int actualHeadcount) {

        /** "9 (10)" as the work plan prints 정원(현원). */
        public String display() {
            return authorizedHeadcount + " (" + actualHeadcount + ")";
        }
    }

    public int authorizedTotal() {
        return grades.stream().mapToInt(GradeRow::authorizedHeadcount).sum();
    }

    public int actualTotal() {
        return grades.stream().mapToInt(GradeRow::actualHeadcount).sum();
    }

    /** "21 (23)". */
    public String display() {
        return authorizedTotal() + " (" + actualTotal() + ")";
    }
}
