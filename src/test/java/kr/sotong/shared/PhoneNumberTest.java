package kr.sotong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void commonWaysOfWritingAMobileNumberNormaliseToDigits() {
        for (String in : new String[] {"010-1234-5678", "01012345678", "010 1234 5678", "010.1234.5678",
                "+82 10-1234-5678", "+821012345678", "82-10-1234-5678", "(010) 1234-5678", "０１０-１２３４-５６７８"}) {
            PhoneNumber p = PhoneNumber.parse(in);
            assertThat(p.digits()).as(in).isEqualTo("01012345678");
            assertThat(p.formatted()).isEqualTo("010-1234-5678");
            assertThat(p.masked()).isEqualTo("010-****-5678");
            assertThat(p.isMobile()).isTrue();
        }
    }

    @Test
    void landlinesAndRepresentativeNumbers() {
        assertThat(PhoneNumber.parse("02-2627-1234").formatted()).isEqualTo("02-2627-1234");
        assertThat(PhoneNumber.parse("02-123-4567").formatted()).isEqualTo("02-123-4567");
        assertThat(PhoneNumber.parse("031-123-4567").kind()).isEqualTo(PhoneNumber.Kind.LANDLINE);
        assertThat(PhoneNumber.parse("1588-1234").formatted()).isEqualTo("1588-1234");
        assertThat(PhoneNumber.parse("080-123-4567").kind()).isEqualTo(PhoneNumber.Kind.TOLL_FREE);
        assertThat(PhoneNumber.parse("070-1234-5678").kind()).isEqualTo(PhoneNumber.Kind.INTERNET);
    }

    @Test
    void invalidNumbersAreRefusedWithAKoreanReason() {
        assertThatThrownBy(() -> PhoneNumber.parse("")).hasMessageContaining("입력해");
        assertThatThrownBy(() -> PhoneNumber.parse("010-1234-567")).hasMessageContaining("11자리");
        assertThatThrownBy(() -> PhoneNumber.parse("010-abcd-5678")).hasMessageContaining("숫자");
        assertThatThrownBy(() -> PhoneNumber.parse("+1 415 555 0100")).hasMessageContaining("국내");
        assertThatThrownBy(() -> PhoneNumber.parse("001-82-10-1234-5678")).hasMessageContaining("국내");
        assertThatThrownBy(() -> PhoneNumber.parse("12345")).hasMessageContaining("부족");
        assertThatThrownBy(() -> PhoneNumber.parse("099-123-4567")).hasMessageContaining("형식");
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Arbitraries.strings().numeric().ofLength(8).map(d -> "010" + d);
    }

    @Property
    void anyMobileSurvivesFormattingAndReparsing(@ForAll("mobiles") String digits) {
        PhoneNumber p = PhoneNumber.parse(digits);
        assertThat(PhoneNumber.parse(p.formatted())).isEqualTo(p);
        assertThat(PhoneNumber.parse("+82 " + p.formatted().substring(1))).isEqualTo(p);
        assertThat(p.masked()).startsWith("010-****-").endsWith(digits.substring(7));
    }

    @Property(tries = 2000)
    void arbitraryTextNeverCrashesTheParser(@ForAll String any) {
        PhoneNumber.Result r = PhoneNumber.tryParse(any);
        assertThat(r.valid() ^ (r.reason() != null)).isTrue();
        if (r.valid()) {
            assertThat(r.number().digits()).matches("0\\d{7,10}|1\\d{7}");
        }
    }
}
