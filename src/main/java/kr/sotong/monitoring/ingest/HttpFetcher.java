package kr.sotong.monitoring.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP GET for feeds and article pages: conditional requests (ETag / Last-Modified), connect and response
 * timeouts, a size cap enforced while streaming (never buffering more than the cap), and a minimum interval
 * between requests to the same host.
 */
public final class HttpFetcher {

    public record Response(int status, byte[] body, String contentType, String etag, String lastModified, String url) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private final HttpClient client;
    private final Duration readTimeout;
    private final long maxBytes;
    private final Duration hostInterval;
    private final String userAgent;
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRequest = new ConcurrentHashMap<>();

    public HttpFetcher(Duration connectTimeout, Duration readTimeout, long maxBytes, Duration hostInterval, String userAgent) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
        this.hostInterval = hostInterval;
        this.userAgent = userAgent;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Response get(String url, String etag, String lastModified) throws FetchException {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new FetchException("주소 형식이 올바르지 않습니다: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new FetchException("http 또는 https 주소만 수집할 수 있습니다: " + url);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(readTimeout).GET()
                .header("User-Agent", userAgent)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5");
        if (etag != null && !etag.isBlank()) {
            rb.header("If-None-Match", etag);
        }
        if (lastModified != null && !lastModified.isBlank()) {
            rb.header("If-Modified-Since", lastModified);
        }
        pace(uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort());
        try {
            HttpResponse<InputStream> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            HttpHeaders h = r.headers();
            if (r.statusCode() == 304) {
                r.body().close();
                return new Response(304, new byte[0], null, h.firstValue("ETag").orElse(etag),
                        h.firstValue("Last-Modified").orElse(lastModified), r.uri().toString());
            }
            if (r.statusCode() >= 400) {
                r.body().close();
                throw new FetchException("서버가 오류로 응답했습니다: HTTP " + r.statusCode());
            }
            long declared = h.firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                r.body().close();
                throw new FetchException(tooLarge());
            }
            byte[] body = readCapped(r.body());
            return new Response(r.statusCode(), body, h.firstValue("Content-Type").orElse(null),
                    h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null), r.uri().toString());
        } catch (HttpConnectTimeoutException e) {
            throw new FetchException("연결 시간이 초과되었습니다(서버가 응답하지 않음).", e);
        } catch (HttpTimeoutException e) {
            throw new FetchException("응답 시간이 초과되었습니다(" + readTimeout.toSeconds() + "초).", e);
        } catch (ConnectException e) {
            throw new FetchException("서버에 연결할 수 없습니다(서버가 꺼져 있거나 주소가 틀림).", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("timed out")) {
                throw new FetchException("응답 시간이 초과되었습니다(" + readTimeout.toSeconds() + "초).", e);
            }
            throw new FetchException("내려받는 중 연결이 끊겼습니다: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("수집이 중단되었습니다.", e);
        }
    }

    private String tooLarge() {
        return "응답이 너무 큽니다(최대 " + (maxBytes / (1024 * 1024)) + "MB).";
    }

    private byte[] readCapped(InputStream in) throws IOException, FetchException {
        try (in) {
            byte[] buf = new byte[8192];
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new FetchException(tooLarge());
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Waits until the host's minimum interval since the last request has passed. */
    private void pace(String host) throws FetchException {
        Object lock = hostLocks.computeIfAbsent(host, h -> new Object());
        synchronized (lock) {
            long now = System.nanoTime();
            Long last = lastRequest.get(host);
            long wait = last == null ? 0 : hostInterval.toNanos() - (now - last);
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FetchException("수집이 중단되었습니다.", e);
                }
            }
            lastRequest.put(host, System.nanoTime());
        }
    }
}
