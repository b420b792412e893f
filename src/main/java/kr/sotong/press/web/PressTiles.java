package kr.sotong.press.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import kr.sotong.press.PressOffice;
import kr.sotong.press.PressStatistics;
import kr.sotong.press.ReleaseStatus;
import kr.sotong.press.ReleaseSummary;


/** Dashboard tiles: this week's releases awaiting review/approval, and this year's output against the seed's baselines. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class PressTiles {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    record Tile(int order, Set<String> visibleToRoles, java.util.function.Supplier<Optional<TileView>> view)
            implements DashboardTile {
        @Override
        public Optional<TileView> render() {
            return view.get();
        }
    }

    @org.springframework.context.annotation.Bean
    static DashboardTile pressAwaitingTile(PressOffice office, Clock clock) {
        return new Tile(110, Set.of(Roles.PRESS, Roles.DIRECTOR), () -> {
            LocalDate today = LocalDate.now(clock.withZone(SEOUL));
            var weekEnd = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1).atStartOfDay(SEOUL).toInstant();
            List<ReleaseSummary> all = office.awaitingApproval();
            List<ReleaseSummary> week = all.stream().filter(r -> r.distributeAt().isBefore(weekEnd)).toList();
            long approval = week.stream().filter(r -> r.status() == ReleaseStatus.AWAITING_APPROVAL).count();
            List<TileView.Row> rows = new ArrayList<>();
            for (ReleaseSummary r : week.stream().limit(6).toList()) {
                rows.add(new TileView.Row(r.title(), r.status().label() + " · 배포 "
                        + java.time.format.DateTimeFormatter.ofPattern("M/d HH:mm").format(r.distributeAt().atZone(SEOUL)),
                        "/staff/press/releases/" + r.id()));
            }
            TileView v = new TileView("이번 주 결재 대기 보도자료", Long.toString(week.size()),
                    "과장 결재 대기 " + approval + "건 · 전체 대기 " + all.size() + "건", rows, "/staff/press",
                    approval > 0 ? TileView.Tone.WARNING : TileView.Tone.NORMAL);
            return Optional.of(v);
        });
    }

    @org.springframework.context.annotation.Bean
    static DashboardTile pressOutputTile(PressStatistics statistics) {
        return new Tile(111, Set.of(Roles.PRESS, Roles.DIRECTOR), () -> {
            int year = statistics.currentYear();
            PressStatistics.Stats s = statistics.stats(year);
            List<TileView.Row> rows = new ArrayList<>();
            for (PressStatistics.YearFigure f : s.releasesByYear()) {
                if (f.baseline() != null) {
                    rows.add(TileView.Row.of(f.year() + "년 보도자료", String.format("%,d건", f.baseline())
                            + (f.baselineLabel() == null ? "" : " (" + f.baselineLabel() + ")")));
                }
            }
            rows.add(TileView.Row.of("올해 인터뷰 등 기획보도", s.placements() + "건"));
            rows.add(TileView.Row.of("올해 발송(성공/실패)", s.delivered() + " / " + s.failed()));
            return Optional.of(new TileView(year + "년 보도자료 배포", String.format("%,d", s.releases()),
                    "원본 기준, 정정 " + s.corrections() + "건 별도", rows, "/staff/press/stats", TileView.Tone.NORMAL));
        });
    }
}
