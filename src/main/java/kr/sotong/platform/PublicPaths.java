package kr.sotong.platform;

import java.util.List;

/**
 * Security contribution of a module: request paths (Ant-style, e.g. {@code /press/**}) anyone may reach,
 * and paths exempt from CSRF (machine callbacks that authenticate otherwise, e.g. signed webhooks).
 * Everything under {@code /staff/**} and {@code /api/**} needs a staff session or bearer token unless a
 * module lists it here. Contribute it as a bean.
 */
public record PublicPaths(List<String> permitAll, List<String> csrfExempt) {

    public PublicPaths {
        permitAll = permitAll == null ? List.of() : List.copyOf(permitAll);
        csrfExempt = csrfExempt == null ? List.of() : List.copyOf(csrfExempt);
    }

    public static PublicPaths permitAll(String... patterns) {
        return new PublicPaths(List.of(patterns), List.of());
    }
}
