package kr.sotong.signage.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import kr.sotong.platform.SeedRuns;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the work plan's fleet figures (미디어보드 663, 사이니지 46, 미디어월 1) as installation targets.
 * No device records are invented: a device is registered when staff pair a real player, and the
 * registry reports registered/paired/online counts against these targets.
 */
@Component
@Order(50)
class FleetSeed implements ApplicationRunner {

    static final String FILE = "seed/signage/fleet-targets.tsv";

    private final SeedRuns seeds;
    private final JdbcClient jdbc;

    FleetSeed(SeedRuns seeds, JdbcClient jdbc) {
        this.seeds = seeds;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        String text = read();
        seeds.runOnce("signage.fleet-targets", "2025.1", sha256(text), () -> load(text));
    }

    private void load(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            DeviceKind kind = DeviceKind.valueOf(f[0].strip());
            jdbc.sql("""
                            insert into signage_fleet_target (kind, planned_count, source) values (:k, :n, :s)
                            on conflict (kind) do update set planned_count = excluded.planned_count, source = excluded.source""")
                    .param("k", kind.name()).param("n", Integer.parseInt(f[1].strip())).param("s", f[2].strip()).update();
        }
    }

    private static String read() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
