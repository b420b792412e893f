package kr.sotong.campaigns.placement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Campaigns extends ListCrudRepository<Campaign, Long> {

    Optional<Campaign> findByCode(String code);

    List<Campaign> findAllByOrderByStartsOnDesc();
}

interface Placements extends ListCrudRepository<Placement, Long> {

    List<Placement> findByCampaignIdOrderByStartsOnAscIdAsc(long campaignId);

    Optional<Placement> findBySeedKey(String seedKey);
}
