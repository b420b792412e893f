package kr.sotong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the menus and the signed-in staff member into every page's model. Skipped for REST handlers (their responses
 * have no layout); the menus are collected from the {@link Navigation} beans once per locale, not on every request.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    /** Order of the staff menu sections. */
    static final List<String> SECTIONS = List.of("업무계획", "홍보미디어팀", "언론팀", "AI빅데이터팀", "정보화교육", "관리");

    private final ObjectProvider<Navigation> navigations;
    private final StaffDirectory staff;
    private final org.springframework.context.MessageSource messages;

    LayoutModel(ObjectProvider<Navigation> navigations, StaffDirectory staff,
                org.springframework.context.MessageSource messages) {
        this.navigations = navigations;
        this.staff = staff;
        this.messages = messages;
    }

    /** Labels written as {@code {message.key}} are looked up in the messages of the current locale. */
    private NavLink resolve(NavLink link) {
        String l = link.label();
        if (l != null && l.length() > 2 && l.startsWith("{") && l.endsWith("}")) {
            String key = l.substring(1, l.length() - 1);
            String text = messages.getMessage(key, null, key,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale());
            return new NavLink(link.section(), text, link.href(), link.order(), link.roles());
        }
        return link;
    }

    public record Section(String name, List<NavLink> links) {
    }

    /** Every staff and public link by locale, labels resolved, in menu order (the Navigation beans are fixed). */
    private record Links(List<NavLink> staff, List<NavLink> pub) {
    }

    private static final int MAX_CACHED_LOCALES = 8;
    private final Map<Locale, Links> links = new ConcurrentHashMap<>();

    private Links links() {
        Locale locale = LocaleContextHolder.getLocale();
        Links l = links.get(locale);
        if (l == null) {
            l = new Links(navigations.orderedStream().flatMap(n -> n.staffLinks().stream()).map(this::resolve).toList(),
                    navigations.orderedStream().flatMap(n -> n.publicLinks().stream()).map(this::resolve)
                            .sorted(Comparator.comparingInt(NavLink::order).thenComparing(NavLink::label)).toList());
            if (links.size() < MAX_CACHED_LOCALES) { // ?lang= accepts any locale: do not let requests grow the cache
                links.put(locale, l);
            }
        }
        return l;
    }

    /** A REST handler renders no page: the layout's model would be computed for nothing. */
    private static boolean rest(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod h
                && (h.hasMethodAnnotation(ResponseBody.class) || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), ResponseBody.class));
    }

    @ModelAttribute("currentStaff")
    StaffMember currentStaff(HttpServletRequest request) {
        return rest(request) ? null : staff.current().orElse(null);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("staffNav")
    List<Section> staffNav(HttpServletRequest request) {
        if (rest(request) || !request.getRequestURI().startsWith(request.getContextPath() + "/staff")) {
            return List.of();
        }
        StaffMember me = staff.current().orElse(null);
        if (me == null) {
            return List.of();
        }
        Map<String, List<NavLink>> bySection = new LinkedHashMap<>();
        SECTIONS.forEach(s -> bySection.put(s, new ArrayList<>()));
        links().staff().stream().filter(l -> visible(l, me))
                .forEach(l -> bySection.computeIfAbsent(l.section(), k -> new ArrayList<>()).add(l));
        List<Section> sections = new ArrayList<>();
        bySection.forEach((name, links) -> {
            if (!links.isEmpty()) {
                links.sort(Comparator.comparingInt(NavLink::order).thenComparing(NavLink::label));
                sections.add(new Section(name, List.copyOf(links)));
            }
        });
        return sections;
    }

    /** ADMIN sees everything; DIRECTOR reads everything but administration; others by role. */
    static boolean visible(NavLink link, StaffMember me) {
        if (link.roles().isEmpty() || me.hasRole("ADMIN") || link.roles().stream().anyMatch(me::hasRole)) {
            return true;
        }
        return me.hasRole("DIRECTOR") && !link.roles().equals(java.util.Set.of("ADMIN"));
    }

    @ModelAttribute("publicNav")
    List<NavLink> publicNav(HttpServletRequest request) {
        return rest(request) ? List.of() : links().pub();
    }
}
