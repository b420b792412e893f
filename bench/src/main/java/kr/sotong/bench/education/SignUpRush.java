package kr.sotong.bench.education;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.bench.BenchApp;
import kr.sotong.bench.LeanHttp;
import kr.sotong.bench.Latencies;
import kr.sotong.education.catalogue.Allocation;
import kr.sotong.education.catalogue.Catalogue;
import kr.sotong.education.catalogue.CourseDraft;
import kr.sotong.education.catalogue.CourseKind;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.catalogue.Venues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sign-up rush: {@code attempts} registrations over HTTP ({@code POST /api/v1/education/courses/{id}/registrations}
 * with a bearer token, as the call-centre tool would) from {@code clients} concurrent clients on loopback, against a
 * {@code seats}-seat first-come course, on the real application (embedded PostgreSQL, fsync on). Each client sends
 * its requests one after another (closed loop), so the load is bounded by the number of clients.
 * <p>
 * Checks afterwards, from the database: exactly {@code seats} confirmed with seats 1..n, the rest waitlisted, the
 * confirmed are the first arrivals, the waitlist order equals the arrival order, every waitlisted client was told
 * its place (= arrival − seats), 0 oversold. Reports latency percentiles; the anchor is {@code GET /actuator/health}
 * at the same concurrency in the same run (the HTTP + security floor of this machine at that moment). Also reports
 * the CPU time one sign-up costs this JVM (server and load generator) and PostgreSQL, so a run on a busy machine still
 * tells what the work costs. The clients use {@link LeanHttp} (one keep-alive connection each), a load generator that
 * takes little CPU from the server it measures. The warm-up repeats the measured sequence ({@code warmupRounds}
 * rounds, default 6, of health requests and sign-ups to another course, all at full concurrency) so the JIT has
 * compiled the path with the profiles the measurement sees, as it would have on a server running for days before
 * registration opens; then it waits for the outbox and the JIT to go quiet. {@code -Ddbstats=true} prints
 * PostgreSQL's counters (transactions, rows, scans per table) for the rush.
 * <pre>
 *   bench/run kr.sotong.bench.education.SignUpRush [attempts=2000] [clients=200] [seats=16] [warmup=30000] [rate=0]
 *   BENCH_JAVA_OPTS="-Dthreads=64 -Dpool=20" bench/run kr.sotong.bench.education.SignUpRush     (other server settings)
 * </pre>
 * {@code rate=0} is the closed loop (maximum pressure: 200 requests always in flight); {@code rate=N} sends N requests
 * per second from the same 200 clients (an open loop; latency counted from the scheduled send time, so queueing
 * behind a saturated server is included).
 */
