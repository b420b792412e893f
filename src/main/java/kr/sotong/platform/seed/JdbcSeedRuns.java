package kr.sotong.platform.seed;

import kr.sotong.platform.SeedRuns;
import kr.sotong.platform.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcSeedRuns implements SeedRuns {

    private static final Logger log = LoggerFactory.getLogger(JdbcSeedRuns.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean enabled;

    JdbcSeedRuns(JdbcClient jdbc, TransactionTemplate tx, PlatformProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.enabled = !"none".equalsIgnoreCase(properties.seed());
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean runOnce(String dataset, String version, String checksum, Runnable loader) {
        if (!enabled) {
            return false;
        }
        Boolean ran = tx.execute(status -> {
            // serialise concurrent starts of several nodes on the same dataset
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:d))").param("d", dataset).query().listOfRows();
            boolean applied = jdbc.sql("select count(*) from platform_seed_run where dataset = :d and version = :v")
                    .param("d", dataset).param("v", version).query(Long.class).single() > 0;
            if (applied) {
                return false;
            }
            loader.run();
            jdbc.sql("insert into platform_seed_run (dataset, version, checksum) values (:d, :v, :c)")
                    .param("d", dataset).param("v", version).param("c", checksum).update();
            return true;
        });
        if (Boolean.TRUE.equals(ran)) {
            log.info("초기 데이터 '{}' {} 적재 완료", dataset, version);
        }
        return Boolean.TRUE.equals(ran);
    }
}
