package kr.sotong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.SotongApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application for load harnesses: embedded PostgreSQL in a fresh temporary
 * {@code SOTONG_HOME} (or the given one), a free port, and the given extra properties.
 */
public final class BenchApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path home;

    private BenchApp(ConfigurableApplicationContext context, Path home) {
        this.context = context;
        this.home = home;
    }

    public static BenchApp start(String... properties) {
        try {
            Path home = Files.createTempDirectory("sotong-bench-");
            return start(home, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BenchApp start(Path home, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--sotong.home=" + home,
                "--server.port=0",
                "--sotong.security.admin-initial-password=Sotong-bench-2025",
                "--logging.level.root=WARN",
                "--logging.structured.format.file=",
                "--logging.file.name="));
        for (String p : properties) {
            args.add(p.startsWith("--") ? p : "--" + p);
        }
        ConfigurableApplicationContext ctx = SpringApplication.run(SotongApplication.class, args.toArray(String[]::new));
        return new BenchApp(ctx, home);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        context.close();
    }
}
