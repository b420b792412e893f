package kr.sotong.newsletter.audio;

import kr.sotong.newsletter.support.NewsletterProperties;
import org.springframework.stereotype.Component;

/** The TTS engine chosen by {@code sotong.newsletter.tts.engine} ({@code espeak} or {@code cloud}). */
@Component
public class TtsEngines {

    private final TtsEngine active;

    TtsEngines(NewsletterProperties properties, EspeakNgTts espeak, CloudTts cloud) {
        this.active = "cloud".equals(properties.tts().engine()) ? cloud : espeak;
    }

    public TtsEngine active() {
        return active;
    }
}
