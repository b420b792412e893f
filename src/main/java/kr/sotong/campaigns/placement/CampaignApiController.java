package kr.sotong.campaigns.placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: campaigns and their placements (staff session or bearer token). */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignApiController {

    record CampaignDto(long id, String code, String name, String description, LocalDate startsOn, LocalDate endsOn,
                       Long budgetThousands) {
    }

    record MetricDto(String metric, String label, LocalDate measuredFrom, LocalDate measuredTo, long value, String source) {
    }

    record PlacementDto(long id, String kind, String kindLabel, String title, String place, LocalDate startsOn,
                        LocalDate endsOn, Long costWon, String vendor, String status, String details, Integer heightMm,
                        Integer lengthMm, String ebookUrl, int photos, long impressions, long clicks,
                        BigDecimal clickThroughRatePercent, List<MetricDto> metrics) {
        static PlacementDto of(Placement p) {
            return new PlacementDto(p.getId(), p.getKind().name(), p.getKind().label(), p.getTitle(), p.getPlace(),
                    p.getStartsOn(), p.getEndsOn(), p.getCostWon(), p.getVendor(), p.getStatus().name(), p.getDetails(),
                    p.getHeightMm(), p.getLengthMm(), p.getEbookId() == null ? null : "/ebooks/" + p.getEbookId(),
                    p.getPhotos().size(), p.total(PlacementMetric.Metric.IMPRESSIONS),
                    p.total(PlacementMetric.Metric.CLICKS), CampaignService.clickThroughRate(p),
                    p.getMetrics().stream().map(m -> new MetricDto(m.metric().name(), m.label(), m.measuredFrom(),
                            m.measuredTo(), m.value(), m.source())).toList());
        }
    }

    private final CampaignService service;

    CampaignApiController(CampaignService service) {
        this.service = service;
    }

    @GetMapping
    List<CampaignDto> campaigns() {
        return service.campaigns().stream().map(c -> new CampaignDto(c.getId(), c.getCode(), c.getName(),
                c.getDescription(), c.getStartsOn(), c.getEndsOn(), c.getBudgetThousands())).toList();
    }

    @GetMapping("/{id}/placements")
    List<PlacementDto> placements(@PathVariable long id) {
        return service.placements(id).stream().map(PlacementDto::of).toList();
    }
}
