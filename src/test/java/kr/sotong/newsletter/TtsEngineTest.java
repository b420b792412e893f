package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import kr.sotong.newsletter.audio.EspeakNgTts;
import kr.sotong.newsletter.audio.HttpCloudTts;
import kr.sotong.newsletter.audio.TtsEngine;
import kr.sotong.shared.DomainException;
import org.junit.jupiter.api.Test;

/**
 * The TTS engine interface: the offline espeak-ng implementation when espeak-ng with the Korean voice is
 * installed, a fake engine otherwise (the test prints which one ran), the cloud implementation against a
 * local HTTP stub, and the Korean messages for a missing engine and empty text.
 */
class TtsEngineTest {

    static final String TEXT = "금천구 소식지 금천향기 삼월호입니다. 개청 삼십 주년을 축하합니다.";

    /** Stands in for espeak-ng where it is not installed: a WAV of silence, one second per 20 characters. */
    static final class FakeTts implements TtsEngine {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Availability availability() {
            return Availability.ok("fake");
        }

        @Override
        public Speech synthesize(String text) {
            String t = TtsEngine.requireText(text);
            return new Speech(NewsletterFixtures.wav(Math.max(500, t.length() * 50)), "audio/wav", "wav");
        }
    }

    static TtsEngine engineForThisMachine() {
        EspeakNgTts espeak = new EspeakNgTts("espeak-ng", "ko", 150, 60_000);
        if (espeak.availability().available()) {
            System.out.println("[TtsEngineTest] TTS implementation that ran: " + espeak.name() + " — "
                    + espeak.availability().message());
            return espeak;
        }
        System.out.println("[TtsEngineTest] espeak-ng not installed (" + espeak.availability().message()
                + "); TTS implementation that ran: FakeTts");
        return new FakeTts();
    }

    @Test
    void speaksKoreanAsAPlayableWav() throws Exception {
        TtsEngine engine = engineForThisMachine();
        TtsEngine.Speech speech = engine.synthesize(TEXT);
        assertThat(speech.mediaType()).isEqualTo("audio/wav");
        assertThat(new String(speech.audio(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(speech.audio()))) {
            AudioFormat f = in.getFormat();
            double seconds = in.getFrameLength() / f.getFrameRate();
            System.out.println("[TtsEngineTest] " + engine.name() + " produced " + String.format("%.1f", seconds)
                    + " s of audio at " + f.getSampleRate() + " Hz");
            assertThat(seconds).as("a sentence takes more than a second to say").isGreaterThan(1.0);
        }
    }

    @Test
    void espeakIsReportedMissingInKorean() {
        EspeakNgTts missing = new EspeakNgTts("/nonexistent/espeak-ng", "ko", 150, 10_000);
        assertThat(missing.availability().available()).isFalse();
        assertThat(missing.availability().message()).contains("espeak-ng가 설치되어 있지 않습니다").contains("apt-get install espeak-ng");
        assertThatThrownBy(() -> missing.synthesize(TEXT)).isInstanceOf(DomainException.class)
                .hasMessageContaining("espeak-ng가 설치되어 있지 않습니다");
    }

    @Test
    void emptyTextIsRefusedBeforeAnyEngineRuns() {
        assertThatThrownBy(() -> engineForThisMachine().synthesize("  \n ")).isInstanceOf(DomainException.class)
                .hasMessageContaining("비어");
        assertThatThrownBy(() -> new EspeakNgTts("/nonexistent/espeak-ng", "ko", 150, 1000).synthesize(""))
                .isInstanceOf(DomainException.class).hasMessageContaining("비어");
    }

    @Test
    void cloudEngineSpeaksTheDocumentedJsonProtocol() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> auth = new AtomicReference<>();
        byte[] mp3 = {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64, 1, 2, 3, 4};
        server.createContext("/v1/tts", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, mp3.length);
            exchange.getResponseBody().write(mp3);
            exchange.close();
        });
        server.createContext("/v1/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpCloudTts cloud = new HttpCloudTts(base + "/v1/tts", "test-key", "ko-KR", Duration.ofSeconds(5));
            TtsEngine.Speech speech = cloud.synthesize(TEXT);
            assertThat(speech.audio()).isEqualTo(mp3);
            assertThat(speech.mediaType()).isEqualTo("audio/mpeg");
            assertThat(speech.fileExtension()).isEqualTo("mp3");
            assertThat(body.get()).contains("\"voice\":\"ko-KR\"").contains(TEXT);
            assertThat(auth.get()).isEqualTo("Bearer test-key");

            HttpCloudTts broken = new HttpCloudTts(base + "/v1/broken", "", "ko-KR", Duration.ofSeconds(5));
            assertThatThrownBy(() -> broken.synthesize(TEXT)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("HTTP 503");
        } finally {
            server.stop(0);
        }
        HttpCloudTts unconfigured = new HttpCloudTts("", "", "ko-KR", Duration.ofSeconds(1));
        assertThat(unconfigured.availability().available()).isFalse();
        assertThatThrownBy(() -> unconfigured.synthesize(TEXT)).hasMessageContaining("설정되어 있지 않습니다");
    }
}
