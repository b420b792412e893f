package kr.sotong.contests.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import kr.sotong.contests.ContestScenario;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Abandoned entries: after a day the draft, its upload row and the part file on disk are gone. */
@SotongTest
class ContestsHousekeepingTest {

    @Autowired
    ContestScenario scenario;
    @Autowired
    EntryDesk desk;
    @Autowired
    Uploads uploads;
    @Autowired
    ContestsHousekeeping housekeeping;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void abandonedDraftsAndPartFilesAreRemoved() throws Exception {
        long contestId = scenario.openContest(ContestKind.PHOTO, "정리 " + System.nanoTime(), 0, Duration.ofDays(3), false,
                false);
        clock.setTo(clock.instant());
        String draft = desk.start(contestId);
        Upload u = uploads.create(draft, contestId, "half.jpg", 1000, "fp-housekeeping");
        uploads.append(u.id(), draft, 0, new ByteArrayInputStream(new byte[400]));
        assertThat(Files.size(uploads.partFile(u.id()))).isEqualTo(400);

        clock.advance(Duration.ofHours(23));
        housekeeping.run();
        assertThat(Files.exists(uploads.partFile(u.id()))).as("still within a day").isTrue();

        clock.advance(Duration.ofHours(2));
        housekeeping.run();
        assertThat(Files.exists(uploads.partFile(u.id()))).isFalse();
        assertThat(jdbc.sql("select count(*) from contests_upload where id = :id").param("id", u.id()).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from contests_draft where id = :id").param("id", draft).query(Long.class)
                .single()).isZero();
    }
}
