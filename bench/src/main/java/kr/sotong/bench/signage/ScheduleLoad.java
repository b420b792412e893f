package kr.sotong.bench.signage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.bench.BenchApp;

/**
 * 10,000 simulated devices polling their schedule: every request carries one device's token and (for the
 * conditional run) the ETag it holds, so the server authenticates the device, finds its schedule and
 * answers 304. Load generator: {@code wrk} on loopback with a Lua script cycling through the devices,
 * bounded in time ({@code -d}) and in requests per thread. The anchor, in the same run: the same devices
 * fetching without {@code If-None-Match} (full 200 bodies), as a player without ETag support would.
 * <pre>
 * bench/run kr.sotong.bench.signage.ScheduleLoad [devices=10000] [seconds=20] [connections=64] [maxRequestsPerThread=400000]
 * </pre>
 */
public final class ScheduleLoad {

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        long maxPerThread = args.length > 3 ? Long.parseLong(args[3]) : 400_000;
        try (BenchApp app = BenchApp.start("--server.tomcat.threads.max=64")) {
            SignageFleet fleet = SignageFleet.build(app, devices);
            int port = app.port();
            List<String> etags = warm(fleet, port);
            Path script = script(fleet, etags, maxPerThread);
            System.out.printf("ScheduleLoad: %,d devices, wrk -t2 -c%d -d%ds on loopback, app and load generator on the same %d CPUs%n",
                    devices, connections, seconds, Runtime.getRuntime().availableProcessors());
            wrk(port, script, 5, connections, true, "warm-up (not counted)");
            // -Dbench.jfr=/tmp/x.jfr records a profile of the conditional run
            jdk.jfr.Recording jfr = null;
            if (System.getProperty("bench.jfr") != null) {
                jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                jfr.start();
            }
            Result conditional = wrk(port, script, seconds, connections, true, "conditional GET (If-None-Match → 304)");
            if (jfr != null) {
                jfr.dump(Path.of(System.getProperty("bench.jfr")));
                jfr.close();
            }
            Result full = wrk(port, script, seconds, connections, false, "anchor: unconditional GET (200 with body)");
            System.out.printf("%nRESULT conditional %.0f req/s (%s) vs unconditional %.0f req/s (%s): %.1f×%n",
                    conditional.rps, conditional.statuses, full.rps, full.statuses, conditional.rps / full.rps);
            System.out.printf("app CPU per 1,000 conditional requests: %.0f ms%n", conditional.appCpuMsPer1000);
        }
    }

    /** Each device fetches its schedule once (as after pairing) and keeps the ETag. */
    private static List<String> warm(SignageFleet fleet, int port) throws Exception {
        long t0 = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> futures = new ArrayList<>();
        for (SignageFleet.Member m : fleet.devices) {
            futures.add(pool.submit(() -> {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/player/v1/schedule"))
                        .header("Authorization", "Bearer " + m.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("schedule of " + m.code() + ": " + r.statusCode());
                }
                return r.headers().firstValue("ETag").orElseThrow();
            }));
        }
        List<String> etags = new ArrayList<>();
        for (Future<String> f : futures) {
            etags.add(f.get());
        }
        pool.shutdown();
        System.out.printf("first schedule download of %,d devices (cold cache, 8 clients): %.1f s, %d distinct schedules%n",
                etags.size(), (System.nanoTime() - t0) / 1e9, etags.stream().distinct().count());
        return etags;
    }

    private static Path script(SignageFleet fleet, List<String> etags, long maxPerThread) throws IOException {
        StringBuilder lua = new StringBuilder("local devices = {\n");
        for (int i = 0; i < fleet.devices.size(); i++) {
            lua.append("{\"").append(fleet.devices.get(i).token()).append("\",'").append(etags.get(i)).append("'},\n");
        }
        lua.append("}\n").append("""
                local n = #devices
                local max = %d
                local threads = {}
                local id = 0
                function setup(thread)
                  id = id + 1
                  thread:set("offset", math.floor((id - 1) * n / 2))
                  table.insert(threads, thread)
                end
                function init(args)
                  conditional = args[1] == "conditional"
                  idx = offset
                  count = 0
                  s200 = 0
                  s304 = 0
                  sother = 0
                end
                function request()
                  idx = idx %% n + 1
                  local d = devices[idx]
                  local h = { ["Authorization"] = "Bearer " .. d[1] }
                  if conditional then h["If-None-Match"] = d[2] end
                  return wrk.format("GET", "/player/v1/schedule", h)
                end
                function response(status, headers, body)
                  count = count + 1
                  if status == 304 then s304 = s304 + 1 elseif status == 200 then s200 = s200 + 1 else sother = sother + 1 end
                  if count >= max then wrk.thread:stop() end
                end
                function done(summary, latency, requests)
                  local a, b, c = 0, 0, 0
                  for _, t in ipairs(threads) do
                    a = a + t:get("s200"); b = b + t:get("s304"); c = c + t:get("sother")
                  end
                  io.write(string.format("STATUS 200=%%d 304=%%d other=%%d\\n", a, b, c))
                end
                """.formatted(maxPerThread));
        Path p = Files.createTempFile("signage-schedule-", ".lua");
        Files.writeString(p, lua, StandardCharsets.UTF_8);
        return p;
    }

    record Result(double rps, String statuses, double appCpuMsPer1000) {
    }

    private static Result wrk(int port, Path script, int seconds, int connections, boolean conditional, String label)
            throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "5s",
                "-s", script.toString(), "http://127.0.0.1:" + port + "/player/v1/schedule", "--",
                conditional ? "conditional" : "full").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        long cpu1 = os.getProcessCpuTime();
        System.out.println("\n== " + label + " ==\n" + out.strip());
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher status = Pattern.compile("STATUS (.*)").matcher(out);
        Matcher total = Pattern.compile("([0-9]+) requests in").matcher(out);
        double r = rps.find() ? Double.parseDouble(rps.group(1)) : 0;
        long requests = total.find() ? Long.parseLong(total.group(1)) : 1;
        return new Result(r, status.find() ? status.group(1) : "?", (cpu1 - cpu0) / 1e6 / requests * 1000);
    }
}
