package kr.sotong.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.contests.core.Awards;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestDefinition;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.contests.core.Criterion;
import kr.sotong.contests.core.EntryDesk;
import kr.sotong.contests.core.Judging;
import kr.sotong.contests.core.Ranking;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The coordinator's journey on the short-video contest: a five-judge panel judges blind (no judge page, API or
 * media reveals the entrant), one judge recuses, one is excluded by the coordinator, a score off the scale saves
 * nothing, scores are normalised, prizes fit the ₩4,000,000 budget, results are announced (event for the media
 * wall), the gallery shows masked names and the export for prize payment is access-logged.
 */
@SotongTest
@RecordApplicationEvents
class ContestJudgingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    ContestScenario scenario;
    @Autowired
    ContestCatalog catalog;
    @Autowired
    Judging judging;
    @Autowired
    Awards awards;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void blindJudgingRecusalNormalisationBudgetAnnouncement() throws Exception {
        long contestId = scenario.openContest(ContestKind.SHORT_VIDEO, "숏폼 심사 " + System.nanoTime(), 4_000_000,
                Duration.ofHours(2), true, false);
        StaffMember coordinator = staff.create(Roles.PR_MEDIA);
        long c1 = catalog.addCriterion(contestId, "주제 적합성", "금천의 생활상", 40);
        long c2 = catalog.addCriterion(contestId, "창의성", "", 30);
        long c3 = catalog.addCriterion(contestId, "완성도", "", 30);
        long panel = catalog.addPanel(contestId, "1심사위원단");
        List<StaffMember> judges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StaffMember j = staff.create(i == 0 ? Roles.PR_MEDIA : Roles.VIEWER);
            judges.add(j);
            catalog.addJudge(contestId, panel, j.id());
        }
        catalog.addPrize(contestId, 1, "대상", 1, 2_000_000, "");
        catalog.addPrize(contestId, 2, "최우수상", 2, 1_000_000, "");
        assertThatThrownBy(() -> catalog.addPrize(contestId, 3, "우수상", 1, 1, ""))
                .isInstanceOf(DomainException.class).hasMessageContaining("예산");

        // four entries; the first by 홍길동, whose video carries "artist=홍길동" in its metadata
        List<EntryDesk.Receipt> receipts = new ArrayList<>();
        int[] tenths = {200, 210, 220, 230};
        String[] names = {"홍길동", "이순신", "강감찬", "유관순"};
        String hongPhone = ContestScenario.randomMobile();
        for (int i = 0; i < 4; i++) {
            Path clip = MediaFixtures.video(tenths[i], "mp4", true);
            receipts.add(scenario.submit(contestId, names[i], i == 0 ? hongPhone : ContestScenario.randomMobile(),
                    i == 0 ? "hong@example.com" : null, clip, names[i] + "_숏폼.mp4", "작품 " + (i + 1)));
        }
        // the metadata-free copies are made after commit
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from contests_entry where contest_id = :c and public_sha256 is not null")
                .param("c", contestId).query(Long.class).single() == 4);

        // judging cannot start before the deadline
        assertThatThrownBy(() -> judging.start(contestId)).hasMessageContaining("마감 전");
        clock.setTo(clock.instant().plus(Duration.ofHours(3)));
        judging.start(contestId);

        Map<String, String> codeByReceipt = new HashMap<>();
        jdbc.sql("select receipt_no, blind_code from contests_entry where contest_id = :c").param("c", contestId)
                .query((rs, i) -> codeByReceipt.put(rs.getString(1), rs.getString(2))).list();
        String hongCode = codeByReceipt.get(receipts.get(0).receiptNo());
        String secondCode = codeByReceipt.get(receipts.get(1).receiptNo());

        // ---- blind: every judge-facing page and API
        StaffMember judge = judges.get(1);
        List<String> identity = List.of("홍길동", "hong@example.com", hongPhone.substring(3), receipts.get(0).receiptNo(),
                "홍길동_숏폼.mp4", "홍*동");
        String list = body(get("/staff/judging/{c}", contestId), judge);
        String detail = body(get("/staff/judging/{c}/{code}", contestId, hongCode), judge);
        String api = body(get("/api/v1/judging/contests/{c}/entries", contestId), judge);
        String assignments = body(get("/staff/judging"), judge);
        byte[] media = mvc.perform(get("/staff/judging/{c}/{code}/media", contestId, hongCode).with(staff.as(judge)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(list).contains(hongCode).contains("작품 1");
        assertThat(detail).contains("작품 " + hongCode);
        for (String page : List.of(list, detail, api, assignments, new String(media, StandardCharsets.UTF_8))) {
            for (String secret : identity) {
                assertThat(page).as("judge-facing content must not contain " + secret).doesNotContain(secret);
            }
        }
        byte[] original = MediaFixtures.bytes(MediaFixtures.video(200, "mp4", true));
        assertThat(new String(original, StandardCharsets.UTF_8)).as("the original does carry the name").contains("홍길동");
        // judges may not open the identity-bearing pages, even with the coordinator role
        StaffMember judgeWithRole = judges.get(0);
        mvc.perform(get("/api/v1/contests/{c}/entries", contestId).with(staff.as(judgeWithRole))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/contests/{c}/entries", contestId).with(staff.as(judgeWithRole))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/contests/{c}/judging", contestId).with(staff.as(judgeWithRole))).andExpect(status().isForbidden());
        // a staff member who is not on the panel sees nothing of it
        mvc.perform(get("/staff/judging/{c}", contestId).with(staff.as(staff.create(Roles.VIEWER))))
                .andExpect(status().isForbidden());

        // ---- a score off the scale saves nothing
        String response = mvc.perform(post("/staff/judging/{c}/{code}/scores", contestId, hongCode).with(staff.as(judge))
                        .with(csrf()).param("c" + c1, "9").param("c" + c2, "11").param("c" + c3, "8"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(response).contains("척도(0~10점)를 벗어납니다");
        assertThat(scoreCount(contestId)).isZero();
        mvc.perform(put("/api/v1/judging/contests/{c}/entries/{code}/scores", contestId, hongCode).with(staff.as(judge))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"" + c1 + "\": 7.5, \"" + c2 + "\": 7, \"" + c3 + "\": 7}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("정수")));
        assertThat(scoreCount(contestId)).isZero();

        // ---- recusal: judge 5 declares a conflict on 홍길동's entry after scoring it; coordinator excludes judge 4 from entry 2
        int[][] points = {{9, 8, 9}, {7, 9, 6}, {6, 5, 7}, {4, 6, 5}};
        for (int j = 0; j < 5; j++) {
            int bias = j == 2 ? -3 : 0; // one harsh judge
            for (int e = 0; e < 4; e++) {
                String code = codeByReceipt.get(receipts.get(e).receiptNo());
                Map<Long, String> s = Map.of(c1, String.valueOf(Math.max(0, points[e][0] + bias)),
                        c2, String.valueOf(Math.max(0, points[e][1] + bias)), c3, String.valueOf(Math.max(0, points[e][2] + bias)));
                judging.score(contestId, judges.get(j).id(), code, s);
            }
        }
        mvc.perform(post("/staff/judging/{c}/{code}/recuse", contestId, hongCode).with(staff.as(judges.get(4))).with(csrf())
                .param("reason", "응모자가 친척으로 보임")).andExpect(status().is3xxRedirection());
        long judge4 = jdbc.sql("select id from contests_judge where contest_id = :c and account_id = :a").param("c", contestId)
                .param("a", judges.get(3).id()).query(Long.class).single();
        long entry2 = receipts.get(1).entryId();
        mvc.perform(post("/staff/contests/{c}/judging/exclude", contestId).with(staff.as(coordinator)).with(csrf())
                .param("judgeId", String.valueOf(judge4)).param("entryId", String.valueOf(entry2))
                .param("reason", "이웃 관계 확인")).andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> judging.score(contestId, judges.get(4).id(), hongCode, Map.of(c1, "1", c2, "1", c3, "1")))
                .hasMessageContaining("회피");
        assertThat(jdbc.sql("select count(*) from contests_score s join contests_judge j on j.id = s.judge_id "
                        + "where s.entry_id = :e and j.account_id = :a")
                .param("e", receipts.get(0).entryId()).param("a", judges.get(4).id()).query(Long.class).single()).isZero();

        List<Ranking.Row> ranking = judging.ranking(contestId);
        assertThat(ranking).allMatch(Ranking.Row::complete);
        Ranking.Row hong = ranking.stream().filter(r -> r.entryId() == receipts.get(0).entryId()).findFirst().orElseThrow();
        assertThat(hong.judgesCounted()).isEqualTo(4);
        Ranking.Row second = ranking.stream().filter(r -> r.entryId() == entry2).findFirst().orElseThrow();
        assertThat(second.judgesCounted()).isEqualTo(4);
        assertThat(ranking.get(0).entryId()).isEqualTo(receipts.get(0).entryId());
        assertThat(ranking.get(0).judgeScore()).as("T-score after z-normalisation").isGreaterThan(new java.math.BigDecimal("50"));
        String judgingPage = body(get("/staff/contests/{c}/judging", contestId), coordinator);
        assertThat(judgingPage).contains("응모자가 친척으로 보임").contains("이웃 관계 확인").contains(secondCode);

        // ---- awards within the budget
        awards.propose(contestId);
        assertThat(awards.awards(contestId)).extracting(Awards.AwardRow::prizeName).containsExactly("대상", "최우수상", "최우수상");
        assertThat(awards.awardedTotal(contestId)).isEqualTo(4_000_000);
        long fourth = ranking.get(3).entryId();
        long bigPrize = catalog.prizes(contestId).get(0).id();
        assertThatThrownBy(() -> awards.assign(contestId, fourth, bigPrize)).hasMessageContaining("1명까지");
        // the budget is cut after the prizes were set: confirmation is refused
        ContestDefinition d = catalog.get(contestId).def();
        catalog.update(contestId, withBudget(d, 3_000_000));
        assertThatThrownBy(() -> awards.confirm(contestId)).hasMessageContaining("예산");
        catalog.update(contestId, withBudget(d, 4_000_000));
        awards.confirm(contestId);
        awards.announce(contestId, "축하합니다");

        // ---- the event for signage, public results with masked names
        var announced = events.stream(ContestWinnersAnnounced.class).filter(e -> e.contestId() == contestId).toList();
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).winners()).hasSize(3);
        assertThat(announced.get(0).winners().get(0).maskedEntrant()).isEqualTo("홍*동");
        assertThat(announced.get(0).winners().get(0).mediaType()).isEqualTo("video/mp4");
        assertThat(announced.get(0).winners().get(0).mediaSha256()).isNotEqualTo(
                jdbc.sql("select media_sha256 from contests_entry where id = :e").param("e", receipts.get(0).entryId())
                        .query(String.class).single());
        String results = mvc.perform(get("/contests/{c}/results", contestId)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(results).contains("홍*동").contains("대상").contains("<video").doesNotContain("홍길동");
        mvc.perform(get("/api/v1/contests/{c}/results", contestId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.winners[0].entrant").value("홍*동"))
                .andExpect(jsonPath("$.winners[0].prize").value("대상"));
        byte[] publicMedia = mvc.perform(get("/contests/{c}/media/{e}", contestId, receipts.get(0).entryId())
                .header("Range", "bytes=0-99")).andExpect(status().isPartialContent()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(publicMedia).hasSize(100);
        mvc.perform(get("/contests/{c}/media/{e}", contestId, ranking.get(3).entryId())).andExpect(status().isNotFound());

        // ---- export for payment: full names, access-logged
        long accessBefore = accessRows();
        byte[] xlsx = mvc.perform(get("/staff/contests/{c}/export.xlsx", contestId).with(staff.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(6).getStringCellValue()).isEqualTo("홍길동");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2_000_000);
        }
        assertThat(accessRows() - accessBefore).isEqualTo(3);

        // ---- where the winning works are used
        long usage = awards.record(receipts.get(0).entryId(), UsageType.MEDIA_WALL, LocalDate.of(2025, 11, 3),
                "구청 로비 미디어월 송출", "/staff/signage/contents/12");
        assertThat(awards.of(receipts.get(0).entryId())).extracting(WorkUsages.Usage::id).contains(usage);
        assertThatThrownBy(() -> awards.record(fourth, UsageType.SNS, LocalDate.of(2025, 11, 3), "", null))
                .hasMessageContaining("수상작");
        assertThatThrownBy(() -> awards.record(receipts.get(0).entryId(), UsageType.SNS, LocalDate.of(2025, 11, 3), "",
                "javascript:alert(1)")).hasMessageContaining("링크");
    }

    @Test
    void publicVoteIsOnePerVerifiedPhone() {
        long contestId = scenario.openContest(ContestKind.PHOTO, "사진 투표 " + System.nanoTime(), 3_000_000,
                Duration.ofHours(1), false, true);
        catalog.addCriterion(contestId, "작품성", "", 100);
        long panel = catalog.addPanel(contestId, "심사위원단");
        catalog.addJudge(contestId, panel, staff.create(Roles.VIEWER).id());
        var a = scenario.submit(contestId, "김사진", ContestScenario.randomMobile(), null,
                MediaFixtures.jpeg(MediaFixtures.picture(501, 900, 600), 0.9f, "vote-a.jpg"), "a.jpg", "골목");
        scenario.submit(contestId, "박사진", ContestScenario.randomMobile(), null,
                MediaFixtures.jpeg(MediaFixtures.picture(502, 900, 600), 0.9f, "vote-b.jpg"), "b.jpg", "시장");
        clock.setTo(clock.instant().plus(Duration.ofMinutes(90)));
        judging.start(contestId);
        var votes = scenario.votes();
        String phone = ContestScenario.randomMobile();
        votes.requestCode(contestId, phone);
        assertThatThrownBy(() -> votes.vote(contestId, phone, "000000", a.entryId())).isInstanceOf(DomainException.class);
        votes.requestCode(contestId, phone);
        votes.vote(contestId, phone, scenario.lastCode(phone), a.entryId());
        assertThatThrownBy(() -> votes.requestCode(contestId, "+82 " + phone.substring(1))).hasMessageContaining("이미 투표");
        assertThat(jdbc.sql("select count(*) from contests_vote where contest_id = :c").param("c", contestId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select phone_hash from contests_vote where contest_id = :c").param("c", contestId)
                .query(String.class).single()).doesNotContain(phone.substring(3));
    }

    @Test
    void nearDuplicatePhotosAreFlaggedAfterReencodingAndResizing() throws Exception {
        long contestId = scenario.openContest(ContestKind.PHOTO, "사진 중복 " + System.nanoTime(), 3_000_000,
                Duration.ofHours(1), false, false);
        var picture = MediaFixtures.picture(777, 1000, 700);
        var first = scenario.submit(contestId, "원작자", ContestScenario.randomMobile(), null,
                MediaFixtures.jpeg(picture, 0.95f, "orig-777.jpg"), "orig.jpg", "원본");
        var copy = scenario.submit(contestId, "복사자", ContestScenario.randomMobile(), null,
                MediaFixtures.jpeg(MediaFixtures.resize(picture, 0.5), 0.6f, "copy-777.jpg"), "copy.jpg", "사본");
        var other = scenario.submit(contestId, "다른이", ContestScenario.randomMobile(), null,
                MediaFixtures.jpeg(MediaFixtures.picture(778, 1000, 700), 0.9f, "other-778.jpg"), "other.jpg", "다른 사진");
        var flags = jdbc.sql("select entry_id, other_entry_id from contests_similarity where contest_id = :c")
                .param("c", contestId).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).list();
        assertThat(flags).containsExactly(List.of(copy.entryId(), first.entryId()));
        assertThat(flags).noneMatch(f -> f.contains(other.entryId()));
        StaffMember coordinator = staff.create(Roles.PR_MEDIA);
        String page = body(get("/staff/contests/{c}/entries", contestId), coordinator);
        assertThat(page).contains(first.receiptNo() + "와(과) 비슷함").contains("원*자").doesNotContain("원작자");
    }

    @Test
    void seededContestsOfThe2025Plan() throws Exception {
        var seeded = jdbc.sql("select seed_key, kind, prize_budget_won, prize_goods, programme_start, programme_end, "
                        + "themes, field, uses, min_duration_ms, max_duration_ms, new_this_year, status from contests_contest "
                        + "where seed_key like '2025-%' order by seed_key")
                .query().listOfRows();
        assertThat(seeded).hasSize(3);
        Map<String, Object> song = seeded.get(0);
        assertThat(song.get("seed_key")).isEqualTo("2025-brand-song");
        assertThat(song.get("prize_budget_won")).isEqualTo(1_000_000L);
        assertThat(song.get("prize_goods")).isEqualTo("도시브랜드 굿즈 세트");
        assertThat(song.get("programme_start").toString()).isEqualTo("2025-05-01");
        assertThat(song.get("field")).isEqualTo("생성형 AI 서비스를 활용한 작사·작곡");
        assertThat((String) song.get("themes")).contains("‘좋은도시 금천’ 도시브랜드");
        assertThat((String) song.get("uses")).contains("구청사 방송(상시), 각종 행사 시작 전 송출");
        assertThat(song.get("new_this_year")).isEqualTo(true);
        Map<String, Object> photo = seeded.get(1);
        assertThat(photo.get("prize_budget_won")).isEqualTo(3_000_000L);
        assertThat((String) photo.get("uses")).contains("수상 작품 전시 (구청로비, 미디어월, 홈페이지)");
        Map<String, Object> shortForm = seeded.get(2);
        assertThat(shortForm.get("prize_budget_won")).isEqualTo(4_000_000L);
        assertThat(shortForm.get("min_duration_ms")).isEqualTo(15_000L);
        assertThat(shortForm.get("max_duration_ms")).isEqualTo(60_000L);
        assertThat(shortForm.get("programme_end").toString()).isEqualTo("2025-10-31");
        assertThat(seeded).allMatch(r -> r.get("status").equals("DRAFT"));
        // staff see them; residents do not until published
        String staffList = body(get("/staff/contests"), staff.create(Roles.PR_MEDIA));
        assertThat(staffList).contains("2025 금천구 숏폼(짧은영상) 공모전").contains("4,000,000원");
        mvc.perform(get("/api/v1/contests")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.title == '2025 금천구 숏폼(짧은영상) 공모전')]").isEmpty());
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, StaffMember who)
            throws Exception {
        return mvc.perform(req.with(staff.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long scoreCount(long contestId) {
        return jdbc.sql("select count(*) from contests_score s join contests_entry e on e.id = s.entry_id where e.contest_id = :c")
                .param("c", contestId).query(Long.class).single();
    }

    private long accessRows() {
        return jdbc.sql("select count(*) from platform_audit_log where category = 'ACCESS' and summary like '상금 지급용%'")
                .query(Long.class).single();
    }

    private static ContestDefinition withBudget(ContestDefinition d, long budget) {
        return new ContestDefinition(d.kind(), d.title(), d.newThisYear(), d.purposes(), d.themes(), d.field(), d.uses(),
                d.rules(), d.programmeStart(), d.programmeEnd(), d.entryOpensAt(), d.entryClosesAt(), d.eligibility(),
                d.minAge(), d.guardianUnderAge(), d.maxEntriesPerPerson(), d.formats(), d.maxBytes(), d.minLongSide(),
                d.minDurationMs(), d.maxDurationMs(), budget, d.prizeGoods(), d.scoreScaleMax(), d.normaliseScores(),
                d.publicVote(), d.voteWeightPercent(), d.voteOpensAt(), d.voteClosesAt());
    }
}
