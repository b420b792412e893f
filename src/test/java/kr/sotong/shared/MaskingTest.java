package kr.sotong.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksAsTheArchitecturePrescribes() {
        assertThat(Masking.phone("010-1234-5678")).isEqualTo("010-****-5678");
        assertThat(Masking.phone("01012345678")).isEqualTo("010-****-5678");
        assertThat(Masking.phone("02-123-4567")).isEqualTo("02-***-4567");
        assertThat(Masking.name("홍길동")).isEqualTo("홍*동");
        assertThat(Masking.name("이순")).isEqualTo("이*");
        assertThat(Masking.name("남궁민수")).isEqualTo("남**수");
        assertThat(Masking.name("김")).isEqualTo("*");
        assertThat(Masking.email("hong.gildong@example.com")).isEqualTo("ho**********@example.com");
        assertThat(Masking.email("a@b.kr")).isEqualTo("*@b.kr");
        assertThat(Masking.name(null)).isEmpty();
    }

    @Property
    void aMaskedNameNeverShowsItsMiddle(@ForAll String name) {
        String masked = Masking.name(name);
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length >= 3) {
            assertThat(masked.codePoints().count()).isEqualTo(cps.length);
            assertThat(masked.codePoints().skip(1).limit(cps.length - 2).allMatch(c -> c == '*')).isTrue();
        }
    }
}
