package kr.sotong.newsletter.audio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import kr.sotong.newsletter.support.NewsletterProperties;
import kr.sotong.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Cloud TTS over HTTP: {@code POST <url>} with {@code {"text": "...", "voice": "ko-KR", "format": "mp3"}}
 * and {@code Authorization: Bearer <key>}; the answer is the audio ({@code audio/*}). Configure with
 * {@code sotong.newsletter.tts.cloud.url} and {@code SOTONG_TTS_API_KEY}.
 */
@Component
public class HttpCloudTts implements CloudTts {

    private final String url;
    private final String apiKey;
    private final String voice;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    @Autowired
    HttpCloudTts(NewsletterProperties properties) {
        this(properties.tts().cloud().url(), properties.tts().cloud().apiKey(), properties.tts().cloud().voice(),
                properties.tts().timeout());
    }

    public HttpCloudTts(String url, String apiKey, String voice, Duration timeout) {
        this.url = url == null ? "" : url.strip();
        this.apiKey = apiKey == null ? "" : apiKey;
        this.voice = voice;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String name() {
        return "cloud (" + voice + ")";
    }

    @Override
    public String endpoint() {
        return url;
    }

    @Override
    public Availability availability() {
        if (url.isEmpty()) {
            return Availability.missing("클라우드 음성 합성 서비스가 설정되어 있지 않습니다(sotong.newsletter.tts.cloud.url).");
        }
        return Availability.ok("클라우드 음성 합성 서비스: " + url);
    }

    @Override
    public Speech synthesize(String text) {
        String clean = TtsEngine.requireText(text);
        Availability a = availability();
        if (!a.available()) {
            throw new DomainException("newsletter.tts.unavailable", a.message());
        }
        try {
            String body = json.writeValueAsString(java.util.Map.of("text", clean, "voice", voice, "format", "mp3"));
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!apiKey.isEmpty()) {
                req.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = res.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
            if (res.statusCode() != 200 || !type.startsWith("audio/") || res.body().length == 0) {
                throw new DomainException("newsletter.tts.cloud-failed",
                        "클라우드 음성 합성 서비스가 음성을 만들지 못했습니다(HTTP " + res.statusCode() + ").", res.statusCode());
            }
            String ext = switch (type) {
                case "audio/mpeg" -> "mp3";
                case "audio/ogg" -> "ogg";
                default -> "wav";
            };
            return new Speech(res.body(), type, ext);
        } catch (IOException e) {
            throw new DomainException("newsletter.tts.cloud-unreachable",
                    "클라우드 음성 합성 서비스에 연결하지 못했습니다. 잠시 후 다시 시도하거나 녹음 파일을 올려 주세요.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("newsletter.tts.cloud-unreachable", "음성 합성이 중단되었습니다.");
        }
    }
}
