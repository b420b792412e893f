package kr.sotong.bench.press;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load harness for the public press room: starts the real application (embedded PostgreSQL), loads
 * N published releases (default 10,000, plus 500 still under embargo), then measures GET /press,
 * GET /press?page=50, GET /press/feed.xml and a release page over HTTP, sequentially, against the
 * anchor GET / (the platform's static-ish home page) in the same run.
 *
 * <pre>bench/run kr.sotong.bench.press.PublicPressBench [releases] [requestsPerEndpoint]</pre>
 */
public final class PublicPressBench {

    private PublicPressBench() {
    }

    public static void main(String[] args) throws Exception {
        int releases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        try (App app = App.start()) {
            JdbcTemplate jdbc = app.context.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            load(jdbc, releases);
            System.out.printf("loaded %,d releases (+500 embargoed) in %.1f s%n", releases, (System.nanoTime() - t0) / 1e9);
            jdbc.execute("analyze");
            long someId = jdbc.queryForObject("select min(release_id) from press_release_edition", Long.class);
            String base = "http://localhost:" + app.port();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("anchor GET /", base + "/");
            endpoints.put("GET /press", base + "/press");
            endpoints.put("GET /press?page=50", base + "/press?page=50");
            endpoints.put("GET /press?q=가이드북", base + "/press?q=" + java.net.URLEncoder.encode("가이드북", "UTF-8"));
            endpoints.put("GET /press/feed.xml", base + "/press/feed.xml");
            endpoints.put("GET /press/{id}", base + "/press/" + someId);
            for (String url : endpoints.values()) {
                for (int i = 0; i < 100; i++) {
                    get(http, url);
                }
            }
            // round-robin over the endpoints so that every endpoint sees the same machine load
            List<String> names = new ArrayList<>(endpoints.keySet());
            double[][] ms = new double[names.size()][requests];
            for (int i = 0; i < requests; i++) {
                for (int k = 0; k < names.size(); k++) {
                    long s = System.nanoTime();
                    get(http, endpoints.get(names.get(k)));
                    ms[k][i] = (System.nanoTime() - s) / 1e6;
                }
            }
            System.out.printf("%-24s %8s %8s %8s %8s%n", "endpoint", "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (int k = 0; k < names.size(); k++) {
                Arrays.sort(ms[k]);
                System.out.printf("%-24s %8.1f %8.1f %8.1f %8.1f%n", names.get(k), pct(ms[k], 50), pct(ms[k], 95),
                        pct(ms[k], 99), ms[k][requests - 1]);
            }
            String page = get(http, base + "/press");
            if (page.contains("엠바고 중")) {
                throw new IllegalStateException("embargoed release visible on /press");
            }
        }
    }

    /**
     * The real application, started like {@code kr.sotong.bench.BenchApp} (fresh SOTONG_HOME, free port), but
     * with an admin password the platform's password rules accept: BenchApp's fixed one contains the
     * user name "admin" and is refused at start-up.
     */
    record App(org.springframework.context.ConfigurableApplicationContext context) implements AutoCloseable {
        static App start() throws java.io.IOException {
            java.nio.file.Path home = java.nio.file.Files.createTempDirectory("sotong-bench-press-");
            return new App(org.springframework.boot.SpringApplication.run(kr.sotong.SotongApplication.class,
                    "--sotong.home=" + home, "--server.port=0", "--sotong.seed=none", "--sotong.press.jobs-interval=1h",
                    "--sotong.security.admin-initial-password=Bench-" + java.util.UUID.randomUUID(),
                    "--logging.level.root=WARN", "--logging.structured.format.file=", "--logging.file.name="));
        }

        int port() {
            return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        }

        @Override
        public void close() {
            context.close();
        }
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** Published releases spread over four years, plus 500 whose embargo is still ahead. */
    static void load(JdbcTemplate jdbc, int n) {
        Instant now = Instant.now();
        String body = "□ 금천구는 개청 30주년을 맞아 구 소개 가이드북을 펴낸다고 밝혔다.\nㅇ 가이드북은 자연, 시설, 인물, 명소를 담았다.\n"
                + " - 인쇄 책자와 전자책으로 낸다.\n※ 문의: 소통담당관";
        int total = n + 500;
        int batch = 1000;
        for (int from = 0; from < total; from += batch) {
            List<Object[]> rel = new ArrayList<>();
            for (int i = from; i < Math.min(total, from + batch); i++) {
                boolean embargoed = i >= n;
                Instant emb = embargoed ? now.plus(Duration.ofDays(1 + i % 5)) : now.minus(Duration.ofHours(2L + i * 3L));
                rel.add(new Object[] {"bench", "벤치", "PRESS", "DISTRIBUTED",
                        (embargoed ? "엠바고 중 " : "보도자료 ") + i + " 금천구 가이드북", Timestamp.from(emb.minusSeconds(3600)),
                        Timestamp.from(emb), Timestamp.from(now), Timestamp.from(now)});
            }
            jdbc.batchUpdate("""
                    insert into press_release (owner, owner_name, team_code, status, edition, current_revision, title,
                                               distribute_at, embargo_until, created_at, updated_at)
                    values (?, ?, ?, ?, 1, 1, ?, ?, ?, ?, ?)""", rel);
        }
        jdbc.update("""
                insert into press_release_revision (release_id, revision, edition, title, subtitle, body, department, responsible,
                       contact_name, contact_phone, distribute_at, embargo_until, saved_by, saved_at)
                select id, 1, 1, title, '- 개청 30주년 -', ?, '소통담당관', '소통담당관 박과장', '홍길동', '02-2627-1234',
                       distribute_at, embargo_until, 'bench', now() from press_release where owner = 'bench'""", body);
        jdbc.update("""
                insert into press_release_edition (release_id, edition, revision_id, correction, title, subtitle, department,
                       team_code, distributed_at, embargo_until, published_at)
                select r.id, 1, v.id, false, r.title, v.subtitle, v.department, 'PRESS', r.distribute_at, r.embargo_until,
                       case when r.embargo_until <= now() then r.embargo_until end
                  from press_release r join press_release_revision v on v.release_id = r.id
                 where r.owner = 'bench'""");
    }
}
