package kr.sotong.contests.web;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.PublicPaths;
import kr.sotong.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entries (홍보미디어팀: 공모전 관리, 공모전 심사) and the public API paths of the module. */
@Configuration(proxyBeanMethods = false)
class ContestsNavigation implements Navigation {

    static final String SECTION = "홍보미디어팀";

    @Override
    public List<NavLink> staffLinks() {
        return List.of(
                NavLink.of(SECTION, "공모전 관리", "/staff/contests", 60, Roles.PR_MEDIA),
                NavLink.of(SECTION, "공모전 심사", "/staff/judging", 61));
    }

    @Override
    public List<NavLink> publicLinks() {
        return List.of(NavLink.of("", "공모전", "/contests", 40));
    }

    @Bean
    PublicPaths contestsPublicPaths() {
        return PublicPaths.permitAll("/api/v1/contests", "/api/v1/contests/*/results");
    }
}
