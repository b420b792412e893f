package kr.sotong.platform;

/**
 * Loads initial data once. Each module's loader calls {@link #runOnce} with its dataset name, version
 * and a checksum of the files; the loader runs in one transaction (all or nothing) and is skipped when
 * that version was applied before or when {@code sotong.seed=none}.
 */
public interface SeedRuns {

    /** @return true when the loader ran now */
    boolean runOnce(String dataset, String version, String checksum, Runnable loader);

    /** False when the platform was started with {@code sotong.seed=none}. */
    boolean enabled();
}
