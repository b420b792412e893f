package kr.sotong.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server (real PostgreSQL binaries from Maven Central). One server per data
 * directory per JVM: every Spring context of a test run shares it.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();
    static final String DATABASE = "sotong";

    private final Path dataDirectory;
    private final int port;
    private final java.util.concurrent.CompletableFuture<EmbeddedPostgres> postgres;

    private EmbeddedDatabase(Path dataDirectory, int port, java.util.concurrent.CompletableFuture<EmbeddedPostgres> postgres) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.postgres = postgres;
    }

    /**
     * Starts the server for {@code dataDirectory} once per JVM, or returns the one already running. The
     * server starts in the background on a port chosen now (initdb and start overlap with the application
     * context's initialisation); {@link #awaitReady()} waits for it — the data source does, before its
     * first connection.
     */
    public static EmbeddedDatabase startOnce(Path dataDirectory, boolean clean, boolean fast) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dir, d -> {
            int port = freePort();
            var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> start(d, port, clean, fast), r -> {
                Thread t = new Thread(r, "embedded-postgresql-start");
                t.setDaemon(true);
                t.start();
            });
            EmbeddedDatabase db = new EmbeddedDatabase(d, port, future);
            db.stopAfterContexts();
            return db;
        });
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("내장 PostgreSQL에 쓸 빈 포트를 찾지 못했습니다: " + e.getMessage(), e);
        }
    }

    /** Waits until the server accepts connections; a failed start is thrown here with its Korean message. */
    public void awaitReady() {
        server();
    }

    private EmbeddedPostgres server() {
        try {
            return postgres.join();
        } catch (java.util.concurrent.CompletionException e) {
            RUNNING.remove(dataDirectory, this);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * At JVM shutdown, stop the server only after every Spring application context has closed: Spring
     * Boot runs its shutdown handlers sequentially after the contexts (JVM hooks would run concurrently).
     * A server already stopped by its owning context ({@link #stop()}) is not stopped twice.
     */
    private void stopAfterContexts() {
        org.springframework.boot.SpringApplication.getShutdownHandlers().add(this::stop);
    }

    private static EmbeddedPostgres start(Path dir, int port, boolean clean, boolean fast) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir.getParent());
            if (!clean) {
                stopOrphanedServer(dir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // no JVM hook of its own: it would stop PostgreSQL while the application contexts are
                    // still closing (their workers then wait for connections); see #stopAfterContexts
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost");
            if (fast) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres pg = builder.start();
            createDatabaseIfMissing(pg);
            log.info("내장 PostgreSQL 시작: 포트 {}, 데이터 {} ({} ms)", pg.getPort(), dir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("내장 PostgreSQL을 시작하지 못했습니다 (" + dir + "): " + e.getMessage()
                    + " — 다른 Sotong 프로세스가 같은 데이터 폴더를 쓰고 있지 않은지 확인하세요.", e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running on the data directory. Stop that
     * orphan (it belongs to this data directory, so to us) before starting again.
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        String command = handle.get().info().command().orElse("");
        if (!command.contains("postgres")) {
            return;
        }
        log.warn("이전 실행에서 남은 PostgreSQL(pid {})을 정지합니다: {}", pid, dir);
        handle.get().destroy();
        try {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.get().destroyForcibly();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("내장 PostgreSQL에 데이터베이스를 만들지 못했습니다: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL (known before the server is ready: the port is chosen up front). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=postgres";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (used when an application context that owns it closes). */
    public void stop() {
        if (!RUNNING.remove(dataDirectory, this)) {
            return;
        }
        try {
            EmbeddedPostgres pg;
            try {
                pg = postgres.join();
            } catch (java.util.concurrent.CompletionException e) {
                return; // never started
            }
            pg.close();
            log.info("내장 PostgreSQL 정지: {}", dataDirectory);
        } catch (IOException e) {
            log.warn("내장 PostgreSQL 정지 중 오류: {}", e.getMessage());
        }
    }

    public static Optional<EmbeddedDatabase> running(Path dataDirectory) {
        return Optional.ofNullable(RUNNING.get(dataDirectory.toAbsolutePath().normalize()));
    }
}
