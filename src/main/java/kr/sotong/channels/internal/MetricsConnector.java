package kr.sotong.channels.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import kr.sotong.channels.ChannelKind;
import kr.sotong.shared.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches a channel's current figures from its platform's API. Implementations are written against the
 * platforms' documented JSON and are disabled unless a key is configured.
 */
public interface MetricsConnector {

    ChannelKind kind();

    boolean enabled();

    /** Current subscribers, content count and views (null where the platform does not say). */
    Figures fetch(String externalId);

    record Figures(Long subscribers, Long contents, Long views) {
    }

    JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode get(ChannelsProperties.Connector c, String url, String platform) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(c.timeout()).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(c.timeout()).build()
                    .send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = JSON.readTree(r.body());
            } catch (RuntimeException e) {
                throw new DomainException("channels.connector.json", platform + " 응답을 해석할 수 없습니다(HTTP " + r.statusCode() + ").");
            }
            if (r.statusCode() != 200) {
                String msg = body.path("error").path("message").asString("HTTP " + r.statusCode());
                throw new DomainException("channels.connector.error", platform + " API 오류: " + msg);
            }
            return body;
        } catch (IOException e) {
            throw new DomainException("channels.connector.io", platform + " API에 연결할 수 없습니다: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("channels.connector.io", platform + " API 호출이 중단되었습니다.");
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static Long number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        String s = n.asString("");
        return s.matches("\\d{1,18}") ? Long.parseLong(s) : null;
    }

    /**
     * YouTube Data API v3: {@code GET {base}/channels?part=statistics&id={channelId}&key={apiKey}} →
     * {@code items[0].statistics.{subscriberCount, videoCount, viewCount}} (counts are strings;
     * {@code hiddenSubscriberCount} true means no subscriber figure).
     */
    final class YouTube implements MetricsConnector {
        private final ChannelsProperties.Connector c;

        public YouTube(ChannelsProperties.Connector c) {
            this.c = c;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.YOUTUBE;
        }

        @Override
        public boolean enabled() {
            return c.enabled();
        }

        @Override
        public Figures fetch(String channelId) {
            JsonNode body = get(c, c.baseUrl() + "/channels?part=statistics&id=" + enc(channelId) + "&key=" + enc(c.key()), "YouTube");
            JsonNode items = body.path("items");
            if (!items.isArray() || items.isEmpty()) {
                throw new DomainException("channels.connector.not-found", "YouTube 채널을 찾을 수 없습니다: " + channelId);
            }
            JsonNode st = items.get(0).path("statistics");
            Long subs = st.path("hiddenSubscriberCount").asBoolean(false) ? null : number(st.path("subscriberCount"));
            return new Figures(subs, number(st.path("videoCount")), number(st.path("viewCount")));
        }
    }

    /**
     * Instagram Graph API: {@code GET {base}/{ig-user-id}?fields=followers_count,media_count&access_token=…}
     * → {@code {followers_count, media_count}} (numbers). Views are not part of this endpoint.
     */
    final class Instagram implements MetricsConnector {
        private final ChannelsProperties.Connector c;

        public Instagram(ChannelsProperties.Connector c) {
            this.c = c;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.INSTAGRAM;
        }

        @Override
        public boolean enabled() {
            return c.enabled();
        }

        @Override
        public Figures fetch(String userId) {
            JsonNode body = get(c, c.baseUrl() + "/" + enc(userId) + "?fields=followers_count,media_count&access_token=" + enc(c.key()),
                    "Instagram");
            return new Figures(number(body.path("followers_count")), number(body.path("media_count")), null);
        }
    }
}
