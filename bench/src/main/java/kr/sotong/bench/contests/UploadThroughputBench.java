package kr.sotong.bench.contests;

import kr.sotong.bench.BenchApp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestDefinition;
import kr.sotong.contests.core.ContestKind;

/**
 * 500 MB entry upload through the real application (HTTP, chunked protocol, content check, file store) against a
 * plain file copy of the same file on the same disk, in the same run; server heap measured throughout.
 * <pre>
 * BENCH_JAVA_OPTS=-Xmx256m bench/run kr.sotong.bench.contests.UploadThroughputBench [rounds=3] [warm-up uploads=2] [small warm-up uploads=200]
 * </pre>
 * The test file is a real 21.2 s QuickTime movie of raw video (made once with ffmpeg from /dev/urandom, 523 MB ≈ 499 MiB), so
 * the content check passes the short-form rule. The application runs in this JVM, so the heap figures include the
 * HTTP client; a 256 MB heap that carries a 500 MB upload is the "flat heap" evidence.
 */
public final class UploadThroughputBench {

    static final long SIZE_FRAMES = 531; // 880×560 YUYV: 985,600 bytes per frame → 523.4 MB, just under the 500 MiB limit

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int smallWarmups = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path work = Files.createTempDirectory("contests-upload-bench-");
        Path movie = work.resolve("entry.mov");
        ffmpeg("-f", "rawvideo", "-pix_fmt", "yuyv422", "-s", "880x560", "-r", "25", "-i", "/dev/urandom",
                "-frames:v", String.valueOf(SIZE_FRAMES), "-c:v", "rawvideo", "-pix_fmt", "yuyv422", movie.toString());
        long size = Files.size(movie);
        System.out.printf(Locale.ROOT, "file: %s, %,d bytes%n", movie, size);
        Path small = work.resolve("small.mov"); // 16 s of 16×16 video (200 KB): the same entry flow, in a few ms
        ffmpeg("-f", "rawvideo", "-pix_fmt", "yuyv422", "-s", "16x16", "-r", "25", "-i", "/dev/urandom",
                "-frames:v", "400", "-c:v", "rawvideo", "-pix_fmt", "yuyv422", small.toString());

        // every request comes from this machine: the per-address limits on new entries and uploads are raised
        try (BenchApp app = BenchApp.start(work.resolve("home"), "sotong.seed=none", "sotong.contests.entries-per-hour=100000",
                "sotong.contests.uploads-per-hour=100000",
                "sotong.contests.chunk-size=" + System.getProperty("chunk", "8MB"))) {
            ContestCatalog catalog = app.bean(ContestCatalog.class);
            ContestDefinition d = ContestDefinition.defaults(ContestKind.SHORT_VIDEO, "bench");
            Instant now = Instant.now();
            long contestId = catalog.create(new ContestDefinition(d.kind(), "업로드 벤치", false, List.of(), List.of(), "",
                    List.of(), "", null, null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), d.eligibility(),
                    null, 14, 100, d.formats(), 500L * 1024 * 1024, null, d.minDurationMs(), d.maxDurationMs(), 0, "", 10,
                    false, false, 0, null, null));
            catalog.publish(contestId);
            String base = "http://localhost:" + app.port();

