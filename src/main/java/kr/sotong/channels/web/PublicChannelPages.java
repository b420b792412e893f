package kr.sotong.channels.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.sotong.channels.internal.Coupons;
import kr.sotong.channels.internal.SnsEvents;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.PhoneNumber;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Residents' pages: SNS events (entry form, commitment, seed, masked entrants and winners) and partner coupon redemption. */
@Controller
class PublicChannelPages {

    private final SnsEvents events;
    private final Coupons coupons;
    private final RateLimits limits;
    private final java.time.Clock clock;

    PublicChannelPages(SnsEvents events, Coupons coupons, RateLimits limits, java.time.Clock clock) {
        this.events = events;
        this.coupons = coupons;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping("/events")
    String list(Model model) {
        model.addAttribute("events", events.publicEvents());
        return "channels/public-events";
    }

    private SnsEvents.Event event(String slug) {
        return events.bySlug(slug).orElseThrow(() -> DomainException.notFound("이벤트", slug));
    }

    private String page(SnsEvents.Event e, Model model) {
        model.addAttribute("e", e);
        model.addAttribute("entrants", events.entryCount(e.id()));
        model.addAttribute("winners", e.status() == SnsEvents.Status.DRAWN ? events.winners(e.id()) : List.of());
        model.addAttribute("open", e.entryForm() && e.acceptingEntries(clock.instant()));
        return "channels/public-event";
    }

    @GetMapping("/events/{slug}")
    String event(@PathVariable String slug, Model model) {
        return page(event(slug), model);
    }

    @PostMapping("/events/{slug}/entry")
    String enter(@PathVariable String slug, @RequestParam(required = false) String phone, @RequestParam(required = false) String agree,
                 HttpServletRequest request, HttpSession session, Model model) {
        SnsEvents.Event e = event(slug);
        try {
            limits.acquire("channels.event-entry", request.getRemoteAddr(), 30, Duration.ofHours(1));
            if (agree == null) {
                throw new DomainException("channels.event.consent", "개인정보(휴대전화 번호) 수집·이용에 동의해야 응모할 수 있습니다.");
            }
            var issued = events.requestEntry(slug, phone);
            session.setAttribute("channels.entry." + slug, PhoneNumber.parse(phone).digits());
            model.addAttribute("masked", issued.maskedDestination());
            model.addAttribute("e", e);
            return "channels/public-entry-confirm";
        } catch (DomainException ex) {
            model.addAttribute("error", ex.getMessage());
            model.addAttribute("phone", phone);
            return page(e, model);
        }
    }

    @PostMapping("/events/{slug}/entry/confirm")
    String confirm(@PathVariable String slug, @RequestParam(required = false) String code, HttpSession session, Model model) {
        SnsEvents.Event e = event(slug);
        Object phone = session.getAttribute("channels.entry." + slug);
        if (!(phone instanceof String p)) {
            return "redirect:/events/" + slug;
        }
        model.addAttribute("e", e);
        try {
            var entry = events.confirmEntry(slug, p, code);
            session.removeAttribute("channels.entry." + slug);
            model.addAttribute("entry", entry);
            return "channels/public-entered";
        } catch (DomainException ex) {
            model.addAttribute("error", ex.getMessage());
            model.addAttribute("masked", PhoneNumber.parse(p).masked());
            return "channels/public-entry-confirm";
        }
    }

    /** The published draw data: commitment, masked entrant list and its hash, and the seed once revealed. */
    @GetMapping(value = "/events/{slug}/draw.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> draw(@PathVariable String slug) {
        SnsEvents.Event e = event(slug);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("event", e.title());
        m.put("status", e.status().name());
        m.put("winnersCount", e.winnersCount());
        m.put("commitment", e.seedHash());
        boolean frozen = e.status() == SnsEvents.Status.COMMITTED || e.status() == SnsEvents.Status.DRAWN;
        m.put("entrantList", frozen ? events.entrantList(e.id()) : null);
        m.put("entrantListSha256", e.entrantsHash());
        m.put("seed", e.seed());
        m.put("winners", events.winners(e.id()).stream().map(w -> Map.of("rank", w.winnerRank(), "entryNumber", w.seq(), "masked", w.masked())).toList());
        m.put("algorithm", "see /events/" + slug + " (추첨 방법)");
        return ResponseEntity.ok().header("Cache-Control", "no-cache").body(m);
    }

    @GetMapping("/coupons/redeem")
    String redeemForm() {
        return "channels/public-redeem";
    }

    @PostMapping("/coupons/redeem")
    String redeem(@RequestParam(required = false) String partnerCode, @RequestParam(required = false) String code,
                  HttpServletRequest request, Model model) {
        try {
            limits.acquire("channels.coupon-redeem", request.getRemoteAddr(), 60, Duration.ofMinutes(10));
            model.addAttribute("redeemed", coupons.redeem(partnerCode, code));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("code", code);
        }
        return "channels/public-redeem";
    }
}
