package kr.sotong.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A resident enters the short-video contest through the public form and the chunked upload protocol: an
 * interrupted upload is resumed from the server's offset, a 14.9 s clip is refused at upload with the reason, the
 * same file cannot be entered twice, entries after the deadline are refused, and the status page is reached with
 * the receipt number and a one-time code.
 */
@SotongTest
class ContestEntryFlowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ContestScenario scenario;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Resident(MockHttpSession session, long contestId) {
    }

    private Resident startEntry(long contestId, String phone) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/contests/{id}/enter", contestId).session(session)).andExpect(status().isOk());
        mvc.perform(post("/contests/{id}/enter/eligibility", contestId).session(session).with(csrf())
                        .param("basis", "RESIDENT").param("birthDate", "1995-08-15"))
                .andExpect(redirectedUrl("/contests/" + contestId + "/enter/entrant"));
        mvc.perform(post("/contests/{id}/enter/entrant", contestId).session(session).with(csrf())
                        .param("name", "김숏폼").param("phone", phone).param("email", "shortform@example.com"))
                .andExpect(redirectedUrl("/contests/" + contestId + "/enter/entrant"));
        mvc.perform(post("/contests/{id}/enter/verify", contestId).session(session).with(csrf())
                        .param("code", outbox.lastCode(phone)))
                .andExpect(redirectedUrl("/contests/" + contestId + "/enter/work"));
        return new Resident(session, contestId);
    }

    private JsonNode create(Resident r, String name, long size, String fingerprint) throws Exception {
        MvcResult res = mvc.perform(post("/contests/{id}/uploads", r.contestId()).session(r.session()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", name, "size", size, "fingerprint", fingerprint))))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(res.getResponse().getContentAsString());
    }

    private MvcResult patchBytes(Resident r, String id, long offset, byte[] bytes) throws Exception {
        return mvc.perform(patch("/contests/uploads/{id}", id).session(r.session()).with(csrf())
                .header("Upload-Offset", offset).contentType("application/offset+octet-stream").content(bytes)).andReturn();
    }

    @Test
    void chunkedUploadResumesAndTheEntryIsReceivedWithAReceiptNumber() throws Exception {
        long contestId = scenario.openContest(ContestKind.SHORT_VIDEO, "숏폼 흐름 " + System.nanoTime(), 4_000_000,
                Duration.ofHours(2), false, false);
        String phone = ContestScenario.randomMobile();
        Resident r = startEntry(contestId, phone);
        byte[] video = Files.readAllBytes(MediaFixtures.video(200, "mp4", true));
        String fingerprint = "fp-" + System.nanoTime();
        JsonNode created = create(r, "../../etc/홍길동_숏폼.mp4", video.length, fingerprint);
        String id = created.get("id").asText();
        assertThat(created.get("offset").asLong()).isZero();

        // first part, then the connection "drops"
        int half = video.length / 2;
        MvcResult first = patchBytes(r, id, 0, Arrays.copyOf(video, half));
        assertThat(first.getResponse().getStatus()).isEqualTo(204);
        assertThat(first.getResponse().getHeader("Upload-Offset")).isEqualTo(String.valueOf(half));
        // a client that lost track and resends from 0 is told where to continue
        MvcResult stale = patchBytes(r, id, 0, Arrays.copyOf(video, 100));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(stale.getResponse().getHeader("Upload-Offset")).isEqualTo(String.valueOf(half));
        // picking the same file again finds the unfinished upload
        mvc.perform(get("/contests/{c}/uploads", contestId).session(r.session()).param("fingerprint", fingerprint)
                        .param("size", String.valueOf(video.length)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.offset").value(half));
        mvc.perform(get("/contests/{c}/uploads", contestId).session(r.session()).param("fingerprint", "other")
                .param("size", String.valueOf(video.length))).andExpect(status().isNotFound());
        mvc.perform(get("/contests/uploads/{id}", id).session(r.session())).andExpect(jsonPath("$.offset").value(half));
        mvc.perform(patch("/contests/uploads/{id}", id).session(r.session()).with(csrf()).header("Upload-Offset", half)
                        .contentType("application/offset+octet-stream")
                        .content(Arrays.copyOfRange(video, half, video.length)))
                .andExpect(status().isNoContent()).andExpect(header().string("Upload-Offset", String.valueOf(video.length)));
        mvc.perform(post("/contests/uploads/{id}/complete", id).session(r.session()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("COMPLETE"))
                .andExpect(jsonPath("$.report.summary").value("MP4, 96×64, 20.0초"));
        // the name is reduced to its base name; the part file is gone
        assertThat(jdbc.sql("select original_name from contests_upload where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("홍길동_숏폼.mp4");

        mvc.perform(post("/contests/{id}/enter/work", contestId).session(r.session()).with(csrf())
                        .param("title", "금천의 하루").param("description", "출근길 풍경"))
                .andExpect(redirectedUrl("/contests/" + contestId + "/enter/consents"));
        mvc.perform(post("/contests/{id}/enter/consents", contestId).session(r.session()).with(csrf())
                        .param("consentPrivacy", "yes"))
                .andExpect(status().isOk());
        mvc.perform(post("/contests/{id}/enter/consents", contestId).session(r.session()).with(csrf())
                        .param("consentPrivacy", "yes").param("consentUsage", "yes"))
                .andExpect(redirectedUrl("/contests/" + contestId + "/enter/review"));
        String review = mvc.perform(get("/contests/{id}/enter/review", contestId).session(r.session()))
                .andReturn().getResponse().getContentAsString();
        assertThat(review).contains("김*폼").contains("010-****-").doesNotContain(phone.substring(3, 7) + "-");
        mvc.perform(post("/contests/{id}/enter/submit", contestId).session(r.session()).with(csrf()))
                .andExpect(redirectedUrl("/contests/" + contestId + "/receipt"));
        // a second click on 제출 shows the same receipt, no second entry
        mvc.perform(post("/contests/{id}/enter/submit", contestId).session(r.session()).with(csrf()))
                .andExpect(redirectedUrl("/contests/" + contestId + "/receipt"));
        String receiptPage = mvc.perform(get("/contests/{id}/receipt", contestId).session(r.session()))
                .andReturn().getResponse().getContentAsString();
        String receipt = receiptPage.replaceAll("(?s).*id=\"receipt-no\">([^<]+)<.*", "$1");
        assertThat(receipt).matches("SV-" + contestId + "-0001");
        assertThat(jdbc.sql("select count(*) from contests_entry where contest_id = :c").param("c", contestId)
                .query(Long.class).single()).isEqualTo(1);
        // the bytes assembled from the chunks are the file's bytes
        assertThat(jdbc.sql("select media_sha256 from contests_entry where receipt_no = :r").param("r", receipt)
                .query(String.class).single())
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(video)));
        // personal data at rest is ciphertext
        var row = jdbc.sql("select name_enc, phone_enc, email_enc from contests_entry where receipt_no = :r").param("r", receipt)
                .query().singleRow();
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).startsWith("pd1:").doesNotContain("김숏폼"));
        assertThat(outbox.to(phone)).anyMatch(m -> m.body().contains(receipt));

        // the status page: receipt number + one-time code
        MockHttpSession visitor = new MockHttpSession();
        mvc.perform(post("/contests/status/code").session(visitor).with(csrf()).param("receiptNo", receipt)
                .param("contact", phone)).andExpect(status().isOk());
        mvc.perform(post("/contests/status/verify").session(visitor).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk());
        mvc.perform(post("/contests/status/verify").session(visitor).with(csrf()).param("code", outbox.lastCode(phone)))
                .andExpect(redirectedUrl("/contests/status/view"));
        String statusPage = mvc.perform(get("/contests/status/view").session(visitor)).andReturn().getResponse()
                .getContentAsString();
        assertThat(statusPage).contains(receipt).contains("접수 완료").contains("김*폼").doesNotContain("김숏폼");
        assertThat(jdbc.sql("""
                        select count(*) from platform_audit_log where category = 'ACCESS' and entity_type = 'contests.entry'
                         and entity_id = (select id::text from contests_entry where receipt_no = :r)""")
                .param("r", receipt).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        // a wrong contact gets no code and no hint
        mvc.perform(post("/contests/status/code").session(new MockHttpSession()).with(csrf()).param("receiptNo", receipt)
                .param("contact", ContestScenario.randomMobile())).andExpect(status().isOk());

        // the same file again, from another resident, is refused at upload
        Resident other = startEntry(contestId, ContestScenario.randomMobile());
        JsonNode again = create(other, "copy.mp4", video.length, "fp-copy-" + System.nanoTime());
        patchBytes(other, again.get("id").asText(), 0, video);
        mvc.perform(post("/contests/uploads/{id}/complete", again.get("id").asText()).session(other.session()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("똑같은 파일")));

        // the entrant withdraws while entries are still open
        mvc.perform(post("/contests/status/withdraw").session(visitor).with(csrf()))
                .andExpect(redirectedUrl("/contests/status/view"));
        assertThat(mvc.perform(get("/contests/status/view").session(visitor)).andReturn().getResponse()
                .getContentAsString()).contains("응모 철회");
    }

    @Test
    void aFourteenPointNineSecondClipIsRefusedAtUploadAndNothingIsKept() throws Exception {
        long contestId = scenario.openContest(ContestKind.SHORT_VIDEO, "숏폼 길이 " + System.nanoTime(), 4_000_000,
                Duration.ofHours(2), false, false);
        Resident r = startEntry(contestId, ContestScenario.randomMobile());
        for (int tenths : List.of(149, 601)) {
            byte[] clip = Files.readAllBytes(MediaFixtures.video(tenths, "mp4", false));
            JsonNode u = create(r, "clip.mp4", clip.length, "fp-" + tenths + "-" + System.nanoTime());
            patchBytes(r, u.get("id").asText(), 0, clip);
            MvcResult res = mvc.perform(post("/contests/uploads/{id}/complete", u.get("id").asText()).session(r.session())
                    .with(csrf())).andExpect(status().isBadRequest()).andReturn();
            JsonNode problem = json.readTree(res.getResponse().getContentAsString());
            assertThat(problem.get("detail").asText()).contains(tenths == 149 ? "14.9초" : "60.1초")
                    .contains("15.0초 이상 60.0초 이하");
            assertThat(jdbc.sql("select status from contests_upload where id = :id").param("id", u.get("id").asText())
                    .query(String.class).single()).isEqualTo("REJECTED");
        }
        // without a checked file the work step does not go on
        mvc.perform(post("/contests/{id}/enter/work", contestId).session(r.session()).with(csrf()).param("title", "제목"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from contests_entry where contest_id = :c").param("c", contestId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theNoScriptMultipartPathAndBadInputOnTheForm() throws Exception {
        long contestId = scenario.openContest(ContestKind.PHOTO, "사진 폼 " + System.nanoTime(), 3_000_000,
                Duration.ofHours(2), false, false);
        MockHttpSession s = new MockHttpSession();
        String page = mvc.perform(post("/contests/{id}/enter/eligibility", contestId).session(s).with(csrf())
                .param("basis", "RESIDENT").param("birthDate", "2099-01-01")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("생년월일이 올바르지 않습니다").contains("aria-invalid=\"true\"");
        Resident r = startEntry(contestId, ContestScenario.randomMobile());
        Path jpg = MediaFixtures.jpeg(MediaFixtures.picture(77, 1200, 900), 0.9f, "multipart.jpg");
        var file = new org.springframework.mock.web.MockMultipartFile("file", "../x/사진.jpg", "image/jpeg",
                Files.readAllBytes(jpg));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/contests/{id}/enter/work", contestId)
                        .file(file).session(r.session()).with(csrf()).param("title", "골목길"))
                .andExpect(redirectedUrl("/contests/" + contestId + "/enter/consents"));
        var bad = new org.springframework.mock.web.MockMultipartFile("file", "fake.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes());
        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/contests/{id}/enter/work", contestId).file(bad).session(r.session()).with(csrf())
                        .param("title", "골목길"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("받을 수 없는 파일입니다").contains("id=\"file-error\"");
    }

    @Autowired
    kr.sotong.contests.core.EntryDesk desk;
    @Autowired
    kr.sotong.contests.core.Uploads uploads;

    @Test
    void aiSongDeclarationAndAGuardiansConsentForAChild() throws Exception {
        long contestId = scenario.openContest(ContestKind.SONG, "브랜드 송 " + System.nanoTime(), 1_000_000,
                Duration.ofHours(2), false, false);
        String phone = ContestScenario.randomMobile();
        String draft = desk.start(contestId);
        String twelveYearsAgo = java.time.LocalDate.now(clock).minusYears(12).toString();
        desk.saveEligibility(draft, contestId, "RESIDENT", twelveYearsAgo);
        assertThat(desk.guardianRequired(desk.draft(draft, contestId))).isTrue();
        assertThatThrownBy(() -> desk.saveEntrant(draft, contestId,
                new kr.sotong.contests.core.EntryDesk.EntrantInput("김어린", phone, null, null, null)))
                .hasMessageContaining("법정대리인");
        assertThatThrownBy(() -> desk.saveEntrant(draft, contestId,
                new kr.sotong.contests.core.EntryDesk.EntrantInput("김어린", phone, null, "김보호", "02-12")))
                .hasMessageContaining("보호자 연락처");
        desk.saveEntrant(draft, contestId,
                new kr.sotong.contests.core.EntryDesk.EntrantInput("김어린", phone, null, "김보호", "010-2222-3333"));
        desk.sendPhoneCode(draft, contestId);
        desk.verifyPhoneCode(draft, contestId, outbox.lastCode(phone));
        Path song = MediaFixtures.song(40, "mp3");
        try (var in = Files.newInputStream(song)) {
            uploads.single(draft, contestId, "brand-song.mp3", Files.size(song), in);
        }
        assertThatThrownBy(() -> desk.saveWork(draft, contestId, new kr.sotong.contests.core.EntryDesk.WorkInput(
                "좋은도시 금천", "", "", "", "", false))).hasMessageContaining("생성형 AI");
        assertThatThrownBy(() -> desk.saveWork(draft, contestId, new kr.sotong.contests.core.EntryDesk.WorkInput(
                "좋은도시 금천", "", "Suno v4", "Pro 요금제, 상업적 이용 허용", "금천 금천 좋은 도시", false)))
                .hasMessageContaining("권리");
        desk.saveWork(draft, contestId, new kr.sotong.contests.core.EntryDesk.WorkInput("좋은도시 금천", "",
                "Suno v4", "Pro 요금제, 상업적 이용 허용", "금천 금천 좋은 도시", true));
        assertThatThrownBy(() -> desk.saveConsents(draft, contestId, true, true, false)).hasMessageContaining("보호자");
        desk.saveConsents(draft, contestId, true, true, true);
        var receipt = desk.submit(draft, contestId);
        var row = jdbc.sql("select ai_service, lyrics, minor, guardian_name_enc, duration_ms, media_format from contests_entry where id = :e")
                .param("e", receipt.entryId()).query().singleRow();
        assertThat(row.get("ai_service")).isEqualTo("Suno v4");
        assertThat(row.get("lyrics")).isEqualTo("금천 금천 좋은 도시");
        assertThat(row.get("minor")).isEqualTo(true);
        assertThat((String) row.get("guardian_name_enc")).startsWith("pd1:");
        assertThat((Long) row.get("duration_ms")).isBetween(39_900L, 40_200L);
        assertThat(row.get("media_format")).isEqualTo("MP3");
        assertThat(jdbc.sql("select kind from contests_consent where entry_id = :e order by kind").param("e", receipt.entryId())
                .query(String.class).list()).containsExactly("AI_RIGHTS", "GUARDIAN", "PRIVACY", "USAGE_RIGHTS");
    }

    @Test
    void entriesAfterTheDeadlineAreRefused() {
        long contestId = scenario.openContest(ContestKind.PHOTO, "사진 마감 " + System.nanoTime(), 3_000_000,
                Duration.ofMinutes(30), false, false);
        Path jpg = MediaFixtures.jpeg(MediaFixtures.picture(31, 800, 600), 0.9f, "late.jpg");
        clock.setTo(clock.instant().plus(Duration.ofMinutes(31)));
        assertThatThrownBy(() -> scenario.submit(contestId, "늦은이", ContestScenario.randomMobile(), null, jpg, "late.jpg",
                "늦은 사진"))
                .isInstanceOf(DomainException.class).hasMessageContaining("마감");
        assertThat(jdbc.sql("select count(*) from contests_draft where contest_id = :c").param("c", contestId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aForgedForwardedForHeaderDoesNotEscapeTheLimitOnNewEntries() throws Exception {
        long contestId = scenario.openContest(ContestKind.PHOTO, "사진 제한 " + System.nanoTime(), 3_000_000,
                Duration.ofDays(1), false, false);
        String address = "10.77." + (System.nanoTime() % 250) + "." + (1 + System.nanoTime() % 250);
        for (int i = 0; i <= 30; i++) {
            int n = i;
            var result = mvc.perform(post("/contests/{id}/enter/eligibility", contestId).session(new MockHttpSession())
                    .with(csrf()).with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    })
                    .header("X-Forwarded-For", "198.51.100." + n) // a new "address" on every request
                    .param("basis", "OTHER").param("birthDate", "1990-01-01")).andReturn();
            if (i < 30) {
                assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/contests/" + contestId + "/enter/entrant");
            } else {
                assertThat(result.getResponse().getContentAsString()).contains("요청이 너무 많습니다");
            }
        }
        assertThat(jdbc.sql("select count(*) from contests_draft where contest_id = :c").param("c", contestId)
                .query(Long.class).single()).isEqualTo(30);
    }
}
