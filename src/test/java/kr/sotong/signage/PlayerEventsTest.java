package kr.sotong.signage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.Playlist;
import kr.sotong.signage.schedule.Programming;
import kr.sotong.signage.schedule.Targets;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server-sent event stream over real HTTP: a change reaches a connected player within seconds. */
@SotongTest
class PlayerEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    SignageFixtures fx;
    @Autowired
    Programming programming;
    @Autowired
    DeviceRegistry registry;

    record Event(String name, String data) {
    }

    /** Reads an SSE stream on a background thread into a queue. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final InputStream body;
        final Thread reader;

        Stream(int port, String token) throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/player/v1/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            body = response.body();
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String name = "message";
                    StringBuilder data = new StringBuilder();
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.isEmpty()) {
                            if (data.length() > 0) {
                                events.add(new Event(name, data.toString()));
                            }
                            name = "message";
                            data.setLength(0);
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                } catch (Exception ignored) {
                    // stream closed
                }
            }, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        Event next(String name, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e != null && e.name().equals(name)) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void aScheduleChangeReachesAConnectedPlayerWithinFiveSecondsAndOnlyThePlayersConcerned() throws Exception {
        String tag = SignageFixtures.uniqueTag();
        Device concerned = fx.device(tag);
        Device other = fx.device(SignageFixtures.uniqueTag());
        ContentItem a = fx.image("SSE A " + tag, Color.RED);
        Playlist p = fx.playlist(Layout.FULL_SCREEN, 10, a);
        fx.campaign("SSE " + tag, CampaignKind.NORMAL, p, 60, Targets.tags(tag), List.of());

        try (Stream s = new Stream(port, fx.token(concerned)); Stream o = new Stream(port, fx.token(other))) {
            Event hello = s.next("hello", Duration.ofSeconds(5));
            assertThat(hello).isNotNull();
            assertThat(o.next("hello", Duration.ofSeconds(5))).isNotNull();
            String etag = hello.data();

            ContentItem b = fx.image("SSE B " + tag, Color.BLUE);
            long changed = System.nanoTime();
            fx.as(() -> programming.addItem(p.id(), p.version(), b.id(), 10));
            Event event = s.next("schedule", Duration.ofSeconds(5));
            long elapsedMs = (System.nanoTime() - changed) / 1_000_000;
            assertThat(event).as("schedule event within 5 s").isNotNull();
            assertThat(event.data()).contains("\"etag\":\"\\\"s-").isNotEqualTo(etag);
            assertThat(elapsedMs).isLessThan(5000);
            // the device outside the campaign's targets is not told to download anything
            assertThat(o.next("schedule", Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void aRevokedPlayerIsToldAtOnce() throws Exception {
        Device d = fx.device(SignageFixtures.uniqueTag());
        try (Stream s = new Stream(port, fx.token(d))) {
            assertThat(s.next("hello", Duration.ofSeconds(5))).isNotNull();
            fx.as(() -> {
                registry.requestScreenshot(d.id());
                return null;
            });
            assertThat(s.next("screenshot", Duration.ofSeconds(5))).isNotNull();
            fx.as(() -> {
                registry.revokeToken(d.id());
                return null;
            });
            assertThat(s.next("revoked", Duration.ofSeconds(5))).isNotNull();
        }
    }
}
