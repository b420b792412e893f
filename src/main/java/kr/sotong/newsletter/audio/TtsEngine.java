package kr.sotong.newsletter.audio;

/**
 * A text-to-speech engine for the read-aloud newsletter (읽어주는 소식지). Implementations: the offline
 * {@link EspeakNgTts} (espeak-ng, Korean voice) and cloud services behind {@link CloudTts}.
 */
public interface TtsEngine {

    /** Short name stored with the generated audio, e.g. {@code espeak-ng 1.51 (ko)}. */
    String name();

    /** Whether the engine can run here, and if not, why (Korean). */
    Availability availability();

    /**
     * Speaks the text. Throws a {@link kr.sotong.shared.DomainException} with a Korean message when the
     * engine is missing or fails, or the text is empty.
     */
    Speech synthesize(String text);

    record Availability(boolean available, String message) {
        public static Availability ok(String message) {
            return new Availability(true, message);
        }

        public static Availability missing(String message) {
            return new Availability(false, message);
        }
    }

    /** Synthesised audio. */
    record Speech(byte[] audio, String mediaType, String fileExtension) {
    }

    static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new kr.sotong.shared.DomainException("newsletter.tts.empty",
                    "읽을 내용이 비어 있어 음성을 만들 수 없습니다. 기사 본문을 먼저 입력해 주세요.");
        }
        if (text.length() > 100_000) {
            throw new kr.sotong.shared.DomainException("newsletter.tts.too-long", "음성으로 만들 글이 너무 깁니다(10만 자 이하).");
        }
        return text.strip();
    }
}
