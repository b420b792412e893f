package kr.sotong.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import kr.sotong.platform.Roles;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Editing rules, permissions and bad input: clear Korean messages and nothing half-saved. */
@SotongTest
class WorkplanEditingTest {

    @Autowired
    Workplan workplan;
    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;

    @Test
    void amountsRejectCommasSpacesNegativesAndLetters() {
        assertThat(Amounts.parse("금액", "3648821")).isEqualTo(3_648_821);
        assertThat(Amounts.parse("금액", "0")).isZero();
        assertThatThrownBy(() -> Amounts.parse("금액", "3,648,821")).hasMessageContaining("쉼표 없이");
        assertThatThrownBy(() -> Amounts.parse("금액", "3648 821")).hasMessageContaining("공백");
        assertThatThrownBy(() -> Amounts.parse("금액", " 100")).hasMessageContaining("공백");
        assertThatThrownBy(() -> Amounts.parse("금액", "-5")).hasMessageContaining("0 이상");
        assertThatThrownBy(() -> Amounts.parse("금액", "12a")).hasMessageContaining("숫자만");
        assertThatThrownBy(() -> Amounts.parse("금액", "천원")).hasMessageContaining("숫자만");
        assertThatThrownBy(() -> Amounts.parse("금액", "1.5")).hasMessageContaining("소수");
        assertThatThrownBy(() -> Amounts.parse("금액", "")).hasMessageContaining("입력해 주세요");
        assertThatThrownBy(() -> Amounts.parse("금액", "99999999999999999999")).hasMessageContaining("너무 큽니다");
    }

    @Test
    void budgetLineFormRejectsBadAmountAndSavesNothing() throws Exception {
        var admin = staff.create(Roles.ADMIN);
        long before = count("workplan_budget_line");
        mvc.perform(post("/staff/workplan/budget/lines").with(staff.as(admin)).with(csrf())
                        .param("year", "2025").param("basis", "본예산").param("category", "POLICY_PROGRAM")
                        .param("source", "DISTRICT").param("description", "시험 항목").param("amount", "1,000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("쉼표 없이")));
        mvc.perform(post("/staff/workplan/budget/lines").with(staff.as(admin)).with(csrf())
                        .param("year", "2025").param("basis", "본예산").param("category", "POLICY_PROGRAM")
                        .param("source", "DISTRICT").param("description", "x".repeat(300)).param("amount", "1000"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("200자 이내")));
        mvc.perform(post("/staff/workplan/budget/lines").with(staff.as(admin)).with(csrf())
                        .param("year", "2025").param("basis", "추경").param("category", "POLICY_PROGRAM")
                        .param("source", "DISTRICT").param("description", "시험").param("amount", "1000"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("'본예산' 기준")));
        assertThat(count("workplan_budget_line")).isEqualTo(before);
        assertThat(workplan.budget(2025).total().amountThousands()).isEqualTo(3_648_821);
    }

    @Test
    void onlyAdminEditsTheBudgetAndOnlyTheTeamEditsItsProgram() throws Exception {
        var press = staff.create("PRESS", false, Roles.PRESS);
        var director = staff.create(Roles.DIRECTOR);
        mvc.perform(post("/staff/workplan/budget/lines").with(staff.as(director)).with(csrf())
                        .param("year", "2025").param("basis", "본예산").param("category", "POLICY_PROGRAM")
                        .param("source", "DISTRICT").param("description", "시험").param("amount", "1"))
                .andExpect(status().isForbidden());
        // the press team may not edit the PR media team's program …
        staff.runAs(press, () -> assertThatThrownBy(() -> workplan.addActivity("P1",
                new Workplan.ActivityInput(null, "언론팀이 넣는 항목", null, null, null, null, null, null)))
                .isInstanceOf(DomainException.class).hasMessageContaining("담당 팀만"));
        // … but its own
        staff.runAs(press, () -> {
            long id = workplan.addActivity("P3", new Workplan.ActivityInput("시험", "기자간담회 추가 개최",
                    LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31), null, "구청 기자실", "지역 언론 간담회", null));
            assertThat(workplan.activity(id)).get().extracting(Program.Activity::code).asString().startsWith("P3-A");
            workplan.deleteActivity(id);
        });
        // DIRECTOR reads everything but edits no program
        staff.runAs(director, () -> assertThatThrownBy(() -> workplan.setFunding("P3", 2028, FundingSource.DISTRICT, 1))
                .isInstanceOf(DomainException.class));
        staff.runAs(director, () -> assertThatThrownBy(() -> workplan.saveStaffing(LocalDate.now(), List.of()))
                .isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void activityEndingBeforeItStartsIsRefused() {
        var pr = staff.create("PR_MEDIA", false, Roles.PR_MEDIA);
        long before = count("workplan_activity");
        staff.runAs(pr, () -> assertThatThrownBy(() -> workplan.addActivity("P1", new Workplan.ActivityInput(null,
                "거꾸로 된 기간", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 1), null, null, null, null)))
                .hasMessageContaining("종료일이 시작일보다 앞설 수 없습니다"));
        staff.runAs(pr, () -> assertThatThrownBy(() -> workplan.addActivity("P1", new Workplan.ActivityInput(null,
                "가".repeat(201), null, null, null, null, null, null))).hasMessageContaining("200자 이내"));
        assertThat(count("workplan_activity")).isEqualTo(before);
    }

    @Test
    void duplicateTeamNamesAreRefusedAndRenamesKeepHistory() {
        var admin = staff.create(Roles.ADMIN);
        staff.runAs(admin, () -> {
            assertThatThrownBy(() -> workplan.addTeam("PRESS2", "언론팀", LocalDate.of(2025, 1, 1), List.of()))
                    .hasMessageContaining("같은 이름의 팀이 이미 있습니다");
            assertThatThrownBy(() -> workplan.addTeam("PRESS", "새 팀", LocalDate.of(2025, 1, 1), List.of()))
                    .hasMessageContaining("이미 있는 팀 코드");
            assertThatThrownBy(() -> workplan.renameTeam("PR_MEDIA", "언론팀", LocalDate.of(2026, 1, 1)))
                    .hasMessageContaining("같은 이름의 팀");
            assertThatThrownBy(() -> workplan.renameTeam("PR_MEDIA", "홍보팀", LocalDate.of(2020, 1, 1)))
                    .hasMessageContaining("시작일");
        });
        assertThat(workplan.organization(LocalDate.of(2025, 6, 1)).teams()).extracting(Organization.Team::name)
                .containsExactly("홍보미디어팀", "언론팀", "AI빅데이터팀");
    }

    @Test
    void staffingFormRejectsLettersAndKeepsTheStoredTable() throws Exception {
        var admin = staff.create(Roles.ADMIN);
        var req = post("/staff/workplan/staffing").with(staff.as(admin)).with(csrf()).param("referenceDate", "2024-10-31");
        for (int g = 3; g <= 9; g++) {
            req.param("authorized" + g, g == 7 ? "아홉" : "1").param("actual" + g, "1");
        }
        mvc.perform(req).andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("7급 정원")));
        assertThat(workplan.staffing().orElseThrow().display()).isEqualTo("21 (23)");
    }

