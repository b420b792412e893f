package kr.sotong.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The coordinator's pages and forms, role checks, the dashboard tile and the public API. */
@SotongTest
class ContestStaffPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    ContestCatalog catalog;
    @Autowired
    ContestScenario scenario;
    @Autowired
    JdbcClient jdbc;

    private String page(String url, StaffMember who, Object... vars) throws Exception {
        return mvc.perform(get(url, vars).with(staff.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void coordinatorDefinesAContestThroughTheForms() throws Exception {
        StaffMember pr = staff.create(Roles.PR_MEDIA);
        assertThat(page("/staff/contests/new?kind=SHORT_VIDEO", pr)).contains("숏폼 영상").contains("name=\"formats\"");
        String title = "폼으로 만든 숏폼 " + System.nanoTime();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        LocalDateTime now = LocalDateTime.now();
        // bad input: the deadline before the start, a word for a number
        String bad = mvc.perform(post("/staff/contests").with(staff.as(pr)).with(csrf()).param("kind", "SHORT_VIDEO")
                        .param("title", title).param("formats", "MP4").param("maxMegabytes", "500")
                        .param("entryOpensAt", f.format(now.plusDays(2))).param("entryClosesAt", f.format(now.plusDays(1)))
                        .param("prizeBudgetWon", "4,000,000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("접수 마감은 접수 시작보다 뒤여야 합니다");
        assertThat(mvc.perform(post("/staff/contests").with(staff.as(pr)).with(csrf()).param("kind", "SHORT_VIDEO")
                        .param("title", title).param("formats", "MP4").param("maxMegabytes", "오백"))
                .andReturn().getResponse().getContentAsString()).contains("숫자로 입력하세요");
        assertThat(mvc.perform(post("/staff/contests").with(staff.as(pr)).with(csrf()).param("kind", "SHORT_VIDEO")
                        .param("title", title).param("formats", "MP4").param("maxMegabytes", "900"))
                .andReturn().getResponse().getContentAsString()).contains("500MB 이하");
        assertThat(jdbc.sql("select count(*) from contests_contest where title = :t").param("t", title).query(Long.class)
                .single()).isZero();

        String location = mvc.perform(post("/staff/contests").with(staff.as(pr)).with(csrf()).param("kind", "SHORT_VIDEO")
                        .param("title", title).param("themes", "개청30주년 기념\n금천의 다채로운 생활상(相)")
                        .param("eligibility", "RESIDENT").param("eligibility", "WORKER")
                        .param("formats", "MP4").param("formats", "MOV").param("maxMegabytes", "500")
                        .param("minDurationSeconds", "15").param("maxDurationSeconds", "60.0")
                        .param("entryOpensAt", f.format(now.minusHours(1))).param("entryClosesAt", f.format(now.plusDays(30)))
                        .param("prizeBudgetWon", "4,000,000원").param("scoreScaleMax", "10").param("normaliseScores", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var c = catalog.get(id);
        assertThat(c.def().prizeBudgetWon()).isEqualTo(4_000_000);
        assertThat(c.def().minDurationMs()).isEqualTo(15_000);
        assertThat(c.def().themes()).containsExactly("개청30주년 기념", "금천의 다채로운 생활상(相)");
        assertThat(c.requirementsText()).isEqualTo("MP4, MOV(QuickTime) · 최대 500MB · 길이 15.0초 이상 60.0초 이하");

        mvc.perform(post("/staff/contests/{id}/prizes", id).with(staff.as(pr)).with(csrf()).param("rank", "1")
                .param("name", "대상").param("winners", "1").param("amount", "1,500,000"))
                .andExpect(flash().attribute("info", "상을 추가했습니다."));
        mvc.perform(post("/staff/contests/{id}/prizes", id).with(staff.as(pr)).with(csrf()).param("rank", "2")
                        .param("name", "우수상").param("winners", "3").param("amount", "1,000,000"))
                .andExpect(flash().attribute("error", "상금 합계 4,500,000원이 총 시상금 예산 4,000,000원을 넘습니다."));
        mvc.perform(post("/staff/contests/{id}/criteria", id).with(staff.as(pr)).with(csrf()).param("name", "주제 적합성")
                .param("weight", "60"));
        mvc.perform(post("/staff/contests/{id}/criteria", id).with(staff.as(pr)).with(csrf()).param("name", "창의성")
                        .param("weight", "50"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("100을 넘습니다")));
        mvc.perform(post("/staff/contests/{id}/panels", id).with(staff.as(pr)).with(csrf()).param("name", "본심"));
        long panel = catalog.panels(id).get(0).id();
        StaffMember judge = staff.create(Roles.VIEWER);
        mvc.perform(post("/staff/contests/{id}/judges", id).with(staff.as(pr)).with(csrf())
                .param("panelId", String.valueOf(panel)).param("accountId", String.valueOf(judge.id())));
        String overview = page("/staff/contests/{id}", pr, id);
        assertThat(overview).contains("대상").contains("1,500,000원").contains("주제 적합성").contains(judge.displayName())
                .contains("가중치 합계: 60");
        mvc.perform(post("/staff/contests/{id}/publish", id).with(staff.as(pr)).with(csrf()))
                .andExpect(flash().attribute("info", org.hamcrest.Matchers.containsString("공고했습니다")));
        assertThat(page("/staff/contests/{id}/edit", pr, id)).contains(title);
        // the public sees it now
        assertThat(mvc.perform(get("/contests/{id}", id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(title).contains("금천구 거주자").contains("상금 총 4,000,000원");
        mvc.perform(get("/api/v1/contests")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$[?(@.id == " + id + ")].prizeBudgetWon").value(org.hamcrest.Matchers.contains(4_000_000)));
        // the judge is blocked from starting the contest's identity pages; the dashboard tile counts the contest
        assertThat(page("/staff", pr)).contains("공모전").contains(title);
    }

    @Test
    void entryPagesMaskRevealWithPurposeAndRoles() throws Exception {
        long id = scenario.openContest(ContestKind.PHOTO, "직원 화면 사진 " + System.nanoTime(), 3_000_000,
                Duration.ofHours(1), false, false);
        var receipt = scenario.submit(id, "남궁민수", ContestScenario.randomMobile(), "namgung@example.com",
                MediaFixtures.jpeg(MediaFixtures.picture(611, 900, 600), 0.9f, "staff-611.jpg"), "남궁_사진.jpg", "금천 골목");
        StaffMember pr = staff.create(Roles.PR_MEDIA);
        String detail = page("/staff/contests/{c}/entries/{e}", pr, id, receipt.entryId());
        assertThat(detail).contains("남**수").doesNotContain("남궁민수").doesNotContain("namgung@example.com");
        String noPurpose = mvc.perform(post("/staff/contests/{c}/entries/{e}/reveal", id, receipt.entryId())
                .with(staff.as(pr)).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(noPurpose).contains("목적을").doesNotContain("남궁민수");
        String revealed = mvc.perform(post("/staff/contests/{c}/entries/{e}/reveal", id, receipt.entryId())
                .with(staff.as(pr)).with(csrf()).param("purpose", "수상자 연락")).andReturn().getResponse().getContentAsString();
        assertThat(revealed).contains("남궁민수").contains("namgung@example.com");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where category = 'ACCESS' and entity_id = :e "
                        + "and summary like '%수상자 연락%'").param("e", String.valueOf(receipt.entryId())).query(Long.class)
                .single()).isEqualTo(1);
        mvc.perform(get("/staff/contests/{c}/entries/{e}/preview", id, receipt.entryId()).with(staff.as(pr)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("image/jpeg"));
        mvc.perform(get("/staff/contests/{c}/entries/{e}/original", id, receipt.entryId()).with(staff.as(pr)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
        // disqualify with a reason (empty reason refused), then reinstate
        mvc.perform(post("/staff/contests/{c}/entries/{e}/disqualify", id, receipt.entryId()).with(staff.as(pr)).with(csrf())
                .param("reason", " ")).andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("사유")));
        mvc.perform(post("/staff/contests/{c}/entries/{e}/disqualify", id, receipt.entryId()).with(staff.as(pr)).with(csrf())
                .param("reason", "주제와 무관")).andExpect(flash().attribute("info", "심사에서 제외했습니다."));
        assertThat(page("/staff/contests/{c}/entries", pr, id)).contains("심사 제외");
        mvc.perform(post("/staff/contests/{c}/entries/{e}/reinstate", id, receipt.entryId()).with(staff.as(pr)).with(csrf()))
                .andExpect(flash().attribute("info", "제외를 취소했습니다."));
        assertThat(page("/staff/contests/{c}/awards", pr, id)).contains("수상 결정");
        assertThat(page("/staff/contests/{c}/results", pr, id)).contains("활용 기록");
        assertThat(page("/staff/contests/{c}/judging", pr, id)).contains("아직 심사를 시작하지 않았습니다");
        // roles: a viewer may not see entries; a director may read but not change
        StaffMember viewer = staff.create(Roles.VIEWER);
        mvc.perform(get("/staff/contests/{c}/entries", id).with(staff.as(viewer))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/contests/{c}/entries", id).with(staff.as(viewer))).andExpect(status().isForbidden());
        StaffMember director = staff.create(Roles.DIRECTOR);
        assertThat(page("/staff/contests/{c}/entries", director, id)).contains(receipt.receiptNo());
        mvc.perform(post("/staff/contests/{c}/entries/{e}/disqualify", id, receipt.entryId()).with(staff.as(director))
                .with(csrf()).param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/contests/{c}/entries", id).with(staff.as(pr))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].entrant").value("남**수"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].phone")
                        .value(org.hamcrest.Matchers.startsWith("010-****-")));
        mvc.perform(get("/api/v1/contests/{c}/entries", id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/contests/{c}/results", id)).andExpect(status().isNotFound());
    }
}
