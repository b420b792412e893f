package kr.sotong.messaging.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP adapter of the generic JSON SMS/Kakao gateway (protocol in {@code docs/messaging-gateway.md}):
 * {@code POST /v1/messages/send-many} with per-message idempotency keys, {@code POST /v1/files} for MMS
 * images, HMAC-SHA256 request signing in the style of Korean SMS APIs. The settings come from
 * {@link MessagingSettings} — the bench harness and tests point it at a local stub.
 */
@Component
public class GatewayClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MessagingSettings settings;
    private final HttpClient http;

    GatewayClient(MessagingSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.gateway().connectTimeout())
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "messaging-gateway-http");
                    t.setDaemon(true);
                    return t;
                }))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public boolean configured() {
        return !settings.gateway().url().isBlank();
    }

    /** One message to the gateway. {@code kakaoTemplate} only for ATA. */
    public record OutMessage(String messageKey, MessageType type, String from, String to, String subject, String text,
                             String imageId, String kakaoTemplate) {
    }

    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    public record Result(String messageKey, String messageId, Outcome outcome, String code, String reason) {
        public boolean accepted() {
            return outcome != Outcome.REJECTED;
        }

        /** Kakao could not deliver (not a KakaoTalk user, template problems): fall back to SMS/LMS. */
        public boolean kakaoFailure() {
            return outcome == Outcome.REJECTED && code != null && code.startsWith("31");
        }
    }

    /** The whole request failed. {@code transientFailure}: retry later with the same keys. */
    public static class GatewayException extends Exception {
        private final boolean transientFailure;

        GatewayException(String message, boolean transientFailure, Throwable cause) {
            super(message, cause);
            this.transientFailure = transientFailure;
        }

        public boolean transientFailure() {
            return transientFailure;
        }
    }

    public static String notConfiguredReason() {
        return "문자·카카오톡 게이트웨이가 설정되지 않았습니다. 관리자가 sotong.messaging.gateway.url, api-key, api-secret과 "
                + "발신번호(sotong.messaging.sender-number)를 설정해야 발송됩니다.";
    }

    /** Sends messages in one request; returns one result per message key. */
    public Map<String, Result> send(List<OutMessage> messages) throws GatewayException {
        MessagingProperties.Gateway g = settings.gateway();
        if (g.url().isBlank()) {
            throw new GatewayException(notConfiguredReason(), false, null);
        }
        List<Map<String, Object>> items = new ArrayList<>(messages.size());
        for (OutMessage m : messages) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("messageKey", m.messageKey());
            o.put("type", m.type().name());
            o.put("from", m.from());
            o.put("to", m.to());
            if (m.subject() != null && !m.subject().isBlank()) {
                o.put("subject", m.subject());
            }
            o.put("text", m.text());
            if (m.imageId() != null) {
                o.put("imageId", m.imageId());
            }
            if (m.type() == MessageType.ATA) {
                o.put("kakao", Map.of("senderKey", g.kakaoSenderKey() == null ? "" : g.kakaoSenderKey(),
                        "templateCode", m.kakaoTemplate()));
            }
            items.add(o);
        }
        JsonNode body = post(g, "/v1/messages/send-many", JSON.writeValueAsString(Map.of("messages", items)));
        Map<String, Result> out = new LinkedHashMap<>();
        for (JsonNode r : body.path("results")) {
            String key = r.path("messageKey").asString("");
            Outcome outcome;
            try {
                outcome = Outcome.valueOf(r.path("status").asString("REJECTED"));
            } catch (IllegalArgumentException e) {
                outcome = Outcome.REJECTED;
            }
            out.put(key, new Result(key, r.path("messageId").asString(null), outcome, r.path("code").asString(null),
                    r.path("reason").asString(null)));
        }
        return out;
    }

    /** Uploads an MMS image; returns the gateway's file id. */
    public String uploadImage(String name, String mediaType, byte[] data) throws GatewayException {
        MessagingProperties.Gateway g = settings.gateway();
        if (g.url().isBlank()) {
            throw new GatewayException(notConfiguredReason(), false, null);
        }
        JsonNode r = post(g, "/v1/files", JSON.writeValueAsString(Map.of("name", name, "type", mediaType,
                "data", Base64.getEncoder().encodeToString(data))));
        return Optional.ofNullable(r.path("fileId").asString(null))
                .orElseThrow(() -> new GatewayException("게이트웨이가 파일 ID를 돌려주지 않았습니다.", true, null));
    }

    private JsonNode post(MessagingProperties.Gateway g, String path, String json) throws GatewayException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(g.url() + path))
                .timeout(g.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", authorization(g))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new GatewayException("게이트웨이 응답 시간 초과(" + g.timeout().toSeconds() + "초)", true, e);
        } catch (ConnectException e) {
            throw new GatewayException("게이트웨이에 연결할 수 없습니다: " + g.url(), true, e);
        } catch (IOException e) {
            throw new GatewayException("게이트웨이 통신 오류: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("발송이 중단되었습니다.", true, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new GatewayException("게이트웨이 일시 오류 (HTTP " + status + ")", true, null);
        }
        if (status == 401 || status == 403) {
            throw new GatewayException("게이트웨이 인증 실패 (HTTP " + status + "): API 키를 확인하세요.", false, null);
        }
        if (status >= 400) {
            throw new GatewayException("게이트웨이가 요청을 거절했습니다 (HTTP " + status + "): " + abbreviate(response.body()), false, null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new GatewayException("게이트웨이 응답을 해석할 수 없습니다: " + abbreviate(response.body()), true, e);
        }
    }

    /** {@code HMAC-SHA256 apiKey=…, date=…, salt=…, signature=hex(HMAC(secret, date + salt))}. */
    static String authorization(MessagingProperties.Gateway g) {
        String date = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String secret = g.apiSecret() == null ? "" : g.apiSecret();
        return "HMAC-SHA256 apiKey=" + (g.apiKey() == null ? "" : g.apiKey()) + ", date=" + date + ", salt=" + salt
                + ", signature=" + Hmac.hex(secret, date + salt);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
