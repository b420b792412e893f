package kr.sotong.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local news site for tests: feeds and article pages by path, with ETag / Last-Modified support. */
final class FeedServer implements AutoCloseable {

    record Resource(byte[] body, String contentType, String etag, String lastModified, long delayMillis) {
    }

    record Request(String path, String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FeedServer put(String path, String body, String contentType, String etag) {
        return put(path, body.getBytes(StandardCharsets.UTF_8), contentType, etag);
    }

    FeedServer put(String path, byte[] body, String contentType, String etag) {
        resources.put(path, new Resource(body, contentType, etag, null, 0));
        return this;
    }

    FeedServer put(String path, String body, Charset charset, String contentType) {
        resources.put(path, new Resource(body.getBytes(charset), contentType, null, null, 0));
        return this;
    }

    FeedServer putSlow(String path, String body, long delayMillis) {
        resources.put(path, new Resource(body.getBytes(StandardCharsets.UTF_8), "application/rss+xml", null, null, delayMillis));
        return this;
    }

    List<Request> requestsFor(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        requests.add(new Request(path, inm, ex.getRequestHeaders().getFirst("If-Modified-Since")));
        Resource r = resources.get(path);
        try (ex) {
            if (r == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (r.etag() != null) {
                ex.getResponseHeaders().set("ETag", r.etag());
                if (r.etag().equals(inm)) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
            }
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.sendResponseHeaders(200, r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        } catch (IOException ignored) {
            // client went away (size cap, timeout)
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** An RSS 2.0 document of the given items (each: guid, link, title, description or null, pubDate RFC 822). */
    static String rss(String channel, String... itemsXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>%s</title><link>http://example.kr/</link><description>테스트 피드</description>
                %s
                </channel></rss>
                """.formatted(channel, String.join("\n", itemsXml));
    }

    static String item(String guid, String link, String title, String description, String pubDate) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>" + escape(link) + "</link><title>" + escape(title)
                + "</title>" + (description == null ? "" : "<description>" + escape(description) + "</description>")
                + "<pubDate>" + pubDate + "</pubDate></item>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
