package kr.sotong.newsletter.distribution;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface DistributionPoints extends ListCrudRepository<DistributionPoint, Long> {

    List<DistributionPoint> findAllByOrderByDongAscNameAsc();

    Optional<DistributionPoint> findByNameAndAddress(String name, String address);
}

interface Inspections extends ListCrudRepository<Inspection, Long> {

    List<Inspection> findByPointIdOrderByInspectedOnDescIdDesc(long pointId);
}
