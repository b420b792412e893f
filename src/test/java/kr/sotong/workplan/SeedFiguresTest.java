package kr.sotong.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every figure the 2025 work plan prints comes out exactly, computed by the platform. */
@SotongTest
class SeedFiguresTest {

    @Autowired
    Workplan workplan;
    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void staffingIs21With23Actual() {
        Staffing s = workplan.staffing().orElseThrow();
        assertThat(s.referenceDate()).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(s.display()).isEqualTo("21 (23)");
        assertThat(s.grades()).extracting(Staffing.GradeRow::display)
                .containsExactly("0 (0)", "0 (0)", "1 (1)", "4 (4)", "9 (10)", "5 (5)", "2 (3)");
    }

    @Test
    void threeTeamsWithTheRenameKeptAsHistory() {
        Organization in2024 = workplan.organization(LocalDate.of(2024, 11, 1));
        Organization in2025 = workplan.organization(LocalDate.of(2025, 3, 1));
        assertThat(in2024.teams()).extracting(Organization.Team::name).containsExactly("홍보미디어팀", "언론팀", "시빅데이터팀");
        assertThat(in2025.teams()).extracting(Organization.Team::name).containsExactly("홍보미디어팀", "언론팀", "AI빅데이터팀");
        Organization.Team data = in2025.teams().get(2);
        assertThat(data.history()).extracting(Organization.TeamName::name).containsExactly("시빅데이터팀", "AI빅데이터팀");
        assertThat(data.duties()).hasSize(4).contains("직원의 정보화 운영 환경 개선, 홈페이지 운영, 구민 정보화교육 실시");
    }

    @Test
    void budgetTotalsChangesAndRatesAsPrinted() {
        BudgetReport b = workplan.budget(2025);
        assertThat(b.total().amountThousands()).isEqualTo(3_648_821);
        assertThat(b.total().previousThousands()).isEqualTo(3_302_921);
        assertThat(b.total().changeThousands()).isEqualTo(345_900);
        assertThat(b.total().changeRate()).isEqualTo("10.5");
        Map<BudgetCategory, BudgetReport.CategoryRow> rows = b.categories().stream()
                .collect(Collectors.toMap(BudgetReport.CategoryRow::category, r -> r));
        assertThat(rows.get(BudgetCategory.POLICY_PROGRAM)).extracting("amountThousands", "previousThousands", "changeThousands", "changeRate")
                .containsExactly(3_590_727L, 3_252_337L, 338_390L, "10.4");
        assertThat(rows.get(BudgetCategory.ADMINISTRATIVE)).extracting("amountThousands", "previousThousands", "changeThousands", "changeRate")
                .containsExactly(58_094L, 50_584L, 7_510L, "14.8");
        assertThat(rows.get(BudgetCategory.FINANCIAL)).extracting("amountThousands", "previousThousands", "changeThousands", "changeRate")
                .containsExactly(0L, 0L, 0L, "-");
        assertThat(b.basis()).isEqualTo("본예산");
        assertThat(b.previousBasis()).isEqualTo("당초예산");
    }

