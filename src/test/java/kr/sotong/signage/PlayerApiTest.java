package kr.sotong.signage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.Playlist;
import kr.sotong.signage.schedule.Programming;
import kr.sotong.signage.schedule.Targets;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SotongTest
class PlayerApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SignageFixtures fx;
    @Autowired
    DeviceRegistry registry;
    @Autowired
    Programming programming;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode body(MvcResult r) throws Exception {
        return json.readTree(r.getResponse().getContentAsString());
    }

    @Test
    void aPlayerPairsWithTheCodeOnItsScreenAndClaimsItsTokenOnce() throws Exception {
        JsonNode started = body(mvc.perform(post("/player/v1/pairings")).andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store")).andReturn());
        String code = started.get("code").asText();
        String secret = started.get("secret").asText();
        assertThat(code).matches("[2-9A-Z]{3}-[2-9A-Z]{3}");

        String claim = "{\"secret\":\"" + secret + "\"}";
        mvc.perform(post("/player/v1/pairings/claim").contentType(MediaType.APPLICATION_JSON).content(claim))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING"));

        Device d = fx.device(SignageFixtures.uniqueTag());
        // staff may type the code in lower case and without the hyphen
        fx.as(() -> registry.pair(code.replace("-", "").toLowerCase(), d.id()));

        JsonNode granted = body(mvc.perform(post("/player/v1/pairings/claim").contentType(MediaType.APPLICATION_JSON)
                .content(claim)).andExpect(status().isOk()).andReturn());
        assertThat(granted.get("deviceId").asLong()).isEqualTo(d.id());
        String token = granted.get("token").asText();
        assertThat(token).startsWith("sdt_");

        mvc.perform(post("/player/v1/pairings/claim").contentType(MediaType.APPLICATION_JSON).content(claim))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("이미 사용")));
        mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(registry.findByCode(d.code()).orElseThrow().pairedAt()).isNotNull();
        // the token is stored only as a hash
        assertThat(jdbc.sql("select count(*) from signage_device where token_hash = :t").param("t", token)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredOrUnknownPairingCodeIsRefusedWithAClearMessage() throws Exception {
        Device d = fx.device(SignageFixtures.uniqueTag());
        String code = body(mvc.perform(post("/player/v1/pairings")).andReturn()).get("code").asText();
        clock.setTo(Instant.now().plus(Duration.ofMinutes(16)));
        try {
            fx.as(() -> registry.pair(code, d.id()));
            throw new AssertionError("expired code accepted");
        } catch (DomainException e) {
            assertThat(e.getMessage()).contains("만료");
        }
        try {
            fx.as(() -> registry.pair("12", d.id()));
            throw new AssertionError("short code accepted");
        } catch (DomainException e) {
            assertThat(e.getMessage()).contains("6자리");
        }
    }

    @Test
    void scheduleHasAnETagAndA304WhenUnchangedAndANewETagAfterAChange() throws Exception {
        String tag = SignageFixtures.uniqueTag();
        Device d = fx.device(tag);
        String token = fx.token(d);
        ContentItem a = fx.image("A " + tag, Color.RED);
        Playlist p = fx.playlist(Layout.FULL_SCREEN, 10, a);
        fx.campaign("ETag " + tag, CampaignKind.NORMAL, p, 50, Targets.tags(tag), List.of());

        MvcResult first = mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache, private"))
                .andExpect(jsonPath("$.content['" + a.id() + "'].url").value("/player/v1/content/" + a.fileSha256()))
                .andReturn();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).startsWith("\"s-");

        double polls304 = meters.counter("sotong.signage.schedule.polls", "status", "304").count();
        MvcResult notModified = mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer " + token)
                        .header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(header().string("Cache-Control", "no-cache, private")).andReturn();
        assertThat(notModified.getResponse().getContentLength()).isZero();
        // answered by the early ScheduleEndpoint filter, which counts it
        assertThat(meters.counter("sotong.signage.schedule.polls", "status", "304").count()).isGreaterThan(polls304);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/player/v1/schedule")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, HEAD"));

        ContentItem b = fx.image("B " + tag, Color.BLUE);
        fx.as(() -> programming.addItem(p.id(), p.version(), b.id(), 10));
        awaitNewETag(token, etag);
    }

    private String awaitNewETag(String token, String old) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            MvcResult r = mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer " + token)
                    .header("If-None-Match", old)).andReturn();
            if (r.getResponse().getStatus() == 200) {
                String etag = r.getResponse().getHeader("ETag");
                assertThat(etag).isNotEqualTo(old);
                return etag;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("schedule did not change within 5 s");
    }

    @Test
    void contentIsServedByHashWithRangesAndAYearLongCacheLifetime() throws Exception {
        String tag = SignageFixtures.uniqueTag();
        Device d = fx.device(tag);
        String token = fx.token(d);
        ContentItem a = fx.image("Range " + tag, Color.GREEN);
        String url = "/player/v1/content/" + a.fileSha256();
        long size = a.sizeBytes();
        // the ledger of servable files is refreshed right after the approval commits
        Thread.sleep(300);

        mvc.perform(get(url).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
                .andExpect(header().string("ETag", "\"" + a.fileSha256() + "\""))
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(header().string("Content-Type", "image/png"));
        MvcResult part = mvc.perform(get(url).header("Authorization", "Bearer " + token).header("Range", "bytes=0-99"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 0-99/" + size)).andReturn();
        assertThat(part.getResponse().getContentAsByteArray()).hasSize(100);
        MvcResult tail = mvc.perform(get(url).header("Authorization", "Bearer " + token).header("Range", "bytes=-10"))
                .andExpect(status().isPartialContent()).andReturn();
        assertThat(tail.getResponse().getContentAsByteArray()).hasSize(10);
        mvc.perform(get(url).header("Authorization", "Bearer " + token).header("Range", "bytes=" + (size + 10) + "-"))
                .andExpect(status().isRequestedRangeNotSatisfiable());
        mvc.perform(get(url).header("Authorization", "Bearer " + token).header("If-None-Match", "\"" + a.fileSha256() + "\""))
                .andExpect(status().isNotModified());
        mvc.perform(get(url)).andExpect(status().isUnauthorized());

        ContentItem pending = fx.pendingImage("Pending " + tag, Color.ORANGE);
        mvc.perform(get("/player/v1/content/" + pending.fileSha256()).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
    }

    private String batch(Instant sentAt, String... plays) {
        return "{" + (sentAt == null ? "" : "\"sentAt\":\"" + sentAt + "\",") + "\"plays\":[" + String.join(",", plays) + "]}";
    }

    private static String play(String id, long content, long campaign, Instant startedAt, long durationMs) {
        return "{\"id\":\"" + id + "\",\"content\":" + content + ",\"campaign\":" + campaign + ",\"startedAt\":\""
                + startedAt + "\",\"durationMs\":" + durationMs + "}";
    }

    @Test
    void replayedProofOfPlayIsCountedOnceAndBadPlaysAreRefusedWithReasons() throws Exception {
        String tag = SignageFixtures.uniqueTag();
        Device d = fx.device(tag);
        String token = fx.token(d);
        ContentItem a = fx.image("PoP " + tag, Color.PINK);
        Instant now = Instant.now();
        String p1 = play(UUID.randomUUID().toString(), a.id(), 77, now.minusSeconds(30), 10_000);
        String p2 = play(UUID.randomUUID().toString(), a.id(), 77, now.minusSeconds(20), 10_000);
        String p3 = play(UUID.randomUUID().toString(), a.id(), 77, now.minusSeconds(10), 10_000);
        String first = batch(now, p1, p2, p3);

        mvc.perform(post("/player/v1/proof-of-play").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(first))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(3)).andExpect(jsonPath("$.duplicates").value(0));
        // the answer was lost: the player sends the same batch again, plus the same play twice in one batch
        mvc.perform(post("/player/v1/proof-of-play").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(batch(now, p1, p2, p3, p3)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(4));
        assertThat(count(d)).isEqualTo(3);

        String future = play(UUID.randomUUID().toString(), a.id(), 77, now.plus(Duration.ofHours(2)), 5000);
        String unknown = play(UUID.randomUUID().toString(), 999_999_999L, 77, now.minusSeconds(5), 5000);
        String notUuid = play("abc", a.id(), 77, now.minusSeconds(5), 5000);
        String negative = play(UUID.randomUUID().toString(), a.id(), 77, now.minusSeconds(5), -1);
        mvc.perform(post("/player/v1/proof-of-play").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(batch(null, future, unknown, notUuid, negative)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.refused.length()").value(4))
                .andExpect(jsonPath("$.refused[0].reason").value(org.hamcrest.Matchers.containsString("미래")))
                .andExpect(jsonPath("$.refused[1].reason").value(org.hamcrest.Matchers.containsString("알 수 없는 콘텐츠")));
        assertThat(count(d)).isEqualTo(3);

        mvc.perform(post("/player/v1/proof-of-play").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"plays\": [ {\"id\": "))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
    }

    @Test
    void aDeviceClockOneHourBehindIsCorrectedAndStillCountedOnce() throws Exception {
        String tag = SignageFixtures.uniqueTag();
        Device d = fx.device(tag);
        String token = fx.token(d);
        ContentItem a = fx.image("Skew " + tag, Color.CYAN);
        Instant now = Instant.now();
        Instant deviceNow = now.minus(Duration.ofHours(1));
        String p = play(UUID.randomUUID().toString(), a.id(), 5, deviceNow.minusSeconds(60), 10_000);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/player/v1/proof-of-play").header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content(batch(deviceNow, p)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.skewMs").value(org.hamcrest.Matchers.greaterThan(3_590_000)));
        }
        assertThat(count(d)).isEqualTo(1);
        Instant stored = jdbc.sql("select started_at from signage_proof_of_play where device_id = :d").param("d", d.id())
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Duration.between(now.minusSeconds(60), stored).abs()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aBatchLargerThanTheLimitIsRefusedWhole() throws Exception {
        Device d = fx.device(SignageFixtures.uniqueTag());
        String token = fx.token(d);
        List<String> plays = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            plays.add(play(UUID.randomUUID().toString(), 1, 1, Instant.now(), 1000));
        }
        mvc.perform(post("/player/v1/proof-of-play").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(batch(Instant.now(), plays.toArray(String[]::new))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1000건")));
        assertThat(count(d)).isZero();
    }

    private long count(Device d) {
        return jdbc.sql("select count(*) from signage_proof_of_play where device_id = :d").param("d", d.id())
                .query(Long.class).single();
    }

    @Test
    void aRevokedOrUnknownTokenGetsA401ThatSaysWhy() throws Exception {
        Device d = fx.device(SignageFixtures.uniqueTag());
        String token = fx.token(d);
        mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        fx.as(() -> {
            registry.revokeToken(d.id());
            return null;
        });
        mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.code").value("signage.device.revoked"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("인증이 취소")));
        mvc.perform(post("/player/v1/proof-of-play").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(batch(Instant.now())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer sdt_" + "x".repeat(43)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("signage.device.unknown-token"));
        mvc.perform(get("/player/v1/schedule")).andExpect(status().isUnauthorized());
        // a staff token is not a device token
        mvc.perform(get("/player/v1/schedule").header("Authorization", "Bearer st_something"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void heartbeatsRecordLastSeenUptimeAndClockOffsetAndCarryScreenshotRequests() throws Exception {
        Device d = fx.device(SignageFixtures.uniqueTag());
        String token = fx.token(d);
        Instant deviceTime = Instant.now().minusSeconds(90);
        mvc.perform(post("/player/v1/heartbeat").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"playerVersion\":\"test/1\",\"deviceTime\":\"" + deviceTime + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.screenshotRequested").value(false))
                .andExpect(jsonPath("$.device.code").value(d.code()));
        Device seen = fx.as(() -> registry.get(d.id()));
        assertThat(seen.lastSeenAt()).isNotNull();
        assertThat(seen.playerVersion()).isEqualTo("test/1");
        assertThat(seen.clockSkewMs()).isBetween(-100_000L, -80_000L);
        assertThat(jdbc.sql("select bit_count(minute_mask::bit(64)) from signage_device_uptime where device_id = :d")
                .param("d", d.id()).query(Integer.class).single()).isEqualTo(1);

        fx.as(() -> {
            registry.requestScreenshot(d.id());
            return null;
        });
        mvc.perform(post("/player/v1/heartbeat").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.screenshotRequested").value(true));
        byte[] png = SignageFixtures.png(Color.MAGENTA, 320, 180);
        mvc.perform(post("/player/v1/screenshots").header("Authorization", "Bearer " + token)
                .contentType(MediaType.IMAGE_PNG).content(png)).andExpect(status().isCreated());
        Device after = fx.as(() -> registry.get(d.id()));
        assertThat(after.screenshotSha256()).isNotNull();
        assertThat(after.screenshotRequestedAt()).isNull();
        mvc.perform(post("/player/v1/screenshots").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.IMAGE_PNG).content("<html><script>alert(1)</script></html>".getBytes()))
                .andExpect(status().isBadRequest());
    }
}
