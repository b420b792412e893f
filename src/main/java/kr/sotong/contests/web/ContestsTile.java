package kr.sotong.contests.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.contests.core.Contest;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestStatus;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import org.springframework.stereotype.Component;

/** Dashboard: entries received in open contests, deadlines, contests in judging. */
@Component
class ContestsTile implements DashboardTile {

    private final ContestCatalog catalog;
    private final Clock clock;

    ContestsTile(ContestCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 160;
    }

    @Override
    public Set<String> visibleToRoles() {
        return Set.of(Roles.PR_MEDIA);
    }

    @Override
    public Optional<TileView> render() {
        List<Contest> live = catalog.published().stream()
                .filter(c -> c.status() == ContestStatus.OPEN || c.status() == ContestStatus.JUDGING
                        || c.status() == ContestStatus.AWARDED)
                .toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        List<TileView.Row> rows = new ArrayList<>();
        for (Contest c : live) {
            long n = catalog.entryCount(c.id());
            total += n;
            String state;
            if (c.status() == ContestStatus.OPEN && c.def().entryClosesAt() != null) {
                long days = Duration.between(clock.instant(), c.def().entryClosesAt()).toDays();
                state = catalog.acceptsEntriesNow(c) ? "접수 " + n + "편 · 마감 D-" + Math.max(0, days) : "접수 " + n + "편 · " + c.status().label();
            } else {
                state = c.status().label() + " · " + n + "편";
            }
            rows.add(new TileView.Row(c.title(), state, "/staff/contests/" + c.id()));
        }
        return Optional.of(TileView.of("공모전", total + "편", "진행 중인 공모전의 응모작", "/staff/contests").withRows(rows));
    }
}