            // untimed: a server that has been running has served the entry form and small uploads many times, so the
            // JIT has compiled that request path and does not compile it during the measured uploads
            double smallSeconds = time(() -> {
                for (int i = 0; i < smallWarmups; i++) {
                    makeDistinct(small, Files.size(small));
                    upload(base, contestId, small, Files.size(small), false);
                }
            });
            System.out.printf(Locale.ROOT, "warm-up: %d small entries' uploads in %.1f s%n", smallWarmups, smallSeconds);
            List<Double> uploads = new ArrayList<>();
            List<Double> streamed = new ArrayList<>();
            List<Double> kernel = new ArrayList<>();
            List<Double> durable = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> tcp = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            List<Long> peaks = new ArrayList<>();
            long pause = Long.getLong("coldPauseMs", 5000);
            // the warm-up rounds run exactly what a measured round runs (the anchors share the file and socket classes
            // with the server, and the harness's own bookkeeping is compiled too), so the JIT does not compile during
            // a measured upload; only the pauses are short
            for (int round = -warmups; round < rounds; round++) {
                boolean measured = round >= 0;
                Path copy = work.resolve("copy-" + round + ".mov");
                double streamedCopy = time(() -> streamCopy(movie, copy));
                Files.delete(copy);
                double kernelCopy = time(() -> Files.copy(movie, copy, StandardCopyOption.REPLACE_EXISTING));
                Files.delete(copy);
                double durableCopy = time(() -> durableCopy(movie, copy));
                Files.delete(copy);
                double tcpCopy = time(() -> tcpCopy(movie, copy));
                Files.delete(copy);
                // On this VM the guest hands freed memory back to the host (free page reporting) within seconds, and
                // writing into such memory again is several times slower. The copies above reuse the pages the previous
                // copy just freed; an upload (and any copy whose result is kept) gets memory that went back to the host.
                // This anchor is copy + fsync under that same condition: after a pause, like the upload below.
                Thread.sleep(measured ? pause : 500);
                double coldCopy = time(() -> durableCopy(movie, copy));
                Files.delete(copy);
                gc();
                Thread.sleep(measured ? pause : 500);
                makeDistinct(movie, size);
                long before = heapUsed();
                resetPeaks();
                long cpuBefore = processCpuNanos();
                java.util.Map<String, Long> threadsBefore = threadCpu();
                double seconds = time(() -> upload(base, contestId, movie, size, true));
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                String byThread = cpuByThread(threadsBefore, threadCpu());
                long peak = heapPeak();
                gc();
                long after = heapUsed();
                if (!measured) {
                    System.out.printf(Locale.ROOT, "warm-up round %d: upload %.2f s%n", round + warmups + 1, seconds);
                    continue;
                }
                uploads.add(seconds);
                peaks.add(peak);
                cpu.add(cpuSeconds);
                streamed.add(streamedCopy);
                kernel.add(kernelCopy);
                durable.add(durableCopy);
                tcp.add(tcpCopy);
                cold.add(coldCopy);
                System.out.println("  CPU by thread: " + byThread);
                System.out.printf(Locale.ROOT,
                        "round %d: upload %.2f s (%.0f MB/s, %.2f CPU-s) | streamed copy %.2f s | Files.copy %.2f s | copy+fsync %.2f s | TCP + fsync %.2f s | copy+fsync after a pause %.2f s | heap before %d MB, peak %d MB, after %d MB (max %d MB)%n",
                        round + 1, seconds, size / 1e6 / seconds, cpuSeconds, streamedCopy, kernelCopy,
                        durableCopy, tcpCopy, coldCopy, before >> 20, peak >> 20, after >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
            double u = median(uploads);
            double s = median(streamed);
            double k = median(kernel);
            double f = median(durable);
            System.out.printf(Locale.ROOT, "%nmedian upload %.2f s = %.0f MB/s; streamed copy %.2f s = %.0f MB/s; Files.copy %.2f s%n",
                    u, size / 1e6 / u, s, size / 1e6 / s, k);
            System.out.printf(Locale.ROOT, "copy+fsync %.2f s = %.0f MB/s; upload CPU median %.2f s (client and server, one JVM)%n",
                    f, size / 1e6 / f, median(cpu));
            double t = median(tcp);
            System.out.printf(Locale.ROOT, "loopback TCP + write + fsync (no HTTP) %.2f s = %.0f MB/s%n", t, size / 1e6 / t);
            System.out.printf(Locale.ROOT,
                    "ratio upload / streamed copy = %.2f; upload / Files.copy = %.2f; upload / copy+fsync = %.2f; upload / TCP+fsync = %.2f; max heap peak %d MB%n",
                    u / s, u / k, u / f, u / t, Collections.max(peaks) >> 20);
            double c = median(cold);
            System.out.printf(Locale.ROOT, "copy+fsync after a %d ms pause (memory the host took back, as the upload gets) %.2f s; ratio upload / that = %.2f%n",
                    pause, c, u / c);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    interface Action {
        void run() throws Exception;
    }

    static double time(Action a) throws Exception {
        long t = System.nanoTime();
        a.run();
        return (System.nanoTime() - t) / 1e9;
    }

    /** The anchor: read and write the file in 64 KiB pieces (no fsync; the file store does not fsync either). */
    /**
     * The floor under any upload on this machine: the file sent over a loopback TCP connection (sendfile) to a plain
     * socket reader in this JVM that writes it to a file and flushes it to disk — no HTTP, no application.
     */
    static void tcpCopy(Path from, Path to) throws Exception {
        try (var server = java.nio.channels.ServerSocketChannel.open()) {
            server.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            var receiver = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (var sock = server.accept(); FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(256 * 1024);
                    while (sock.read(buf) >= 0) {
                        buf.flip();
                        while (buf.hasRemaining()) {
                            out.write(buf);
                        }
                        buf.clear();
                    }
                    out.force(true);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (var sock = java.nio.channels.SocketChannel.open(server.getLocalAddress());
                 FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
                long size = in.size();
                for (long pos = 0; pos < size; ) {
                    pos += in.transferTo(pos, size - pos, sock);
                }
            }
            receiver.get();
        }
    }

    /** Copy + fsync: the copy as {@link #streamCopy}, then flushed to disk. */
    static void durableCopy(Path from, Path to) throws IOException {
        streamCopy(from, to);
        try (FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void streamCopy(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }
    }

    /** The resident's browser: open the form, create the upload, PATCH chunks of the size the server asks for, complete. */
    static void upload(String base, long contestId, Path file, long size, boolean report) throws Exception {
        CookieManager cookieManager = new CookieManager();
        java.net.CookieStore cookieStore = cookieManager.getCookieStore();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookieManager).build();
        var cookies = new Object() {
            List<java.net.HttpCookie> get(URI u) {
                return cookieStore.get(u);
            }
        };
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/contests/" + contestId + "/enter")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(form);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the entry form");
        }
        String token = m.group(1);
        HttpResponse<String> step1 = http.send(HttpRequest.newBuilder(URI.create(base + "/contests/" + contestId
                        + "/enter/eligibility")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("basis=OTHER&birthDate=1990-01-01&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (step1.statusCode() != 302) {
            throw new IllegalStateException("eligibility step: " + step1.statusCode() + " " + step1.body().replaceAll("(?s).*<main", "<main").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/contests/" + contestId + "/uploads"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"entry.mov\",\"size\":" + size
                        + ",\"fingerprint\":\"bench-" + System.nanoTime() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
        }
        String id = created.body().replaceAll(".*\"id\":\"([0-9a-f]{32})\".*", "$1");
        long chunk = Long.parseLong(created.body().replaceAll(".*\"chunkSize\":(\\d+).*", "$1")); // as the browser: the server's size
        long t0 = System.nanoTime();
        String cookie = cookies.get(URI.create(base)).stream().map(Object::toString)
                .reduce((a, b) -> a + "; " + b).orElse("");
        // the chunks go over one keep-alive connection, bytes straight from the file (sendfile): the client costs
        // as little as possible, so the figure is the server's
        int port = URI.create(base).getPort();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             java.nio.channels.SocketChannel sock = java.nio.channels.SocketChannel.open(
                     new java.net.InetSocketAddress("localhost", port))) {
            long firstChunk = chunk;
            long length;
            for (long offset = 0; offset < size; offset += length) {
                long sentAt = System.nanoTime();
                length = Math.min(chunk, size - offset);
                String head = "PATCH /contests/uploads/" + id + " HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nCookie: " + cookie + "\r\nX-CSRF-TOKEN: " + token + "\r\nUpload-Offset: " + offset
                        + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + length + "\r\n\r\n";
                java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                while (h.hasRemaining()) {
                    sock.write(h);
                }
                long sent = 0;
                while (sent < length) {
                    sent += ch.transferTo(offset + sent, length - sent, sock);
                }
                String status = readResponseHead(sock);
                // as the browser's upload.js: a chunk through in under 2 s doubles the next, up to 8 times the server's size
                if (System.nanoTime() - sentAt < 2_000_000_000L && chunk < firstChunk * 8) {
                    chunk *= 2;
                }
                if (!status.startsWith("HTTP/1.1 204")) {
                    throw new IllegalStateException("chunk at " + offset + ": " + status);
                }
            }
        }
        long t1 = System.nanoTime();
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(base + "/contests/uploads/" + id + "/complete"))
                .header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 200 || !done.body().contains("COMPLETE")) {
            throw new IllegalStateException("complete: " + done.statusCode() + " " + done.body());
        }
        if (report) {
            System.out.printf(Locale.ROOT, "  chunks %.2f s, complete (content check, store) %.2f s%n", (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9);
        }
    }

    /**
     * Each upload is another resident's video: a few bytes in the middle of the raw frames change, so the file store
     * keeps each as a new file (as for a new entry) instead of finding the same content there already and deleting
     * the upload's copy.
     */
    static void makeDistinct(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(Long.toString(System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    size / 2);
        }
    }

    /** Reads a response head (the chunk answers are 204, without a body, so nothing past the head is read away). */
    static String readResponseHead(java.nio.channels.SocketChannel sock) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4096);
        while (true) {
            if (sock.read(buf) < 0) {
                throw new IOException("connection closed: " + new String(buf.array(), 0, buf.position(), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            String head = new String(buf.array(), 0, buf.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (head.endsWith("\r\n\r\n")) {
                String lower = head.toLowerCase(Locale.ROOT);
                if (lower.contains("content-length: ") && !lower.contains("content-length: 0")) {
                    throw new IOException("unexpected body: " + head);
                }
                return head;
            }
            if (!buf.hasRemaining()) {
                throw new IOException("response head too long");
            }
        }
    }

    static void ffmpeg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed");
        }
    }

    /**
     * CPU time (user + system) of each thread of this process, by id and name, from {@code /proc/self/task} (so the
     * JVM's own threads, the compilers and the garbage collector, are counted too).
     */
    static java.util.Map<String, Long> threadCpu() {
        java.util.Map<String, Long> m = new java.util.HashMap<>();
        long tick = 10_000_000L; // USER_HZ = 100
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    m.put(t.getFileName() + "/" + name + " user", Long.parseLong(f[11]) * tick);
                    m.put(t.getFileName() + "/" + name + " sys", Long.parseLong(f[12]) * tick);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }

    /** The CPU the upload cost, grouped by thread name without its number (request threads, hasher, writers, client). */
    static String cpuByThread(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 5_000_000L) {
                String name = k.substring(k.indexOf('/') + 1, k.lastIndexOf(' ')).replaceAll("[-#]?\\d+$", "").strip();
                byName.merge(name + k.substring(k.lastIndexOf(' ')), d, Long::sum);
            }
        });
        StringBuilder sb = new StringBuilder();
        byName.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s %.2f s; ", k, v / 1e9)));
        return sb.toString();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long heapPeak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