    @Test
    void programsPlanYearBudgetsAndMultiYearTotalsAsPrinted() {
        Map<String, Program> p = workplan.programs().stream().collect(Collectors.toMap(Program::code, x -> x));
        assertThat(p).hasSize(5);
        assertThat(p.get("P1").planYearBudgetThousands()).isEqualTo(227_644);
        assertThat(p.get("P1").fundingTotalThousands()).isEqualTo(283_644);
        assertThat(p.get("P2").planYearBudgetThousands()).isEqualTo(712_940);
        assertThat(p.get("P2").fundingTotalThousands()).isEqualTo(2_909_598);
        assertThat(p.get("P3").planYearBudgetThousands()).isEqualTo(539_160);
        assertThat(p.get("P3").fundingTotalThousands()).isEqualTo(2_156_336);
        assertThat(p.get("P4").planYearBudgetThousands()).isEqualTo(65_000);
        assertThat(p.get("P4").fundingTotalThousands()).isEqualTo(195_000);
        assertThat(p.get("P5").planYearBudgetThousands()).isEqualTo(190_995);
        assertThat(p.get("P5").fundingTotalThousands()).isEqualTo(824_140);
        assertThat(p.get("P2").fundingYears()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(p.get("P1").kind()).isEqualTo(ProgramKind.NEW);
        assertThat(p.get("P2").kind()).isEqualTo(ProgramKind.CONTINUING);
        assertThat(p.values()).extracting(Program::page).containsExactlyInAnyOrder(6, 10, 13, 15, 17);
        // the five programs fit inside the policy budget they belong to
        long programs2025 = p.values().stream().mapToLong(Program::planYearBudgetThousands).sum();
        assertThat(programs2025).isEqualTo(1_735_739).isLessThan(3_590_727);
    }

    @Test
    void kpiBaselinesCarryTheDocumentsFigures() {
        assertThat(kpi("P2-SMS-SUBSCRIBERS")).isEqualByComparingTo("37317");
        assertThat(kpi("P2-KAKAO-SUBSCRIBERS")).isEqualByComparingTo("19079");
        assertThat(kpi("P2-YOUTUBE-SUBSCRIBERS")).isEqualByComparingTo("6307");
        assertThat(kpi("P2-YOUTUBE-CONTENTS")).isEqualByComparingTo("178");
        assertThat(kpi("P2-BLOG-SUBSCRIBERS")).isEqualByComparingTo("15290");
        assertThat(kpi("P2-INSTAGRAM-SUBSCRIBERS")).isEqualByComparingTo("3864");
        assertThat(kpi("P2-EVENT-YOUTUBE")).isEqualByComparingTo("2876");
        assertThat(kpi("P3-NEWS-REPORTS-2024")).isEqualByComparingTo("27011");
        assertThat(kpi("P3-NEWS-REPORTS-2023")).isEqualByComparingTo("30772");
        assertThat(kpi("P3-NEWS-REPORTS-2022")).isEqualByComparingTo("29526");
        assertThat(kpi("P3-RELEASES-2024")).isEqualByComparingTo("564");
        assertThat(kpi("P3-RELEASES-2023")).isEqualByComparingTo("650");
        assertThat(kpi("P3-RELEASES-2022")).isEqualByComparingTo("623");
        assertThat(kpi("P3-FEATURES-2024")).isEqualByComparingTo("66");
        assertThat(kpi("P5-TRAINEES-2024")).isEqualByComparingTo("3245");
        BigDecimal office = kpi("P5-SMARTPHONE-OFFICE").add(kpi("P5-KIOSK-OFFICE")).add(kpi("P5-PC-OFFICE"));
        BigDecimal dong = kpi("P5-SMARTPHONE-DONG").add(kpi("P5-KIOSK-DONG")).add(kpi("P5-PC-DONG"));
        BigDecimal welfare = kpi("P5-SMARTPHONE-WELFARE").add(kpi("P5-KIOSK-WELFARE")).add(kpi("P5-PC-WELFARE"));
        assertThat(office).isEqualByComparingTo(kpi("P5-TRAINEES-OFFICE")).isEqualByComparingTo("1023");
        assertThat(dong).isEqualByComparingTo(kpi("P5-TRAINEES-DONG")).isEqualByComparingTo("39");
        assertThat(welfare).isEqualByComparingTo(kpi("P5-TRAINEES-WELFARE")).isEqualByComparingTo("2183");
        assertThat(office.add(dong).add(welfare)).isEqualByComparingTo("3245");
    }

    private BigDecimal kpi(String code) {
        return workplan.kpi(code).orElseThrow().baseline();
    }

    @Test
    void apiReportsTheSameFigures() throws Exception {
        var director = staff.create(Roles.DIRECTOR);
        mvc.perform(get("/api/v1/organization").with(staff.as(director))).andExpect(status().isOk())
                .andExpect(jsonPath("$.staffing.authorizedTotal").value(21))
                .andExpect(jsonPath("$.staffing.actualTotal").value(23))
                .andExpect(jsonPath("$.staffing.display").value("21 (23)"))
                .andExpect(jsonPath("$.teams.length()").value(3));
        mvc.perform(get("/api/v1/budget").param("year", "2025").with(staff.as(director))).andExpect(status().isOk())
                .andExpect(jsonPath("$.report.total.amountThousands").value(3648821))
                .andExpect(jsonPath("$.report.total.changeThousands").value(345900))
                .andExpect(jsonPath("$.report.total.changeRate").value("10.5"))
                .andExpect(jsonPath("$.report.categories[2].changeRate").value("-"));
        mvc.perform(get("/api/v1/programs").with(staff.as(director))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[1].fundingTotalThousands").value(2909598));
        mvc.perform(get("/api/v1/programs/P5").with(staff.as(director))).andExpect(status().isOk())
                .andExpect(jsonPath("$.program.title").value("정보취약계층 디지털 교육 강화사업"))
                .andExpect(jsonPath("$.fundingTotalThousands").value(824140));
        mvc.perform(get("/api/v1/budget").param("year", "1999").with(staff.as(director)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").exists());
        mvc.perform(get("/api/v1/programs/P9").with(staff.as(director))).andExpect(status().isNotFound());
    }
}
