package kr.sotong.bench.signage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import kr.sotong.bench.BenchApp;
import kr.sotong.signage.schedule.CampaignDraft;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.ScheduleResolver;
import kr.sotong.signage.schedule.Targets;

/**
 * How fast a schedule change reaches connected players over server-sent events: N players hold an event
 * stream open (Java HttpClient, loopback); a campaign for all of them is committed through the use case;
 * the time from the commit to each player's {@code schedule} event is recorded, three times. The anchor
 * is the polling interval of players without a push channel (Xibo's default collection interval, 5 min:
 * a change waits on average half of it) — documented, not measured here.
 * <pre>
 * bench/run kr.sotong.bench.signage.SseLatency [players=2000] [fleet=2000]
 * </pre>
 */
public final class SseLatency {

    public static void main(String[] args) throws Exception {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int fleetSize = Math.max(players, args.length > 1 ? Integer.parseInt(args[1]) : players);
        try (BenchApp app = BenchApp.start()) {
            SignageFleet fleet = SignageFleet.build(app, fleetSize);
            int port = app.port();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
            AtomicLongArray arrivals = new AtomicLongArray(players);
            AtomicInteger round = new AtomicInteger();
            CountDownLatch hellos = new CountDownLatch(players);
            int[] seenRound = new int[players];
            for (int i = 0; i < players; i++) {
                int index = i;
                SignageFleet.Member m = fleet.devices.get(i);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/player/v1/events"))
                        .header("Authorization", "Bearer " + m.token()).header("Accept", "text/event-stream").build();
                client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.equals("event:hello")) {
                            hellos.countDown();
                        } else if (line.equals("event:schedule")) {
                            synchronized (seenRound) {
                                if (seenRound[index] < round.get()) {
                                    seenRound[index] = round.get();
                                    arrivals.set(index, System.nanoTime());
                                }
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
            }
            if (!hellos.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (players - hellos.getCount()) + " players connected");
            }
            System.out.printf("SseLatency: %,d players connected to the event stream (fleet %,d devices), %d CPUs%n",
                    players, fleetSize, Runtime.getRuntime().availableProcessors());
            LocalDate today = LocalDate.now(ScheduleResolver.ZONE);
            List<String> lines = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                round.set(r);
                for (int i = 0; i < players; i++) {
                    arrivals.set(i, 0);
                }
                int priority = 60 + r;
                long t0 = System.nanoTime();
                String name = "긴급 공지 " + r;
                SignageFleet.asAdmin(() -> fleet.programming.planCampaign(new CampaignDraft(name, CampaignKind.NORMAL,
                        fleet.defaultPlaylist.id(), today.minusDays(1), today.plusDays(1), priority, 0, Targets.everyone(),
                        List.of())));
                long committed = System.nanoTime();
                long deadline = committed + TimeUnit.SECONDS.toNanos(15);
                while (System.nanoTime() < deadline && count(arrivals) < players) {
                    Thread.sleep(20);
                }
                long[] latencies = new long[players];
                int reached = 0;
                for (int i = 0; i < players; i++) {
                    long a = arrivals.get(i);
                    latencies[i] = a == 0 ? Long.MAX_VALUE : a - committed;
                    reached += a == 0 ? 0 : 1;
                }
                Arrays.sort(latencies);
                long within5 = Arrays.stream(latencies).filter(l -> l < TimeUnit.SECONDS.toNanos(5)).count();
                String line = String.format("change %d: commit took %.0f ms; %,d/%,d players told; after commit p50 %.0f ms, "
                                + "p95 %.0f ms, max %.0f ms; within 5 s: %,d", r, (committed - t0) / 1e6, reached, players,
                        ms(latencies[players / 2]), ms(latencies[(int) (players * 0.95)]), ms(latencies[players - 1]), within5);
                System.out.println(line);
                lines.add(line);
            }
            System.out.println("\nRESULT " + String.join(" | ", lines));
        }
    }

    private static int count(AtomicLongArray a) {
        int n = 0;
        for (int i = 0; i < a.length(); i++) {
            n += a.get(i) == 0 ? 0 : 1;
        }
        return n;
    }

    private static double ms(long nanos) {
        return nanos == Long.MAX_VALUE ? Double.NaN : nanos / 1e6;
    }
}
