package kr.sotong.campaigns.placement;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import org.springframework.stereotype.Component;

/** Menu entries and the dashboard tile of the campaigns module. */
@Component
class CampaignNavigation implements Navigation, DashboardTile {

    private final CampaignService service;
    private final Clock clock;

    CampaignNavigation(CampaignService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public List<NavLink> staffLinks() {
        return List.of(NavLink.of("홍보미디어팀", "캠페인·매체 (개청 30주년)", "/staff/campaigns", 40, Roles.PR_MEDIA,
                Roles.VIEWER));
    }

    @Override
    public List<NavLink> publicLinks() {
        return List.of(NavLink.of("", "개청 30주년", "/anniversary", 40));
    }

    @Override
    public int order() {
        return 140;
    }

    @Override
    public Set<String> visibleToRoles() {
        return Set.of(Roles.PR_MEDIA, Roles.DIRECTOR, Roles.ADMIN);
    }

    @Override
    public Optional<TileView> render() {
        YearMonth now = YearMonth.now(clock);
        return service.byCode(Campaign.ANNIVERSARY_30).map(c -> {
            var placements = service.placements(c.getId());
            long running = placements.stream().filter(p -> p.activeIn(now) && p.getStatus() != Placement.Status.CANCELLED)
                    .count();
            return TileView.of(c.getName(), running + "건", now.getYear() + "년 " + now.getMonthValue() + "월에 게시 기간인 매체",
                    "/staff/campaigns/" + c.getId()).withRows(List.of(TileView.Row.of("전체 매체", placements.size() + "건")));
        });
    }
}
