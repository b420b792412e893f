package kr.sotong.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.messaging.internal.MessagingProperties;
import kr.sotong.messaging.internal.MessagingSettings;
import kr.sotong.messaging.internal.Subscribers;

/** Helpers for messaging tests: unique phone numbers, a stub gateway wired in, subscribers by import. */
final class MessagingTestSupport {

    static final String API_KEY = "test-key";
    static final String API_SECRET = "test-secret";
    static final String WEBHOOK_SECRET = "webhook-secret-for-tests";

    private MessagingTestSupport() {
    }

    static String phone() {
        return "010" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static MessagingSettings.Values stubSettings(StubGateway stub, Duration timeout) {
        return new MessagingSettings.Values(new MessagingProperties.Gateway(stub.url(), API_KEY, API_SECRET, "kakao-sender-key",
                Duration.ofSeconds(2), timeout), "0226272114", "080-123-4567", WEBHOOK_SECRET);
    }

    /** Imports active subscribers (consent evidence columns filled). Rows: channel, contact, ad, night. */
    static void importSubscribers(Subscribers subscribers, List<String[]> rows) {
        StringBuilder csv = new StringBuilder("연락처,채널,동의일시,동의문구버전,동의경로,광고동의,야간동의\n");
        for (String[] r : rows) {
            csv.append(r[1]).append(',').append(r[0]).append(",2024-03-05 14:30,2021-09,문자알림 신청서,").append(r[2]).append(',').append(r[3]).append('\n');
        }
        var report = subscribers.importList(csv.toString().getBytes(StandardCharsets.UTF_8), true);
        if (!report.errors().isEmpty()) {
            throw new AssertionError(report.errors());
        }
    }
}
