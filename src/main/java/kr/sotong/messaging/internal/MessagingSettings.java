package kr.sotong.messaging.internal;

import org.springframework.stereotype.Component;

/**
 * The gateway and sender settings in force: read from {@code sotong.messaging.*} at start; the bench
 * harness and tests point them at a local stub gateway with {@link #replace}.
 */
@Component
public class MessagingSettings {

    /**
     * @param webhookSecret shared secret of the gateway's webhooks (HMAC-SHA256)
     */
    public record Values(MessagingProperties.Gateway gateway, String senderNumber, String optOutNumber,
                         String webhookSecret) {
        public Values {
            gateway = gateway == null ? new MessagingProperties.Gateway(null, null, null, null, null, null) : gateway;
        }
    }

    private volatile Values values;

    MessagingSettings(MessagingProperties p) {
        this.values = new Values(p.gateway(), p.senderNumber(), p.optOutNumber(), p.webhookSecret());
    }

    public Values current() {
        return values;
    }

    public void replace(Values v) {
        this.values = v;
    }

    public MessagingProperties.Gateway gateway() {
        return values.gateway();
    }

    public String senderNumber() {
        return values.senderNumber();
    }

    public String optOutNumber() {
        return values.optOutNumber();
    }

    public String webhookSecret() {
        return values.webhookSecret();
    }
}
