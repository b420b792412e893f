package kr.sotong.bench.messaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.messaging.internal.Bulletins;
import kr.sotong.messaging.internal.Subscribers;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared set-up of the messaging harnesses: the app against a stub gateway, 37,317 SMS subscribers, a bulletin. */
final class MessagingBench {

    static final int RECIPIENTS = 37_317;
    static final String KEY = "bench-key";
    static final String SECRET = "bench-secret";

    private MessagingBench() {
    }

    /**
     * Starts the app like {@link BenchApp} but with an admin password that passes the platform's password
     * rules ({@code BenchApp}'s "Bench-admin-2025" contains the user name and is refused at start).
     */
    static App start(Path home, String gatewayUrl, String... extra) {
        String[] base = {"--sotong.seed=none", "--sotong.messaging.gateway.url=" + gatewayUrl, "--sotong.messaging.gateway.api-key=" + KEY,
                "--sotong.messaging.gateway.api-secret=" + SECRET, "--sotong.messaging.sender-number=0226272114",
                "--sotong.messaging.webhook-secret=bench-webhook", "--sotong.messaging.scheduler-enabled=false"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        try {
            Path h = home == null ? java.nio.file.Files.createTempDirectory("sotong-bench-") : home;
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--sotong.home=" + h, "--server.port=0",
                    "--sotong.security.admin-initial-password=Messaging-bench-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                    "--logging.level.root=WARN", "--logging.structured.format.file=", "--logging.file.name="));
            args.addAll(java.util.List.of(all));
            return new App(org.springframework.boot.SpringApplication.run(kr.sotong.SotongApplication.class, args.toArray(String[]::new)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The running application. */
    record App(org.springframework.context.ConfigurableApplicationContext context) implements AutoCloseable {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Distinct mobile numbers 010-5xxx-xxxx for recipient i. */
    static String number(int i) {
        return String.format("0105%07d", i);
    }

    /** Imports the subscribers through the ordinary CSV import (consent evidence columns filled). */
    static long importSubscribers(App app, int count) {
        StringBuilder csv = new StringBuilder(count * 60).append("연락처,채널,동의일시,동의문구버전,동의경로\n");
        for (int i = 0; i < count; i++) {
            csv.append(number(i)).append(",SMS,2021-09-01 09:00,2021-09,문자 알림 서비스 신청서\n");
        }
        long t0 = System.nanoTime();
        var report = app.bean(Subscribers.class).importList(csv.toString().getBytes(StandardCharsets.UTF_8), true);
        if (!report.errors().isEmpty() || report.imported() != count) {
            throw new IllegalStateException("import failed: " + report);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static long createBulletin(App app, String title) {
        return app.bean(Bulletins.class).create(new Bulletins.Draft(title, SubscriberChannel.SMS, false, null, null, null,
                "[금천구 소식] 이번 주 구정 소식: 개청 30주년 기념 행사와 주민 참여 공모전 안내입니다. 자세한 내용은 구청 홈페이지를 확인하세요.", "", null));
    }

    static long activeSubscribers(App app) {
        return app.bean(JdbcClient.class).sql("select count(*) from messaging_subscriber where status = 'ACTIVE'").query(Long.class).single();
    }
}
