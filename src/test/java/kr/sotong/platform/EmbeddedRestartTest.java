package kr.sotong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.sotong.SotongApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data on the embedded default survives a restart of the application (same SOTONG_HOME). */
@Tag("slow")
class EmbeddedRestartTest {

    private static ConfigurableApplicationContext start(Path home) {
        return new SpringApplicationBuilder(SotongApplication.class).profiles("test").run(
                "--sotong.test.own-home=true", "--sotong.home=" + home, "--server.port=0",
                "--sotong.db.embedded.stop-on-close=true");
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Path home = Files.createTempDirectory("sotong-restart-");
        String marker = "재시작 확인 " + System.nanoTime();
        try (var first = start(home)) {
            first.getBean(AuditLog.class).recordAs("tester", "restart.check", "Restart", 1, marker);
            assertThat(first.getBean(JdbcClient.class).sql("select count(*) from workplan_program").query(Long.class).single())
                    .isEqualTo(5);
        }
        assertThat(home.resolve("pg").resolve("PG_VERSION")).exists();
        try (var second = start(home)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from platform_audit_log where summary = :m").param("m", marker)
                    .query(Long.class).single()).isEqualTo(1);
            // the seed is not loaded twice
            assertThat(jdbc.sql("select count(*) from workplan_program").query(Long.class).single()).isEqualTo(5);
            assertThat(second.getBean(AuditLog.class).verify().valid()).isTrue();
        }
    }
}
