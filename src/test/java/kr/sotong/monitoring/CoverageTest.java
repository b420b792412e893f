package kr.sotong.monitoring;

import static kr.sotong.monitoring.FeedServer.item;
import static kr.sotong.monitoring.FeedServer.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.monitoring.coverage.Coverage;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.platform.Roles;
import kr.sotong.press.PressReleasePublished;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@SotongTest
class CoverageTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Sources sources;
    @Autowired
    Coverage coverage;
    @Autowired
    Articles articles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    MutableClock clock;
    @Autowired
    Monitoring monitoring;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant seoul(String isoLocal) {
        return LocalDateTime.parse(isoLocal).atZone(MutableClock.SEOUL).toInstant();
    }

    private void publish(PressReleasePublished e) {
        tx.executeWithoutResult(s -> events.publishEvent(e));
    }

    private long releases(long id) {
        return jdbc.sql("select count(*) from monitoring_release where release_id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void rewritesOfOneReleaseAreGroupedAndAttributedAndCounted() throws Exception {
        long releaseId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        Instant at = seoul("2031-04-07T06:00");
        clock.setTo(LocalDateTime.parse("2031-04-08T13:00"));
        PressReleasePublished event = new PressReleasePublished(releaseId, 1, Fixtures.RELEASE_TITLE, null,
                Fixtures.RELEASE_BODY, "일자리정책과", at, at, false, "/press/" + releaseId);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> coverage.release(releaseId).isPresent());
        publish(event); // the same version again: idempotent
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Long> ids = new ArrayList<>();
        try (FeedServer server = new FeedServer()) {
            for (int i = 0; i < Fixtures.REWRITES.length; i++) {
                String[] r = Fixtures.REWRITES[i];
                server.put("/feed" + i, rss(r[0], item("rw-" + i, server.url("/rw/" + i), r[1], r[2],
                        "Mon, 07 Apr 2031 1" + i + ":00:00 +0900")), "application/rss+xml", null);
                long source = sources.addFeed(null, r[0] + "-" + run, server.url("/feed" + i), 30, false);
                assertThat(sources.pollNow(source).ingested()).isEqualTo(1);
                ids.add(jdbc.sql("select id from monitoring_article where outlet = :o").param("o", r[0] + "-" + run)
                        .query(Long.class).single());
            }
        }
        List<Article> stored = articles.byIds(ids);
        assertThat(stored).extracting(Article::releaseId).containsOnly(releaseId);
        assertThat(stored).extracting(Article::groupId).doesNotContainNull().containsOnly(stored.get(0).groupId());
        assertThat(releases(releaseId)).isEqualTo(1);

        Coverage.ReleaseCoverage c = coverage.ofRelease(releaseId).orElseThrow();
        assertThat(c.articles()).isEqualTo(3);
        assertThat(c.outletCount()).isEqualTo(3);
        assertThat(c.first()).isEqualTo(seoul("2031-04-07T10:00"));
        assertThat(c.last()).isEqualTo(seoul("2031-04-07T12:00"));

        assertThat(monitoring.coverageOf(releaseId)).get().satisfies(m -> {
            assertThat(m.articles()).isEqualTo(3);
            assertThat(m.outlets()).isEqualTo(3);
        });
        var reader = staff.create(Roles.VIEWER);
        mvc.perform(get("/api/v1/monitoring/coverage").param("releaseId", Long.toString(releaseId)).with(staff.as(reader)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.articles").value(3)).andExpect(jsonPath("$.outletCount").value(3));
        mvc.perform(get("/api/v1/monitoring/coverage").param("year", "2031").with(staff.as(reader)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.year").value(2031));
        mvc.perform(get("/api/v1/monitoring/coverage").param("year", "2024").with(staff.as(reader)))
                .andExpect(jsonPath("$.baselineArticles").value(27011)).andExpect(jsonPath("$.baselineThroughMonth").value(10));
        mvc.perform(get("/staff/monitoring/coverage/releases/" + releaseId).with(staff.as(reader)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(Fixtures.RELEASE_TITLE)));
        mvc.perform(get("/staff/monitoring/coverage").param("year", "2031").with(staff.as(reader)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("30,772")));
        // the search filter by release finds them
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/v1/monitoring/articles").param("releaseId", Long.toString(releaseId)).with(staff.as(reader)))
                        .andExpect(jsonPath("$.total").value(3)));
    }

    @Test
    void anEmbargoedReleaseIsNeverExposedBeforeItsTime() throws Exception {
        long releaseId = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        clock.setTo(LocalDateTime.parse("2031-05-01T07:00"));
        Instant embargo = seoul("2031-05-02T06:00");
        publish(new PressReleasePublished(releaseId, 1, "엠바고 보도자료 제목", null, "금천구 엠바고 본문", "홍보과",
                embargo, embargo, false, "/press/" + releaseId));
        await().atMost(Duration.ofSeconds(20)).until(() -> releases(releaseId) == 1);
        var reader = staff.create(Roles.PRESS);
        assertThat(coverage.release(releaseId)).isEmpty();
        assertThat(monitoring.coverageOf(releaseId)).isEmpty();
        mvc.perform(get("/api/v1/monitoring/coverage").param("releaseId", Long.toString(releaseId)).with(staff.as(reader)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/monitoring/coverage/releases/" + releaseId).with(staff.as(reader)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/monitoring/coverage").param("year", "2031").with(staff.as(reader)))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("엠바고 보도자료 제목"))));
        clock.setTo(LocalDateTime.parse("2031-05-02T06:30"));
        assertThat(coverage.release(releaseId)).isPresent();
    }
}
