package kr.sotong.platform;

import java.util.Set;

/**
 * A navigation entry contributed by a module ({@link Navigation}).
 *
 * @param section grouping in the staff menu: a team name such as 홍보미디어팀, 언론팀, AI빅데이터팀, or 공통
 * @param label   Korean label, or a message key in braces such as {@code {nav.press}}
 * @param roles   roles that see the link; empty = all staff (public links ignore roles)
 */
public record NavLink(String section, String label, String href, int order, Set<String> roles) {

    public NavLink {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static NavLink of(String section, String label, String href, int order, String... roles) {
        return new NavLink(section, label, href, order, Set.of(roles));
    }
}
