package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.sotong.platform.Roles;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Who may move a release, each step audited, bad input refused with Korean messages and nothing half-saved. */
@SotongTest
class ReleaseWorkflowTest {

    @Autowired
    PressFixtures fx;
    @Autowired
    PressOffice office;
    @Autowired
    Staff staff;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    @Test
    void drafterCannotReviewOrApproveAndOnlyTheRightRoleMovesEachStep() {
        var t = fx.team();
        long[] id = new long[1];
        staff.runAs(t.drafter(), () -> {
            id[0] = office.create(PressFixtures.draft("권한 시험 " + PressFixtures.unique(), in(Duration.ofHours(1)),
                    in(Duration.ofHours(2)), fx.quietList()));
            office.submit(id[0], null);
            // the drafter cannot review (not a team lead) nor approve (no DIRECTOR role)
            assertThatThrownBy(() -> office.review(id[0], null)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("언론팀장만");
            assertThatThrownBy(() -> office.approve(id[0], null)).isInstanceOf(AccessDeniedException.class);
        });
        // a team lead who drafted cannot review their own release
        var leadDrafter = staff.create("PRESS", true, Roles.PRESS);
        staff.runAs(leadDrafter, () -> {
            long own = office.create(PressFixtures.draft("팀장 초안 " + PressFixtures.unique(), in(Duration.ofHours(1)),
                    in(Duration.ofHours(2)), fx.quietList()));
            office.submit(own, null);
            assertThatThrownBy(() -> office.review(own, null)).hasMessageContaining("작성자는 자기 보도자료를 검토");
        });
        // the director cannot approve before the team lead's review
        staff.runAs(t.director(), () -> assertThatThrownBy(() -> office.approve(id[0], null))
                .hasMessageContaining("'팀장 검토 중' 상태에서는 결재"));
        staff.runAs(t.lead(), () -> office.review(id[0], "확인"));
        // the team lead cannot approve
        staff.runAs(t.lead(), () -> assertThatThrownBy(() -> office.approve(id[0], null))
                .isInstanceOf(AccessDeniedException.class));
        staff.runAs(t.director(), () -> {
            office.approve(id[0], "승인");
            assertThat(office.release(id[0]).status()).isEqualTo(ReleaseStatus.SCHEDULED);
        });
        // every step is in the audit log
        List<String> actions = jdbc.sql("select action from platform_audit_log where entity_type = 'PressRelease' and entity_id = :id order by id")
                .param("id", String.valueOf(id[0])).query(String.class).list();
        assertThat(actions).containsSubsequence("press.release.create", "press.release.submit", "press.release.review",
                "press.release.approve");
    }

    @Test
    void rejectionNeedsAReasonAndReturnsTheDraft() {
        var t = fx.team();
        long[] id = new long[1];
        staff.runAs(t.drafter(), () -> {
            id[0] = office.create(PressFixtures.draft("반려 시험 " + PressFixtures.unique(), in(Duration.ofHours(1)),
                    in(Duration.ofHours(2)), fx.quietList()));
            office.submit(id[0], null);
        });
        staff.runAs(t.lead(), () -> {
            assertThatThrownBy(() -> office.reject(id[0], " ")).hasMessageContaining("반려 사유");
            office.reject(id[0], "부제를 더 짧게");
        });
        staff.runAs(t.drafter(), () -> {
            assertThat(office.release(id[0]).status()).isEqualTo(ReleaseStatus.DRAFT);
            assertThat(office.comments(id[0])).anyMatch(c -> c.kind().equals("REJECT") && "부제를 더 짧게".equals(c.text()));
        });
    }

    @Test
    void viewerCannotEditAndDoesNotSeeDrafts() throws Exception {
        var t = fx.team();
        var viewer = staff.create(Roles.VIEWER);
        long[] id = new long[1];
        staff.runAs(t.drafter(), () -> id[0] = office.create(PressFixtures.draft("열람자 시험 " + PressFixtures.unique(),
                in(Duration.ofHours(1)), in(Duration.ofHours(2)), fx.quietList())));
        long before = jdbc.sql("select count(*) from press_release").query(Long.class).single();
        mvc.perform(post("/staff/press/releases").with(staff.as(viewer)).with(csrf()).param("title", "열람자가 쓴 글")
                .param("body", "본문").param("distributeAt", "2030-01-01T09:00").param("embargoUntil", "2030-01-01T10:00"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/press/releases").with(staff.as(viewer)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"x\",\"body\":\"y\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/staff/press/releases/" + id[0] + "/submit").with(staff.as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from press_release").query(Long.class).single()).isEqualTo(before);
        // the draft is invisible to a viewer on staff pages and in the API
        mvc.perform(get("/staff/press/releases/" + id[0]).with(staff.as(viewer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/press/releases/" + id[0]).with(staff.as(viewer))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/press/releases/" + id[0]).with(staff.as(t.drafter()))).andExpect(status().isOk());
    }

    @Test
    void badInputIsRefusedWithKoreanMessagesAndNothingSaved() throws Exception {
        var t = fx.team();
        long before = jdbc.sql("select count(*) from press_release").query(Long.class).single();
        staff.runAs(t.drafter(), () -> {
            assertThatThrownBy(() -> office.create(PressFixtures.draft("  ", in(Duration.ofHours(1)), in(Duration.ofHours(2)),
                    fx.quietList()))).hasMessageContaining("제목을(를) 입력해 주세요");
            assertThatThrownBy(() -> office.create(PressFixtures.draft("과거 엠바고", in(Duration.ofHours(-3)),
                    in(Duration.ofHours(-2)), fx.quietList()))).hasMessageContaining("보도 시점이 이미 지났습니다");
            assertThatThrownBy(() -> office.create(PressFixtures.draft("거꾸로", in(Duration.ofHours(3)), in(Duration.ofHours(2)),
                    fx.quietList()))).hasMessageContaining("보도 시점이 배포 일시보다 앞설 수 없습니다");
            assertThatThrownBy(() -> office.create(PressFixtures.draft("없는 목록", in(Duration.ofHours(1)),
                    in(Duration.ofHours(2)), List.of("NOPE-LIST")))).hasMessageContaining("없는 배포 목록");
        });
        // the form shows the Korean message and keeps what was typed
        mvc.perform(post("/staff/press/releases").with(staff.as(t.drafter())).with(csrf()).param("title", "")
                        .param("body", "본문").param("distributeAt", "2030-01-01T09:00").param("embargoUntil", "내일 아침"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", org.hamcrest.Matchers.containsString("형식이 올바르지 않습니다")));
        // the API answers with a ProblemDetail
        mvc.perform(post("/api/v1/press/releases").with(staff.as(t.drafter())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\",\"body\":\"본문\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("제목")));
        assertThat(jdbc.sql("select count(*) from press_release").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void contactTableIsRequiredBeforeReviewAndRevisionsHaveADiff() {
        var t = fx.team();
        staff.runAs(t.drafter(), () -> {
            ReleaseDraft d = PressFixtures.draft("연락처 시험 " + PressFixtures.unique(), in(Duration.ofHours(1)),
                    in(Duration.ofHours(2)), fx.quietList());
            ReleaseDraft noContact = new ReleaseDraft(d.title(), d.subtitle(), d.body(), null, null, null, null,
                    d.distributeAt(), d.embargoUntil(), List.of(), null, null);
            long id = office.create(noContact);
            assertThatThrownBy(() -> office.submit(id, null)).hasMessageContaining("연락처 표가 비어 있습니다");
            office.update(id, office.release(id).lockVersion(), new ReleaseDraft(d.title(), d.subtitle(),
                    d.body().replace("가이드북을", "안내서를"), d.department(), d.responsible(), d.contactName(),
                    d.contactPhone(), d.distributeAt(), d.embargoUntil(), List.of(), null, null));
            assertThat(office.revisions(id)).hasSize(2);
            var diff = office.diff(id, 1, 2);
            assertThat(diff).anyMatch(l -> l.op() == LineDiff.Op.ADDED && l.text().contains("안내서를"));
            assertThat(diff).anyMatch(l -> l.op() == LineDiff.Op.REMOVED && l.text().contains("가이드북을"));
            assertThat(diff).anyMatch(l -> l.op() == LineDiff.Op.ADDED && l.text().equals("담당자: 홍길동"));
            // a stale lock version is refused
            assertThatThrownBy(() -> office.update(id, 0, d)).hasMessageContaining("다른 사용자가 먼저");
            office.submit(id, null);
        });
    }
}
