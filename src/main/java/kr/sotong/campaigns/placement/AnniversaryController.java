package kr.sotong.campaigns.placement;

import kr.sotong.newsletter.EBookLibrary;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public page of the 30th anniversary: the guidebook e-book and where the campaign can be seen. */
@Controller
class AnniversaryController {

    private final CampaignService service;
    private final EBookLibrary ebooks;

    AnniversaryController(CampaignService service, EBookLibrary ebooks) {
        this.service = service;
        this.ebooks = ebooks;
    }

    @GetMapping("/anniversary")
    String page(Model model) {
        Campaign c = service.byCode(Campaign.ANNIVERSARY_30)
                .orElseThrow(() -> DomainException.notFound("캠페인", Campaign.ANNIVERSARY_30));
        var placements = service.placements(c.getId()).stream()
                .filter(p -> p.getStatus() != Placement.Status.CANCELLED).toList();
        model.addAttribute("campaign", c);
        model.addAttribute("placements", placements);
        model.addAttribute("guidebooks", placements.stream().filter(p -> p.getEbookId() != null)
                .map(p -> ebooks.find(p.getEbookId())).flatMap(java.util.Optional::stream)
                .filter(b -> b.published()).toList());
        return "campaigns/site-anniversary";
    }
}
