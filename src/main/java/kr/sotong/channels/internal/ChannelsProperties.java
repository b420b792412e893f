package kr.sotong.channels.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code sotong.channels.*}: the platform connectors, disabled unless their keys are
 * configured ({@code SOTONG_YOUTUBE_API_KEY}, {@code SOTONG_INSTAGRAM_ACCESS_TOKEN}).
 */
@ConfigurationProperties("sotong.channels")
public record ChannelsProperties(Connector youtube, Connector instagram) {

    public ChannelsProperties {
        youtube = youtube == null ? new Connector(null, null, null) : youtube;
        instagram = instagram == null ? new Connector(null, null, null) : instagram;
    }

    /** @param key API key (YouTube) or access token (Instagram); empty = connector disabled */
    public record Connector(String baseUrl, String key, Duration timeout) {
        public Connector {
            baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        public boolean enabled() {
            return key != null && !key.isBlank() && !baseUrl.isBlank();
        }
    }
}
