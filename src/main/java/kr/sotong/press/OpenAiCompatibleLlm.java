package kr.sotong.press;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An OpenAI-compatible chat completions API ({@code POST {url}/chat/completions}) configured by
 * {@code sotong.press.llm.url}, {@code api-key} and {@code model}. Without a URL it reports itself as
 * not configured and the UI says so.
 */
@Component
class OpenAiCompatibleLlm implements LlmProvider {

    private final PressProperties.Llm settings;
    private final ObjectMapper json;
    private final HttpClient http;

    @org.springframework.beans.factory.annotation.Autowired
    OpenAiCompatibleLlm(PressProperties properties, ObjectMapper json) {
        this(properties.llm(), json);
    }

    OpenAiCompatibleLlm(PressProperties.Llm settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public String complete(String system, String user) {
        if (!configured()) {
            throw new DomainException("press.llm.not-configured",
                    "AI 초안 작성 기능이 설정되지 않았습니다(sotong.press.llm.url). 관리자에게 문의하세요.");
        }
        String base = settings.url().replaceAll("/+$", "");
        String payload = json.writeValueAsString(Map.of("model", settings.model(), "temperature", 0.3,
                "messages", List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user))));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                .timeout(settings.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            req.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DomainException("press.llm.unreachable", "AI 서버에 연결하지 못했습니다: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("press.llm.unreachable", "AI 서버 호출이 중단되었습니다.");
        } catch (IllegalArgumentException e) {
            throw new DomainException("press.llm.url", "AI 서버 주소가 올바르지 않습니다: " + base);
        }
        if (res.statusCode() / 100 != 2) {
            throw new DomainException("press.llm.error", "AI 서버가 오류로 답했습니다(HTTP " + res.statusCode() + ").");
        }
        try {
            JsonNode root = json.readTree(res.body());
            JsonNode content = root.path("choices").path(0).path("message").path("content");
            if (!content.isString() || content.asString().isBlank()) {
                throw new DomainException("press.llm.empty", "AI 서버의 답에 초안이 없습니다.");
            }
            return content.asString().strip();
        } catch (tools.jackson.core.JacksonException e) {
            throw new DomainException("press.llm.invalid", "AI 서버의 답을 읽을 수 없습니다.");
        }
    }
}
