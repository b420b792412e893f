package kr.sotong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDateTime;
import kr.sotong.messaging.internal.MessageType;
import kr.sotong.messaging.internal.NightRule;
import kr.sotong.messaging.internal.SmsText;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Byte counting as Korean carriers count (EUC-KR / KS X 1001, CP949 extension) and the night rule. */
class SmsTextTest {

    @Test
    void hangulCountsTwoBytesLatinDigitsAndLineBreaksOne() {
        assertThat(SmsText.bytes("금천구")).isEqualTo(6);
        assertThat(SmsText.bytes("Geumcheon")).isEqualTo(9);
        assertThat(SmsText.bytes("2025")).isEqualTo(4);
        assertThat(SmsText.bytes("a\nb")).isEqualTo(3);
        assertThat(SmsText.bytes("a\r\nb")).isEqualTo(3);
        assertThat(SmsText.bytes("[금천구] 3월 4일 10시")).isEqualTo(21);
        assertThat(SmsText.bytes("※ ○ ㈜ ①")).isEqualTo(11); // KS X 1001 symbols: 2 bytes
        assertThat(SmsText.bytes("")).isZero();
    }

    @Test
    void modernHangulOutsideKsX1001IsSentAsCp949AndCountsTwo() {
        assertThat(Charset.forName("EUC-KR").newEncoder().canEncode("똠")).isFalse();
        assertThat(SmsText.measure("똠방각하").bytes()).isEqualTo(8);
        assertThat(SmsText.measure("똠방각하").sendable()).isTrue();
    }

    @Test
    void emojiCannotBeSentAndIsCountedAsTheQuestionMarkItBecomes() {
        SmsText.Size s = SmsText.measure("소식 😀 안내 🎉");
        assertThat(s.sendable()).isFalse();
        assertThat(s.unencodable()).containsExactly("😀", "🎉");
        assertThat(s.bytes()).isEqualTo(4 + 1 + 1 + 1 + 4 + 1 + 1);
        assertThat(SmsText.sanitise("소식 😀")).isEqualTo("소식 ?");
    }

    @Test
    void typeIsSmsUpToNinetyBytesThenLmsUpToTwoThousandThenRefused() {
        String ninety = "가".repeat(45);
        assertThat(SmsText.bytes(ninety)).isEqualTo(90);
        assertThat(SmsText.typeFor(SmsText.bytes(ninety), false, false)).isEqualTo(MessageType.SMS);
        assertThat(SmsText.typeFor(SmsText.bytes(ninety + "a"), false, false)).isEqualTo(MessageType.LMS);
        assertThat(SmsText.typeFor(40, true, false)).isEqualTo(MessageType.LMS);
        assertThat(SmsText.typeFor(40, false, true)).isEqualTo(MessageType.MMS);
        assertThat(SmsText.typeFor(2000, false, false)).isEqualTo(MessageType.LMS);
        assertThat(SmsText.typeFor(2001, false, false)).isNull();
    }

    @Test
    void cutKeepsWholeCharactersWithinTheLimit() {
        assertThat(SmsText.cut("금천구청 소식 안내입니다", 8)).isEqualTo("금천구청");
        assertThat(SmsText.bytes(SmsText.cut("abc가나다", 6))).isLessThanOrEqualTo(6);
    }

    @Property
    void countEqualsTheCp949BytesOfWhatIsSent(@ForAll String text) {
        String sent = SmsText.sanitise(text);
        assertThat(SmsText.bytes(text)).isEqualTo(sent.getBytes(Charset.forName("x-windows-949")).length);
    }

    @Test
    void nightIsNinePmToEightAmSeoul() {
        assertThat(NightRule.isNight(seoul(2025, 3, 3, 20, 59))).isFalse();
        assertThat(NightRule.isNight(seoul(2025, 3, 3, 21, 0))).isTrue();
        assertThat(NightRule.isNight(seoul(2025, 3, 4, 7, 59))).isTrue();
        assertThat(NightRule.isNight(seoul(2025, 3, 4, 8, 0))).isFalse();
        assertThat(NightRule.nextDaytime(seoul(2025, 3, 3, 22, 30))).isEqualTo(seoul(2025, 3, 4, 8, 0));
        assertThat(NightRule.nextDaytime(seoul(2025, 3, 4, 2, 0))).isEqualTo(seoul(2025, 3, 4, 8, 0));
        assertThat(NightRule.nextDaytime(seoul(2025, 3, 4, 12, 0))).isEqualTo(seoul(2025, 3, 4, 12, 0));
    }

    static Instant seoul(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(NightRule.SEOUL).toInstant();
    }
}
