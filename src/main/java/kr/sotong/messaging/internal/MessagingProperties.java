package kr.sotong.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code sotong.messaging.*}. Secrets (API key/secret, webhook secret) come from the
 * environment ({@code SOTONG_MESSAGING_…}); nothing secret has a default.
 *
 * @param senderNumber  발신번호 registered with the carrier (사전 등록 발신번호)
 * @param senderName    name in the "(광고)" prefix of advertising messages
 * @param optOutNumber  free 080 opt-out number printed in advertising messages
 * @param webhookSecret shared secret of the delivery-report and inbound webhooks (HMAC-SHA256)
 * @param ratePerSecond messages per second this node hands to the gateway
 * @param claimLease    a delivery claimed longer ago than this by a node that died is sent again
 *                      (with the same idempotency key)
 */
@ConfigurationProperties("sotong.messaging")
public record MessagingProperties(Gateway gateway, String senderNumber, String senderName, String optOutNumber,
                                  String webhookSecret, int ratePerSecond, int workers, int batchSize,
                                  int maxAttempts, Duration claimLease, Duration pollInterval,
                                  boolean schedulerEnabled) {

    public MessagingProperties {
        gateway = gateway == null ? new Gateway(null, null, null, null, null, null) : gateway;
        senderName = senderName == null || senderName.isBlank() ? "금천구" : senderName.strip();
        ratePerSecond = ratePerSecond <= 0 ? 2000 : ratePerSecond;
        workers = workers <= 0 ? 4 : workers;
        batchSize = batchSize <= 0 ? 500 : Math.min(batchSize, 1000);
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        claimLease = claimLease == null ? Duration.ofSeconds(60) : claimLease;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    }

    /**
     * @param url            base URL of the gateway (protocol: docs/messaging-gateway.md); empty = not configured
     * @param kakaoSenderKey 카카오 발신 프로필 키 for 알림톡
     */
    public record Gateway(String url, String apiKey, String apiSecret, String kakaoSenderKey, Duration connectTimeout,
                          Duration timeout) {
        public Gateway {
            url = url == null ? "" : url.strip().replaceAll("/+$", "");
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }
}
