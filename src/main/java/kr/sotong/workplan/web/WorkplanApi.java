package kr.sotong.workplan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.BudgetBurn;
import kr.sotong.workplan.BudgetReport;
import kr.sotong.workplan.Organization;
import kr.sotong.workplan.Program;
import kr.sotong.workplan.Staffing;
import kr.sotong.workplan.Workplan;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the work plan (staff session or bearer token). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "업무계획", description = "조직·인력, 예산, 주요사업")
class WorkplanApi {

    private final Workplan workplan;

    WorkplanApi(Workplan workplan) {
        this.workplan = workplan;
    }

    record StaffingJson(java.time.LocalDate referenceDate, List<Staffing.GradeRow> grades, int authorizedTotal,
                        int actualTotal, String display) {
    }

    record OrganizationJson(String department, String organization, java.time.LocalDate asOf,
                            List<Organization.Team> teams, StaffingJson staffing) {
    }

    @GetMapping("/organization")
    @Operation(summary = "조직(팀, 이름 변경 이력, 업무)과 직급별 정원·현원")
    OrganizationJson organization() {
        Organization o = workplan.organization();
        Staffing s = o.staffing();
        return new OrganizationJson(o.departmentName(), o.organization(), o.asOf(), o.teams(), s == null ? null
                : new StaffingJson(s.referenceDate(), s.grades(), s.authorizedTotal(), s.actualTotal(), s.display()));
    }

    record BudgetJson(BudgetReport report, BudgetBurn burn) {
    }

    @GetMapping("/budget")
    @Operation(summary = "회계연도 예산: 항목, 구분별 합계, 전년 대비 증감과 증감률(천원)")
    BudgetJson budget(@RequestParam(required = false) Integer year) {
        int y = year != null ? year : workplan.currentPlanYear()
                .orElseThrow(() -> DomainException.notFound("예산", "등록된 회계연도 없음"));
        if (!workplan.budgetYears().contains(y)) {
            throw DomainException.notFound("예산", y + "년");
        }
        return new BudgetJson(workplan.budget(y), workplan.burn(y));
    }

    record ProgramJson(Program program, Long planYearBudgetThousands, long fundingTotalThousands) {
        static ProgramJson of(Program p) {
            return new ProgramJson(p, p.planYearBudgetThousands(), p.fundingTotalThousands());
        }
    }

    @GetMapping("/programs")
    @Operation(summary = "주요사업 목록(추진계획, 성과지표, 연차별 소요재원 포함)")
    List<ProgramJson> programs() {
        return workplan.programs().stream().map(ProgramJson::of).toList();
    }

    @GetMapping("/programs/{id}")
    @Operation(summary = "주요사업 하나 (id 또는 코드 P1~P5)")
    ProgramJson program(@PathVariable String id) {
        if (id.matches("\\d{1,18}")) {
            return ProgramJson.of(workplan.program(Long.parseLong(id)));
        }
        return ProgramJson.of(workplan.program(id));
    }
}
