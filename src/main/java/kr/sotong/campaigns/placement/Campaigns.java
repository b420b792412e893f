package kr.sotong.campaigns.placement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Campaigns extends ListCrudRepository<Campaign, Long> {

    Optional<Campaign> findByCode(String code);

    List<Campaign> findAllByOrderByStartsOnDesc();
}

interface Placements extends ListCrudRepository<Placement, Long> {

    List<Placement> findByCampaignIdOrderByStartsOnAscIdAsc(long campaignId);

    Optional<Placement> findBySeedKey(String seedKey);

    /** All placements of a campaign and those not cancelled whose period overlaps [from, to] (dashboard tile). */
    @Query("""
            select count(*) as total,
                   count(*) filter (where status <> 'CANCELLED' and starts_on <= :to
                                    and (ends_on is null or ends_on >= :from)) as running
            from campaigns_placement where campaign_id = :campaignId""")
    PlacementCounts countPlacements(long campaignId, java.time.LocalDate from, java.time.LocalDate to);

    record PlacementCounts(long total, long running) {
    }
}