public final class SignUpRush {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    public static void main(String[] args) throws Exception {
        int attempts = arg(args, "attempts", 2000);
        int clients = arg(args, "clients", 200);
        int seats = arg(args, "seats", 16);
        int warmup = arg(args, "warmup", 30000);
        int rate = arg(args, "rate", 0);
        System.out.printf("sign-up rush: %d attempts, %d clients, %d seats, warm-up %d, %s%n", attempts, clients, seats, warmup,
                rate == 0 ? "closed loop (each client sends its next request when the previous answered)"
                        : "open loop at " + rate + " requests/s (latency from the scheduled send time)");
        int exitCode;
        // the application's own settings (Tomcat 200 threads, 20 database connections) unless -Dthreads / -Dpool are given
        // no SMS gateway on this machine: every SMS fails; one attempt each (as one send would be), not retries that
        // would keep the warm-up's messages coming back during the measurement
        List<String> settings = new ArrayList<>(List.of("sotong.education.sweep-interval=PT1H", "sotong.notifications.max-attempts=1"));
        if (System.getProperty("threads") != null) {
            settings.add("server.tomcat.threads.max=" + System.getProperty("threads"));
        }
        if (System.getProperty("pool") != null) {
            settings.add("spring.datasource.hikari.maximum-pool-size=" + System.getProperty("pool"));
        }
        try (BenchApp app = BenchApp.start(settings.toArray(String[]::new))) {
            String base = "http://127.0.0.1:" + app.port();
            String token = token(app, base);
            int http = app.port();
            if (warmup > 0) {
                // the warm-up repeats the measured sequence (health at full concurrency, then sign-ups at full concurrency),
                // so the JIT has compiled the code with the profiles the measurement will see
                int rounds = Integer.getInteger("warmupRounds", 6);
                for (int round = 0; round < rounds; round++) {
                    long warm = course(app, "워밍업 과정 " + (round + 1), seats, 2 + round);
                    rushHealth(http, base, clients, attempts);
                    Result w = rush(http, base, token, warm, warmup / rounds, clients, 3 + round, 0); // residents of their own
                    System.out.printf("warm-up round %d: %d sign-ups, p99 %.1f ms%n", round + 1, warmup / rounds, w.percentile(99));
                }
                settle(app.bean(JdbcClient.class));
                settleJit();
            }
            long course = course(app, "스마트폰 입문 (부하 시험)", seats, 1);
            long[] cpuA = cpuNanos();
            Result anchor = rushHealth(http, base, clients, attempts);
            Map<String, Long> db0 = Boolean.getBoolean("dbstats") ? dbStats(app.bean(JdbcClient.class)) : Map.of();
            long[] cpu0 = cpuNanos();
            long jit0 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            System.out.println("rush starts " + Instant.now());
            Result r = rush(http, base, token, course, attempts, clients, 2, rate);
            long[] cpu1 = cpuNanos();
            long jit1 = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            System.out.println("rush ends " + Instant.now());
            if (Boolean.getBoolean("dbstats")) {
                Thread.sleep(2500); // backends flush their statistics at most once a second
                Map<String, Long> db1 = dbStats(app.bean(JdbcClient.class));
                System.out.println("database work during the rush (per sign-up):");
                new java.util.TreeMap<>(db1).forEach((k, v) -> {
                    long d = v - db0.getOrDefault(k, 0L);
                    if (d != 0) {
                        System.out.printf(Locale.ROOT, "  %-60s %10d  %.2f%n", k, d, d / (double) attempts);
                    }
                });
            }
            int failures = verify(app.bean(JdbcClient.class), course, seats, attempts, r);
            System.out.println();
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            System.out.printf("| sign-ups | %d over HTTP from %d clients, %d-seat course |%n", attempts, clients, seats);
            System.out.printf("| wall time | %.2f s (%.0f req/s) |%n", r.wallMs / 1000.0, attempts * 1000.0 / r.wallMs);
            System.out.printf("| latency p50 / p90 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n", r.percentile(50), r.percentile(90),
                    r.percentile(99), r.percentile(100));
            System.out.printf("| anchor GET /actuator/health p50 / p99 (same concurrency) | %.1f / %.1f ms |%n", anchor.percentile(50),
                    anchor.percentile(99));
            System.out.printf("| CPU per sign-up: this JVM (server + load generator) / PostgreSQL | %.2f / %.2f ms |%n",
                    (cpu1[0] - cpu0[0]) / 1e6 / attempts, (cpu1[1] - cpu0[1]) / 1e6 / attempts);
            System.out.printf("| CPU per anchor request: this JVM / PostgreSQL | %.2f / %.2f ms |%n",
                    (cpu0[0] - cpuA[0]) / 1e6 / attempts, (cpu0[1] - cpuA[1]) / 1e6 / attempts);
            System.out.printf("| latency p99 of the first %d sign-ups (all clients starting at once) / of the rest | %.1f / %.1f ms |%n",
                    clients, r.slice(0, clients).percentile(99), r.slice(clients, attempts).percentile(99));
            System.out.printf("| JIT compilation during the rush (compiler threads' time) | %d ms |%n", jit1 - jit0);
            System.out.printf("| HTTP errors | %d |%n", r.errors.get());
            System.out.printf("| invariant failures | %d |%n", failures);
            exitCode = failures > 0 || r.errors.get() > 0 ? 1 : 0;
        }
        // the HTTP client's and the clients' thread pools are not daemons: end the JVM once the app is closed
        System.exit(exitCode);
    }

    record Result(long[] latenciesNs, long wallMs, AtomicInteger errors, List<String> bodies) {
        /** The requests sent {@code from} (inclusive) to {@code to} (exclusive), in sending order. */
        Result slice(int from, int to) {
            return new Result(java.util.Arrays.copyOfRange(latenciesNs, Math.min(from, latenciesNs.length),
                    Math.min(to, latenciesNs.length)), wallMs, errors, bodies);
        }

        double percentile(int p) {
            Latencies l = new Latencies();
            for (long v : latenciesNs) {
                l.add(v);
            }
            return l.percentileMillis(p);
        }
    }