    @Test
    void spendingIsIdempotentPerSourceReference() {
        String ref = "test-" + System.nanoTime();
        long before = workplan.burn(2025).spentWon();
        workplan.recordSpending(new SpendingRecord("test", ref, 2025, "P3", BudgetCategory.POLICY_PROGRAM, 1_500_000,
                LocalDate.of(2025, 3, 2), "지역신문 공고"));
        workplan.recordSpending(new SpendingRecord("test", ref, 2025, "P3", BudgetCategory.POLICY_PROGRAM, 2_000_000,
                LocalDate.of(2025, 3, 2), "지역신문 공고(정정)"));
        assertThat(workplan.burn(2025).spentWon() - before).isEqualTo(2_000_000);
        assertThatThrownBy(() -> workplan.recordSpending(new SpendingRecord("test", ref + "x", 2025, "P9",
                BudgetCategory.POLICY_PROGRAM, 1, LocalDate.now(), "x"))).isInstanceOf(DomainException.class);
        workplan.withdrawSpending("test", ref);
        assertThat(workplan.burn(2025).spentWon()).isEqualTo(before);
    }

    @Test
    void everyStaffPageRenders() throws Exception {
        var admin = staff.create(Roles.ADMIN);
        var viewer = staff.create(Roles.VIEWER);
        for (String page : List.of("/staff", "/staff/workplan", "/staff/workplan/organization", "/staff/workplan/budget",
                "/staff/workplan/budget?year=2024", "/staff/workplan/programs", "/staff/workplan/programs/P1",
                "/staff/workplan/programs/P5")) {
            mvc.perform(get(page).with(staff.as(admin))).andExpect(status().isOk());
            mvc.perform(get(page).with(staff.as(viewer))).andExpect(status().isOk());
        }
        long activity = workplan.program("P1").activities().get(0).id();
        mvc.perform(get("/staff/workplan/activities/" + activity).with(staff.as(admin))).andExpect(status().isOk());
        String dashboard = mvc.perform(get("/staff").with(staff.as(viewer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard).contains("21 (23)").contains("3,648,821").contains("10.5%");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
