package kr.sotong.newsletter.support;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.newsletter.contribution.ContributionService;
import kr.sotong.newsletter.distribution.DistributionService;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import org.springframework.stereotype.Component;

/** Dashboard: distribution points not inspected for N days, contributions waiting for review. */
@Component
class NewsletterTiles implements DashboardTile {

    private final DistributionService distribution;
    private final ContributionService contributions;
    private final NewsletterProperties properties;

    NewsletterTiles(DistributionService distribution, ContributionService contributions, NewsletterProperties properties) {
        this.distribution = distribution;
        this.contributions = contributions;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 130;
    }

    @Override
    public Set<String> visibleToRoles() {
        return Set.of(Roles.PR_MEDIA, Roles.DIRECTOR, Roles.ADMIN);
    }

    @Override
    public Optional<TileView> render() {
        int days = properties.inspectionOverdueDays();
        var overdue = distribution.overdue(days);
        long pending = contributions.pending();
        TileView tile = TileView.of("소식지 금천향기", overdue.size() + "곳",
                        days + "일 넘게 점검하지 않은 배부처", "/staff/newsletter/distribution?days=" + days)
                .withRows(List.of(
                        new TileView.Row("검토 기다리는 독자 참여", pending + "건", "/staff/newsletter/contributions"),
                        TileView.Row.of("사용 중인 배부처", distribution.points().stream().filter(p -> p.isActive()).count() + "곳")));
        return Optional.of(overdue.isEmpty() ? tile : tile.withTone(TileView.Tone.WARNING));
    }
}