    static Result rush(int port, String base, String token, long course, int attempts, int clients, int phonePrefix,
                       int rate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] lat = new long[attempts];
        List<String> bodies = new ArrayList<>(java.util.Collections.nCopies(attempts, ""));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        long[] epoch = new long[1];
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                start.await();
                try (LeanHttp http = new LeanHttp("127.0.0.1", port)) {
                    for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                        long scheduled = rate == 0 ? 0 : epoch[0] + (long) (i * 1e9 / rate);
                        if (rate > 0) {
                            long wait = scheduled - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        String phone = String.format("010%d%07d", phonePrefix, i);
                        String body = "{\"name\":\"부하시험\",\"phone\":\"" + phone + "\",\"targetGroup\":\"SENIOR_65\",\"channel\":\"PHONE\"}";
                        long t0 = rate == 0 ? System.nanoTime() : scheduled;
                        LeanHttp.Response res = http.post("/api/v1/education/courses/" + course + "/registrations", "application/json", body,
                                "Authorization", "Bearer " + token);
                        lat[i] = System.nanoTime() - t0;
                        bodies.set(i, res.body());
                        if (res.status() != 201) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        long w0 = System.nanoTime();
        epoch[0] = w0;
        start.countDown();
        for (Future<?> f : fs) {
            f.get();
        }
        long wall = (System.nanoTime() - w0) / 1_000_000;
        pool.shutdown();
        return new Result(lat, wall, errors, bodies);
    }

    static Result rushHealth(int port, String base, int clients, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] lat = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        long w0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                try (LeanHttp http = new LeanHttp("127.0.0.1", port)) {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        LeanHttp.Response res = http.get("/actuator/health");
                        lat[i] = System.nanoTime() - t0;
                        if (res.status() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new Result(lat, (System.nanoTime() - w0) / 1_000_000, errors, List.of());
    }

    /** Counters of PostgreSQL's statistics views (transactions, rows and scans per table), for {@code -Ddbstats=true}. */
    static Map<String, Long> dbStats(JdbcClient jdbc) {
        jdbc.sql("select pg_stat_clear_snapshot()").query().singleValue();
        Map<String, Long> m = new java.util.HashMap<>();
        jdbc.sql("select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated from pg_stat_database where datname = current_database()")
                .query(rs -> {
                    for (String c : List.of("xact_commit", "xact_rollback", "tup_returned", "tup_fetched", "tup_inserted", "tup_updated")) {
                        m.put("db." + c, rs.getLong(c));
                    }
                });
        jdbc.sql("select relname, seq_scan, coalesce(idx_scan, 0) idx_scan, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")
                .query(rs -> {
                    for (String c : List.of("seq_scan", "idx_scan", "n_tup_ins", "n_tup_upd", "n_tup_del")) {
                        m.put(rs.getString("relname") + "." + c, rs.getLong(c));
                    }
                });
        return m;
    }

    static int verify(JdbcClient jdbc, long course, int seats, int attempts, Result r) {
        int failures = 0;
        record Row(long id, int arrival, String status, Integer seat, Integer queue) {
        }
        List<Row> rows = jdbc.sql("select id, arrival_no, status, seat_no, queue_no from education_registration where course_id = :c order by arrival_no")
                .param("c", course).query((rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), (Integer) rs.getObject(4),
                        (Integer) rs.getObject(5))).list();
        long confirmed = rows.stream().filter(x -> x.status().equals("CONFIRMED")).count();
        long waitlisted = rows.stream().filter(x -> x.status().equals("WAITLISTED")).count();
        long seated = rows.stream().filter(x -> x.seat() != null).count();
        failures += check("registrations stored = attempts", rows.size() == attempts, rows.size() + " / " + attempts);
        failures += check("exactly " + seats + " confirmed", confirmed == seats, String.valueOf(confirmed));
        failures += check("oversold = 0", seated <= seats, "seated " + seated);
        failures += check("rest waitlisted", waitlisted == attempts - seats, String.valueOf(waitlisted));
        failures += check("seat numbers 1.." + seats, rows.stream().filter(x -> x.seat() != null).map(Row::seat).sorted().toList()
                .equals(java.util.stream.IntStream.rangeClosed(1, seats).boxed().toList()), "");
        failures += check("first arrivals confirmed", rows.stream().limit(seats).allMatch(x -> x.status().equals("CONFIRMED")), "");
        List<Row> waiting = rows.stream().filter(x -> x.status().equals("WAITLISTED")).toList();
        failures += check("waitlist order = arrival order", waiting.stream().map(Row::queue).toList()
                .equals(waiting.stream().map(x -> x.arrival()).toList()), "");
        Map<Long, Integer> arrivalById = new java.util.HashMap<>();
        rows.forEach(x -> arrivalById.put(x.id(), x.arrival()));
        Pattern p = Pattern.compile("\"registrationId\":(\\d+).*\"waitlistPosition\":(\\d+)");
        int told = 0;
        int wrong = 0;
        for (String body : r.bodies()) {
            Matcher m = p.matcher(body);
            if (m.find() && body.contains("WAITLISTED")) {
                told++;
                if (Integer.parseInt(m.group(2)) != arrivalById.get(Long.parseLong(m.group(1))) - seats) {
                    wrong++;
                }
            }
        }
        failures += check("each waitlisted client told place = arrival - seats", told == attempts - seats && wrong == 0,
                told + " told, " + wrong + " wrong");
        return failures;
    }

    /**
     * CPU time used so far by this JVM and by all {@code postgres} processes (Linux {@code /proc}; 0 elsewhere), so a run
     * on a busy machine still tells what one sign-up costs.
     */
    static long[] cpuNanos() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long pg = 0;
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File f : procs == null ? new java.io.File[0] : procs) {
            try {
                String stat = java.nio.file.Files.readString(f.toPath().resolve("stat"));
                int close = stat.lastIndexOf(')');
                if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                    continue;
                }
                String[] fields = stat.substring(close + 2).split(" ");
                pg += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // clock ticks of 10 ms
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended while we looked
            }
        }
        return new long[] {jvm, pg};
    }

    /** Waits until the outbox has no message due any more (the warm-up's SMS are processed), at most 2 minutes. */
    static void settle(JdbcClient jdbc) throws InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 120_000_000_000L && jdbc.sql(
                "select count(*) from platform_notification where status in ('PENDING', 'SENDING') and next_attempt_at <= now()")
                .query(Integer.class).single() > 0) {
            Thread.sleep(200);
        }
        System.out.printf("outbox settled after the warm-up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Waits until the JIT has worked through what the warm-up queued (compile time grows by less than 20 ms in a second,
     * at most 60 s): on a 2-core machine the compiler threads otherwise take CPU from the measured window.
     */
    static void settleJit() throws InterruptedException {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long t0 = System.nanoTime();
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() - t0 < 60_000_000_000L) {
            Thread.sleep(1000);
            long now = jit.getTotalCompilationTime();
            if (now - before < 20) {
                break;
            }
            before = now;
        }
        System.out.printf("JIT settled after the warm-up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static int check(String what, boolean ok, String detail) {
        System.out.printf("  [%s] %s %s%n", ok ? "ok" : "FAIL", what, detail);
        return ok ? 0 : 1;
    }

    static long course(BenchApp app, String title, int seats, int weekOffset) {
        Catalogue catalogue = app.bean(Catalogue.class);
        Venues venues = app.bean(Venues.class);
        Instant now = app.bean(Clock.class).instant();
        long room = venues.roomByCode("gc-general").orElseThrow().id();
        long id = catalogue.createCourse(new CourseDraft(title, CourseKind.REGULAR, "SMARTPHONE", "INTRO", room, "강사", null,
                EnumSet.allOf(TargetGroup.class), Map.of(), seats, Allocation.FIRST_COME, now.minus(Duration.ofMinutes(5)),
                now.plus(Duration.ofDays(1)), 24, 80));
        LocalDateTime first = LocalDateTime.now(SEOUL).toLocalDate().plusDays(14 + 7L * weekOffset).atTime(10, 0);
        catalogue.addSession(id, first.toLocalDate(), first.toLocalTime(), first.toLocalTime().plusHours(2), "1회차", null);
        catalogue.publish(id);
        return id;
    }

    /** An EDUCATION staff account created for the run, and its bearer token from {@code POST /api/v1/auth/token}. */
    static String token(BenchApp app, String base) throws Exception {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        String password = "Bench-" + java.util.UUID.randomUUID();
        long id = jdbc.sql("""
                        insert into platform_account (username, display_name, email, password_hash, enabled, must_change_password)
                        values ('bench-edu', '부하 시험', 'bench@localhost', :p, true, false) returning id""")
                .param("p", app.bean(PasswordEncoder.class).encode(password)).query(Long.class).single();
        jdbc.sql("insert into platform_account_role (account_id, role) values (:a, 'EDUCATION')").param("a", id).update();
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-edu\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(res.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + res.statusCode() + " " + res.body());
        }
        return m.group(1);
    }

    static int arg(String[] args, String name, int def) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return def;
    }
}
