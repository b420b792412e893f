package kr.sotong.signage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain HTTP forwarder on its own port in front of the application, streaming responses (so server-sent
 * events pass). Stopping it makes the "server" unreachable for a browser that only knows this port —
 * connections are refused, as when a building's network drops — while the application keeps running for
 * the rest of the test suite. It can be started again on the same port.
 */
final class ForwardingProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding");

    private final int target;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer server;
    private ExecutorService executor;
    private int port;

    ForwardingProxy(int target) {
        this.target = target;
    }

    synchronized ForwardingProxy start(int wantedPort) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                server = HttpServer.create(new InetSocketAddress(wantedPort), 50);
                last = null;
                break;
            } catch (BindException e) {
                last = e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        if (last != null) {
            throw last;
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "forwarding-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    int port() {
        return port;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            URI uri = URI.create("http://127.0.0.1:" + target + exchange.getRequestURI());
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    for (String v : h.getValue()) {
                        b.header(h.getKey(), v);
                    }
                }
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((k, values) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                    exchange.getResponseHeaders().put(k, values);
                }
            });
            int status = response.statusCode();
            boolean noBody = status == 304 || status == 204 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, noBody ? -1 : 0);
            try (InputStream in = response.body()) {
                if (noBody) {
                    return;
                }
                OutputStream out = exchange.getResponseBody();
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush(); // event streams must not wait in a buffer
                }
            }
        } finally {
            exchange.close();
        }
    }

    /** Closes the port and every open connection: the browser's next request is refused. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
