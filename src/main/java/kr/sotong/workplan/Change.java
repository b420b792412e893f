package kr.sotong.workplan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 증감 and 증감률 between two amounts, computed (never stored): the rate is rounded half-up to one
 * decimal and printed "-" when the base is 0, exactly as the work plan prints it.
 */
public record Change(long amount, String rate) {

    public static Change between(long previous, long current) {
        long diff = current - previous;
        if (previous == 0) {
            return new Change(diff, "-");
        }
        BigDecimal r = BigDecimal.valueOf(diff).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_UP);
        return new Change(diff, r.toPlainString());
    }
}
