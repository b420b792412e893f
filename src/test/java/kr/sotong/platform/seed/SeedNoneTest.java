package kr.sotong.platform.seed;

import static org.assertj.core.api.Assertions.assertThat;

import kr.sotong.platform.config.PlatformProperties;
import org.junit.jupiter.api.Test;

/** {@code sotong.seed=none} starts empty: no loader runs (and the database is not even asked). */
class SeedNoneTest {

    @Test
    void seedNoneSkipsEveryLoader() {
        PlatformProperties none = new PlatformProperties(null, "none", null, null, null, null, null, null, null, null, null);
        JdbcSeedRuns runs = new JdbcSeedRuns(null, null, none);
        assertThat(runs.enabled()).isFalse();
        assertThat(runs.runOnce("workplan", "2025.1", "x", () -> {
            throw new AssertionError("must not run");
        })).isFalse();
        PlatformProperties seeded = new PlatformProperties(null, "geumcheon-2025", null, null, null, null, null, null, null, null, null);
        assertThat(new JdbcSeedRuns(null, null, seeded).enabled()).isTrue();
    }
}
