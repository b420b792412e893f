package kr.sotong.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.messaging.internal.Contact;
import kr.sotong.messaging.internal.Subscribers;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Residents' pages: subscribe with double opt-in, unsubscribe by link, re-confirm advertising consent. */
@Controller
class PublicSubscriptionPages {

    static final String PENDING = "messaging.pending";

    private final Subscribers subscribers;
    private final RateLimits limits;
    private final MessageSource messages;

    PublicSubscriptionPages(Subscribers subscribers, RateLimits limits, MessageSource messages) {
        this.subscribers = subscribers;
        this.limits = limits;
        this.messages = messages;
    }

    record Pending(SubscriberChannel channel, String contact, String masked) implements java.io.Serializable {
    }

    private String text(DomainException e) {
        return messages.getMessage(e.code(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    static SubscriberChannel channel(String s) {
        try {
            return s == null || s.isBlank() ? null : SubscriberChannel.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new DomainException("messaging.channel.invalid", "받을 방법을 다시 골라 주세요.");
        }
    }

    @GetMapping("/subscribe")
    String form(Model model) {
        model.addAttribute("channels", SubscriberChannel.values());
        model.addAttribute("wording", Subscribers.WORDING_VERSION);
        return "messaging/subscribe";
    }

    @PostMapping("/subscribe")
    String request(@RequestParam(required = false) String channel, @RequestParam(required = false) String contact,
                   @RequestParam(required = false) String agree, @RequestParam(required = false) String advertising,
                   @RequestParam(required = false) String night, HttpServletRequest request, HttpSession session, Model model) {
        model.addAttribute("channels", SubscriberChannel.values());
        model.addAttribute("wording", Subscribers.WORDING_VERSION);
        model.addAttribute("form", java.util.Map.of("channel", channel == null ? "" : channel, "contact", contact == null ? "" : contact,
                "advertising", advertising != null, "night", night != null));
        try {
            limits.acquire("messaging.subscribe", request.getRemoteAddr(), 20, Duration.ofHours(1));
            SubscriberChannel ch = channel(channel);
            if (agree == null) {
                throw new DomainException("messaging.consent.required", "구정 소식 수신(필수)에 동의해야 구독할 수 있습니다.");
            }
            Contact c = Contact.of(ch, contact);
            var issued = subscribers.requestSubscription(ch, contact, advertising != null, night != null);
            session.setAttribute(PENDING, new Pending(ch, c.value(), issued.maskedDestination()));
            return "redirect:/subscribe/confirm";
        } catch (DomainException e) {
            model.addAttribute("error", text(e));
            return "messaging/subscribe";
        }
    }

    @GetMapping("/subscribe/confirm")
    String confirmForm(HttpSession session, Model model) {
        Object p = session.getAttribute(PENDING);
        if (!(p instanceof Pending pending)) {
            return "redirect:/subscribe";
        }
        model.addAttribute("pending", pending);
        return "messaging/confirm";
    }

    @PostMapping("/subscribe/confirm")
    String confirm(@RequestParam(required = false) String code, HttpSession session, Model model) {
        Object p = session.getAttribute(PENDING);
        if (!(p instanceof Pending pending)) {
            return "redirect:/subscribe";
        }
        model.addAttribute("pending", pending);
        try {
            var s = subscribers.confirm(pending.channel(), pending.contact(), code);
            session.removeAttribute(PENDING);
            model.addAttribute("subscriber", s);
            return "messaging/subscribed";
        } catch (DomainException e) {
            model.addAttribute("error", text(e));
            return "messaging/confirm";
        }
    }

    @GetMapping("/unsubscribe/{token}")
    String unsubscribeForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("subscriber", subscribers.byToken(token).orElse(null));
        return "messaging/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("subscriber", subscribers.optOutByToken(token));
            model.addAttribute("done", true);
        } catch (DomainException e) {
            model.addAttribute("error", text(e));
        }
        return "messaging/unsubscribe";
    }

    @GetMapping("/subscribe/reconfirm/{token}")
    String reconfirmForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("subscriber", subscribers.byToken(token).orElse(null));
        return "messaging/reconfirm";
    }

    @PostMapping("/subscribe/reconfirm/{token}")
    String reconfirm(@PathVariable String token, @RequestParam(required = false) String keep, Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("subscriber", subscribers.reconfirmAdvertising(token, "yes".equals(keep)));
            model.addAttribute("done", "yes".equals(keep) ? "kept" : "withdrawn");
        } catch (DomainException e) {
            model.addAttribute("subscriber", subscribers.byToken(token).orElse(null));
            model.addAttribute("error", text(e));
        }
        return "messaging/reconfirm";
    }
}
