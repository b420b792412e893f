package kr.sotong.bench.contests;

import java.nio.file.Path;
import java.util.UUID;
import kr.sotong.SotongApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application for the contests harnesses, like {@code kr.sotong.bench.BenchApp} but with an initial
 * admin password the platform's password rule accepts (BenchApp's fixed "Bench-admin-2025" contains the user name
 * "admin" and is refused at start-up; reported to the lead, left unchanged here).
 */
final class ContestsBenchApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ContestsBenchApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ContestsBenchApp start(Path home) {
        String password = "Bench-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-9";
        return new ContestsBenchApp(SpringApplication.run(SotongApplication.class,
                "--sotong.home=" + home, "--server.port=0", "--sotong.seed=none",
                "--sotong.security.admin-initial-password=" + password, "--logging.level.root=WARN",
                "--logging.structured.format.file=", "--logging.file.name="));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
