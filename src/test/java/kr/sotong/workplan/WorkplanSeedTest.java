package kr.sotong.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import kr.sotong.platform.SeedRuns;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seed file is validated row by row and loaded all-or-nothing, once. */
@SotongTest
class WorkplanSeedTest {

    @Autowired
    WorkplanSeed seed;
    @Autowired
    SeedRuns seeds;
    @Autowired
    JdbcClient jdbc;

    private String original() throws IOException {
        return new String(new ClassPathResource(WorkplanSeed.RESOURCE).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void refused(String yaml, String expected) {
        assertThatThrownBy(() -> seed.parse(yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DomainException.class).hasMessageContaining(expected);
    }

    @Test
    void theShippedFileIsValid() throws IOException {
        var d = seed.parse(original().getBytes(StandardCharsets.UTF_8));
        assertThat(d.programs()).hasSize(5);
    }

    @Test
    void brokenRowsAreRefusedWithTheirLocation() throws IOException {
        String ok = original();
        refused(ok.replace("amountThousands: 227644", "amountThousands: 227645"), "programs[0]");
        refused(ok.replace("amountThousands: 227644", "amountThousands: 227645"), "283644");
        refused(ok.replace("{ grade: 7, authorized: 9, actual: 10 }", "{ grade: 7, authorized: 8, actual: 10 }"), "21 (23)");
        refused(ok.replace("amountThousands: 58094 }", "amountThousands: -58094 }"), "음수");
        refused(ok.replace("amountThousands: 3590727", "amountThousands: 3590728"), "3648821");
        refused(ok.replace("team: PRESS\n", "team: NOPE\n"), "알 수 없는 팀");
        refused(ok.replace("{ start: 2025-02-01, end: 2025-08-31", "{ start: 2025-08-31, end: 2025-02-01"), "종료일");
        refused(ok.replace("amountThousands: 65000 }", "amountThousands: 육만오천 }"), "읽을 수 없습니다");
        refused(ok.replace("    sortOrder: 2\n", "    sortOrder: 2\n    colour: red\n"), "읽을 수 없습니다");
        refused(ok.replace("      - { name: 언론팀, from: 2024-01-01 }", "      - { name: 홍보미디어팀, from: 2024-01-01 }"), "중복");
    }

    @Test
    void loadingIsAllOrNothingAndRunsOnce() {
        long teamsBefore = jdbc.sql("select count(*) from workplan_team").query(Long.class).single();
        assertThatThrownBy(() -> seeds.runOnce("test-half", "1", "x", () -> {
            jdbc.sql("insert into workplan_team (code, sort_order) values ('HALF_SAVED', 99)").update();
            throw new DomainException("test", "중간에 실패");
        })).hasMessageContaining("중간에 실패");
        assertThat(jdbc.sql("select count(*) from workplan_team").query(Long.class).single()).isEqualTo(teamsBefore);
        assertThat(seeds.runOnce("workplan", "2025.1", "again", () -> {
            throw new AssertionError("must not run twice");
        })).isFalse();
    }
}
