package kr.sotong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One-time codes and the personal-data cipher. */
@SotongTest
class ResidentIdentityTest {

    @Autowired
    OneTimeCodes codes;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;
    @Autowired
    PersonalDataCipher cipher;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private static String phone() {
        return "010" + String.format("%08d", (long) (Math.random() * 100_000_000));
    }

    @Test
    void aCodeSentBySmsVerifiesOnceOnly() {
        String phone = phone();
        var issued = codes.issue("test.signup", phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7));
        assertThat(issued.maskedDestination()).contains("****");
        String code = outbox.lastCode(phone);
        assertThatThrownBy(() -> codes.verify("test.signup", phone, "000000".equals(code) ? "111111" : "000000"))
                .hasMessageContaining("맞지 않습니다");
        codes.verify("test.signup", phone, code);
        assertThatThrownBy(() -> codes.verify("test.signup", phone, code)).hasMessageContaining("이미 사용한");
        assertThat(outbox.to(phone).get(0).channel()).isEqualTo("SMS");
    }

    @Test
    void codesExpireAndLockAfterFiveWrongTries() {
        String phone = phone();
        clock.setTo(java.time.Instant.parse("2025-06-02T01:00:00Z"));
        codes.issue("test.expiry", phone);
        String code = outbox.lastCode(phone);
        clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> codes.verify("test.expiry", phone, code)).hasMessageContaining("10분");
        codes.issue("test.expiry", phone);
        String second = outbox.lastCode(phone);
        for (int i = 0; i < 5; i++) {
            String wrong = second.equals("99999" + i) ? "88888" + i : "99999" + i;
            assertThatThrownBy(() -> codes.verify("test.expiry", phone, wrong)).hasMessageContaining("맞지 않습니다");
        }
        assertThatThrownBy(() -> codes.verify("test.expiry", phone, second)).hasMessageContaining("5번");
    }

    @Test
    void codeRequestsAreRateLimitedPerDestination() {
        String phone = phone();
        for (int i = 0; i < 5; i++) {
            codes.issue("test.limit", phone);
        }
        assertThatThrownBy(() -> codes.issue("test.limit", phone)).hasMessageContaining("너무 많습니다");
        assertThatThrownBy(() -> codes.issue("test.limit", "02-123-4567")).hasMessageContaining("휴대전화");
    }

    @Test
    void cipherRoundTripsWithKeyIdAndRandomIvAndDetectsTampering() {
        String a = cipher.encrypt("홍길동 010-1234-5678");
        String b = cipher.encrypt("홍길동 010-1234-5678");
        assertThat(a).isNotEqualTo(b).startsWith("pd1:").doesNotContain("홍길동");
        assertThat(cipher.decrypt(a)).isEqualTo("홍길동 010-1234-5678");
        assertThat(cipher.lookupHash("01012345678")).isEqualTo(cipher.lookupHash("01012345678")).hasSize(64);
        String tampered = a.substring(0, a.length() - 4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.needsReEncryption(a)).isFalse();
    }
}
