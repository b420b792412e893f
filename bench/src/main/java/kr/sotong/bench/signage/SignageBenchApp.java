package kr.sotong.bench.signage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.SotongApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real application for the signage load harnesses, like {@code kr.sotong.bench.BenchApp} but
 * with an initial administrator password the platform's password rules accept ({@code BenchApp}'s
 * "Bench-admin-2025" contains the user name "admin" and is refused at start-up).
 */
final class SignageBenchApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SignageBenchApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static SignageBenchApp start(String... properties) throws Exception {
        Path home = Files.createTempDirectory("sotong-bench-");
        List<String> args = new ArrayList<>(List.of(
                "--sotong.home=" + home,
                "--server.port=0",
                "--sotong.security.admin-initial-password=Bench-Signage-2025!",
                "--logging.level.root=WARN",
                "--logging.structured.format.file=",
                "--logging.file.name="));
        for (String p : properties) {
            args.add(p.startsWith("--") ? p : "--" + p);
        }
        return new SignageBenchApp(SpringApplication.run(SotongApplication.class, args.toArray(String[]::new)));
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
