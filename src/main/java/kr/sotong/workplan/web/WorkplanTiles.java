package kr.sotong.workplan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.TileView;
import kr.sotong.platform.Formats;
import kr.sotong.workplan.BudgetBurn;
import kr.sotong.workplan.BudgetReport;
import kr.sotong.workplan.Program;
import kr.sotong.workplan.Staffing;
import kr.sotong.workplan.Workplan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The work plan's tiles on the director's dashboard: staffing, budget and burn, programs, key KPIs. */
@Configuration(proxyBeanMethods = false)
class WorkplanTiles {

    @Bean
    DashboardTile staffingTile(Workplan workplan) {
        return new Tile(1, () -> workplan.staffing().map(s -> {
            List<TileView.Row> rows = new ArrayList<>();
            for (Staffing.GradeRow g : s.grades()) {
                if (g.authorizedHeadcount() > 0 || g.actualHeadcount() > 0) {
                    rows.add(TileView.Row.of(g.grade() + "급", g.display()));
                }
            }
            return new TileView("인력 현황 정원(현원)", s.display(), "기준일 " + s.referenceDate() + " · 3팀", rows,
                    "/staff/workplan/organization", TileView.Tone.NORMAL);
        }));
    }

    @Bean
    DashboardTile budgetTile(Workplan workplan, Formats fmt) {
        return new Tile(2, () -> workplan.currentPlanYear().map(year -> {
            BudgetReport b = workplan.budget(year);
            BudgetBurn burn = workplan.burn(year);
            List<TileView.Row> rows = new ArrayList<>();
            for (BudgetReport.CategoryRow c : b.categories()) {
                rows.add(TileView.Row.of(c.label(), fmt.num(c.amountThousands())
                        + (c.changeThousands() == null ? "" : " (" + signed(fmt, c.changeThousands()) + ", " + c.changeRate() + "%)")));
            }
            rows.add(TileView.Row.of("집행액(원)", fmt.num(burn.spentWon()) + " (" + burn.rate() + "%)"));
            String caption = year + "년 예산(천원)" + (b.total().changeThousands() == null ? ""
                    : " · 전년 대비 " + signed(fmt, b.total().changeThousands()) + " (" + b.total().changeRate() + "%)");
            return new TileView("예산 현황", fmt.num(b.total().amountThousands()), caption, rows,
                    "/staff/workplan/budget?year=" + year, TileView.Tone.NORMAL);
        }));
    }

    @Bean
    DashboardTile programsTile(Workplan workplan, Formats fmt) {
        return new Tile(3, () -> {
            List<Program> programs = workplan.programs();
            if (programs.isEmpty()) {
                return Optional.empty();
            }
            List<TileView.Row> rows = programs.stream().map(p -> new TileView.Row(
                    p.seq() + ". " + p.title() + " (" + p.kind().label() + ")",
                    p.status().label() + " · " + (p.planYearBudgetThousands() == null ? "-" : fmt.num(p.planYearBudgetThousands()) + "천원"),
                    "/staff/workplan/programs/" + p.code())).toList();
            return Optional.of(new TileView("주요사업", Integer.toString(programs.size()), "사업별 상태·소요예산", rows,
                    "/staff/workplan/programs", TileView.Tone.NORMAL));
        });
    }

    @Bean
    DashboardTile kpiTile(Workplan workplan, Formats fmt) {
        return new Tile(4, () -> {
            List<TileView.Row> rows = new ArrayList<>();
            for (String code : List.of("P2-SMS-SUBSCRIBERS", "P2-KAKAO-SUBSCRIBERS", "P2-YOUTUBE-SUBSCRIBERS",
                    "P3-NEWS-REPORTS-2024", "P3-RELEASES-2024", "P5-TRAINEES-2024")) {
                workplan.kpi(code).ifPresent(k -> rows.add(TileView.Row.of(k.name(),
                        (k.actual() != null ? fmt.num(k.actual()) + " (실적)" : fmt.num(k.baseline())) + k.unit())));
            }
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TileView("핵심 성과지표", null, "기준값은 2024년 업무계획 수치", rows,
                    "/staff/workplan/programs", TileView.Tone.NORMAL));
        });
    }

    private static String signed(Formats fmt, long v) {
        return (v > 0 ? "+" : "") + fmt.num(v);
    }

    /** A tile from a supplier. */
    record Tile(int order, java.util.function.Supplier<Optional<TileView>> view) implements DashboardTile {
        @Override
        public Optional<TileView> render() {
            return view.get();
        }
    }
}
