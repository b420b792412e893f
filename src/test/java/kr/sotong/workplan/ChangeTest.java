package kr.sotong.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void ratesAsTheWorkPlanPrintsThem() {
        assertThat(Change.between(3_302_921, 3_648_821)).isEqualTo(new Change(345_900, "10.5"));
        assertThat(Change.between(3_252_337, 3_590_727)).isEqualTo(new Change(338_390, "10.4"));
        assertThat(Change.between(50_584, 58_094)).isEqualTo(new Change(7_510, "14.8"));
        assertThat(Change.between(0, 0)).isEqualTo(new Change(0, "-"));
        assertThat(Change.between(0, 100)).isEqualTo(new Change(100, "-"));
        assertThat(Change.between(200, 100)).isEqualTo(new Change(-100, "-50.0"));
        assertThat(Change.between(1000, 1005)).isEqualTo(new Change(5, "0.5"));   // half-up at .05
        assertThat(Change.between(1000, 1000)).isEqualTo(new Change(0, "0.0"));
    }

    @Property
    void rateIsHalfUpRoundedPercentage(@ForAll @LongRange(min = 1, max = 100_000_000) long previous,
                                       @ForAll @LongRange(min = 0, max = 100_000_000) long current) {
        Change c = Change.between(previous, current);
        BigDecimal exact = BigDecimal.valueOf(current - previous).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(previous), 10, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(c.rate())).isEqualByComparingTo(exact.setScale(1, RoundingMode.HALF_UP));
        assertThat(c.amount()).isEqualTo(current - previous);
    }

    @Property
    void amountParserAcceptsExactlyPlainNonNegativeIntegers(@ForAll @StringLength(max = 20) String input) {
        boolean plain = !input.isEmpty() && input.length() <= 12 && input.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        if (plain) {
            assertThat(Amounts.parse("금액", input)).isEqualTo(Long.parseLong(input));
        } else {
            assertThatThrownBy(() -> Amounts.parse("금액", input)).isInstanceOf(kr.sotong.shared.DomainException.class);
        }
    }
}
