package kr.sotong.newsletter.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings under {@code sotong.newsletter.*} (defaults in application.yml). */
@ConfigurationProperties("sotong.newsletter")
public record NewsletterProperties(int defaultPageCount, EBook ebook, Photo photo, Audio audio, Tts tts,
                                   int inspectionOverdueDays, Uptake uptake) {

    public NewsletterProperties {
        defaultPageCount = defaultPageCount <= 0 ? 32 : defaultPageCount;
        ebook = ebook == null ? new EBook(0, 0, null) : ebook;
        photo = photo == null ? new Photo(null, 0, 0) : photo;
        audio = audio == null ? new Audio(null) : audio;
        tts = tts == null ? new Tts(null, null, null, 0, null, null) : tts;
        inspectionOverdueDays = inspectionOverdueDays <= 0 ? 30 : inspectionOverdueDays;
        uptake = uptake == null ? new Uptake(0, 0) : uptake;
    }

    /** @param dpi resolution of the rendered page images */
    public record EBook(int dpi, int maxPages, DataSize maxPdfSize) {
        public EBook {
            dpi = dpi <= 0 ? 110 : dpi;
            maxPages = maxPages <= 0 ? 200 : maxPages;
            maxPdfSize = maxPdfSize == null ? DataSize.ofMegabytes(50) : maxPdfSize;
        }
    }

    /** @param maxPixels width × height above which an image is refused (decompression bombs) */
    public record Photo(DataSize maxSize, long maxPixels, int maxPerContribution) {
        public Photo {
            maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
            maxPixels = maxPixels <= 0 ? 50_000_000L : maxPixels;
            maxPerContribution = maxPerContribution <= 0 ? 5 : maxPerContribution;
        }
    }

    public record Audio(DataSize maxSize) {
        public Audio {
            maxSize = maxSize == null ? DataSize.ofMegabytes(50) : maxSize;
        }
    }

    /**
     * @param engine        {@code espeak} (offline, espeak-ng) or {@code cloud}
     * @param espeakCommand the espeak-ng executable
     * @param voice         espeak-ng voice ({@code ko})
     * @param speed         words per minute
     */
    public record Tts(String engine, String espeakCommand, String voice, int speed, Duration timeout, Cloud cloud) {
        public Tts {
            engine = engine == null || engine.isBlank() ? "espeak" : engine.strip().toLowerCase(java.util.Locale.ROOT);
            espeakCommand = espeakCommand == null || espeakCommand.isBlank() ? "espeak-ng" : espeakCommand.strip();
            voice = voice == null || voice.isBlank() ? "ko" : voice.strip();
            speed = speed <= 0 ? 150 : speed;
            timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
            cloud = cloud == null ? new Cloud(null, null, null) : cloud;
        }
    }

    /** A cloud TTS service reached over HTTPS (see {@code HttpCloudTts}); empty url = not configured. */
    public record Cloud(String url, String apiKey, String voice) {
        public Cloud {
            voice = voice == null || voice.isBlank() ? "ko-KR" : voice;
        }
    }

    /** Uptake (share of delivered copies taken) above {@code highPercent} → add copies, below {@code lowPercent} → reduce. */
    public record Uptake(int highPercent, int lowPercent) {
        public Uptake {
            highPercent = highPercent <= 0 ? 90 : highPercent;
            lowPercent = lowPercent <= 0 ? 30 : lowPercent;
        }
    }
}
