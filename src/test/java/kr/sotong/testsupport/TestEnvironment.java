package kr.sotong.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Test-JVM infrastructure, applied when {@code sotong.test=true} (profile "test"): one data directory and
 * one embedded PostgreSQL per JVM (clean at start, fsync off, shared by every Spring context), one
 * GreenMail SMTP server, and a random admin password known to the tests.
 */
public class TestEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String ADMIN_PASSWORD = "Adm1n-" + UUID.randomUUID().toString().substring(0, 12);
    private static Path home;
    private static GreenMail greenMail;

    public static synchronized Path home() {
        if (home == null) {
            try {
                home = Files.createTempDirectory("sotong-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    /** The SMTP server every test context sends to. Purge it in tests that count messages. */
    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("sotong.test", Boolean.class, false)) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        if (!env.containsProperty("sotong.test.own-home")) {
            props.put("sotong.home", home().toString());
            props.put("sotong.db.embedded.clean", "true");
            props.put("sotong.db.embedded.stop-on-close", "false");
        }
        props.put("sotong.db.embedded.fast", "true");
        props.put("spring.mail.host", "127.0.0.1");
        props.put("spring.mail.port", greenMail().getSmtp().getPort());
        props.put("sotong.security.admin-initial-password", ADMIN_PASSWORD);
        env.getPropertySources().addFirst(new MapPropertySource("sotongTestEnvironment", props));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
