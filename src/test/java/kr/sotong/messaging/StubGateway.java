package kr.sotong.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kr.sotong.messaging.internal.Hmac;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stub of the generic JSON SMS/Kakao gateway (docs/messaging-gateway.md) for tests and the
 * bench: checks the HMAC authorization, de-duplicates by message key like a real provider, and can
 * answer 5xx, time out, answer slowly, reject numbers, fail Kakao for non-users, and send signed
 * delivery reports (also twice). Every accepted message is recorded per recipient; with a ledger
 * file each acceptance is appended as a line "key,to" so a separate process can count them.
 */
public final class StubGateway implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public record Accepted(String key, String type, String to, String subject, String text, String templateCode) {
    }

    private final HttpServer server;
    private final String apiKey;
    private final String apiSecret;
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 500;
    private volatile String failPrefix = "";
    private volatile Duration delay = Duration.ZERO;
    private volatile Set<String> rejectNumbers = Set.of();
    private volatile Set<String> kakaoNonUsers = Set.of();
    private final BufferedWriter ledger;

    public StubGateway(String apiKey, String apiSecret) throws IOException {
        this(0, apiKey, apiSecret, null);
    }

    public StubGateway(int port, String apiKey, String apiSecret, Path ledgerFile) throws IOException {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.ledger = ledgerFile == null ? null : Files.newBufferedWriter(ledgerFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/messages/send-many", this::sendMany);
        server.createContext("/v1/files", this::files);
        server.createContext("/_stats", this::stats);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void failNext(int count, int status) {
        failStatus = status;
        failPrefix = "";
        failNext.set(count);
    }

    /** Fails the next {@code count} requests that carry a message key starting with {@code keyPrefix}. */
    public void failNext(String keyPrefix, int count, int status) {
        failStatus = status;
        failPrefix = keyPrefix;
        failNext.set(count);
    }

    public void delay(Duration d) {
        delay = d;
    }

    public void rejectNumbers(Set<String> numbers) {
        rejectNumbers = Set.copyOf(numbers);
    }

    public void kakaoNonUsers(Set<String> numbers) {
        kakaoNonUsers = Set.copyOf(numbers);
    }

    public Map<String, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    public List<Accepted> acceptedTo(String number) {
        return accepted.values().stream().filter(a -> a.to().equals(number)).toList();
    }

    public long requests() {
        return requests.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public int maxPerRecipient() {
        return perRecipient.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    public int recipients() {
        return perRecipient.size();
    }

    private void sendMany(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byte[] raw = ex.getRequestBody().readAllBytes();
        if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
            respond(ex, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        JsonNode body = JSON.readTree(raw);
        String prefix = failPrefix;
        boolean matches = prefix.isEmpty();
        for (JsonNode m : body.path("messages")) {
            matches |= m.path("messageKey").asString("").startsWith(prefix);
        }
        if (matches && failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            respond(ex, failStatus, "{\"error\":\"temporary\"}");
            return;
        }
        Duration d = delay;
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            messages.incrementAndGet();
            String key = m.path("messageKey").asString("");
            String to = m.path("to").asString("");
            String type = m.path("type").asString("");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageKey", key);
            if (rejectNumbers.contains(to)) {
                r.put("status", "REJECTED");
                r.put("code", "3001");
                r.put("reason", "수신 불가 번호");
            } else if (type.equals("ATA") && kakaoNonUsers.contains(to)) {
                r.put("status", "REJECTED");
                r.put("code", "3101");
                r.put("reason", "카카오톡 미사용자");
            } else {
                Accepted a = new Accepted(key, type, to, m.path("subject").asString(null), m.path("text").asString(""),
                        m.path("kakao").path("templateCode").asString(null));
                Accepted before = accepted.putIfAbsent(key, a);
                if (before == null) {
                    perRecipient.computeIfAbsent(to + "|" + type, k -> new AtomicInteger()).incrementAndGet();
                    if (ledger != null) {
                        synchronized (ledger) {
                            ledger.write(key + "," + to + "\n");
                            ledger.flush();
                        }
                    }
                    r.put("status", "ACCEPTED");
                } else {
                    duplicates.incrementAndGet();
                    r.put("status", "DUPLICATE");
                }
                r.put("messageId", "M-" + key);
                r.put("code", "2000");
            }
            results.add(r);
        }
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        respond(ex, 200, JSON.writeValueAsString(Map.of("results", results)));
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("HMAC-SHA256 ")) {
            return false;
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String p : header.substring(12).split(",\\s*")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                parts.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return apiKey.equals(parts.get("apiKey"))
                && Hmac.equal(Hmac.hex(apiSecret, parts.getOrDefault("date", "") + parts.getOrDefault("salt", "")), parts.get("signature"));
    }

    private void files(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        respond(ex, 200, "{\"fileId\":\"F-" + System.nanoTime() + "\"}");
    }

    private void stats(HttpExchange ex) throws IOException {
        respond(ex, 200, JSON.writeValueAsString(Map.of("requests", requests.get(), "messages", messages.get(),
                "accepted", accepted.size(), "duplicates", duplicates.get(), "recipients", perRecipient.size(),
                "maxPerRecipient", maxPerRecipient())));
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** Posts a signed webhook body to Sotong; returns the HTTP status. */
    public static int postSigned(String url, String secret, String body) throws IOException, InterruptedException {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Gateway-Timestamp", ts).header("X-Gateway-Signature", "sha256=" + Hmac.hex(secret, ts + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        if (ledger != null) {
            try {
                ledger.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** Standalone stub for the crash script: {@code StubGateway <port> <apiKey> <apiSecret> <ledgerFile>}. */
    public static void main(String[] args) throws Exception {
        StubGateway g = new StubGateway(Integer.parseInt(args[0]), args[1], args[2], Path.of(args[3]));
        System.out.println("stub gateway listening on " + g.url());
        Thread.currentThread().join();
    }
}
