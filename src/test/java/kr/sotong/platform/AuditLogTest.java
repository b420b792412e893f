package kr.sotong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SotongTest
class AuditLogTest {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void chainVerifiesAndDetectsTamperingBySql() {
        audit.recordAs("tester", "test.action", "Thing", 1, "첫 번째 변경");
        audit.recordAs("tester", "test.action", "Thing", 2, "두 번째 변경");
        audit.recordAs("tester", "test.action", "Thing", 3, "세 번째 변경");
        AuditLog.Verification ok = audit.verify();
        assertThat(ok.valid()).isTrue();
        assertThat(ok.rows()).isGreaterThanOrEqualTo(3);

        long id = jdbc.sql("select id from platform_audit_log where entity_type = 'Thing' and entity_id = '2' order by id desc limit 1")
                .query(Long.class).single();
        String original = jdbc.sql("select summary from platform_audit_log where id = :id").param("id", id)
                .query(String.class).single();
        // the table refuses ordinary updates …
        assertThatThrownBy(() -> jdbc.sql("update platform_audit_log set summary = 'x' where id = :id").param("id", id).update())
                .hasMessageContaining("감사 로그는 수정하거나 삭제할 수 없습니다");
        // … but a superuser can bypass triggers: verification must notice
        tamper(id, "조작된 내용");
        try {
            AuditLog.Verification broken = audit.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(id);
        } finally {
            tamper(id, original);
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void entriesOfOneTransactionAreChainedTogetherAtCommitInTheOrderRecorded() {
        String marker = "묶음-" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            for (int i = 1; i <= 5; i++) {
                audit.recordAs("tester", "test.batch", "Batch", i, marker);
            }
            // not yet written: chained just before commit
            assertThat(jdbc.sql("select count(*) from platform_audit_log where summary = :m").param("m", marker)
                    .query(Integer.class).single()).isZero();
        });
        assertThat(jdbc.sql("select entity_id from platform_audit_log where summary = :m order by id").param("m", marker)
                .query(String.class).list()).containsExactly("1", "2", "3", "4", "5");
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void concurrentTransactionsKeepOneValidChain() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int t = 0; t < 40; t++) {
            int k = t;
            futures.add(pool.submit(() -> tx.executeWithoutResult(s -> {
                audit.recordAs("tester", "test.concurrent", "Parallel", k, "동시 " + k + "-1");
                audit.recordAs("tester", "test.concurrent", "Parallel", k, "동시 " + k + "-2");
            })));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(audit.verify().valid()).isTrue();
    }

    private void tamper(long id, String summary) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update platform_audit_log set summary = :s where id = :id").param("s", summary).param("id", id).update();
        });
    }

    @Test
    void rolledBackChangesLeaveNoAuditRow() {
        long before = count();
        try {
            tx.executeWithoutResult(s -> {
                audit.recordAs("tester", "test.rollback", "Thing", 9, "되돌릴 변경");
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(count()).isEqualTo(before);
        assertThat(audit.verify().valid()).isTrue();
    }

    private long count() {
        return jdbc.sql("select count(*) from platform_audit_log").query(Long.class).single();
    }
}
