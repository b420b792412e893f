package kr.sotong.press.web;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.PublicPaths;
import kr.sotong.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Public paths (the press room, its feed, the read API and calendar feeds) and the menu entries. */
@Configuration(proxyBeanMethods = false)
class PressWebConfig {

    @Bean
    PublicPaths pressPublicPaths() {
        return new PublicPaths(List.of("/press", "/press/**", "/press-plan/**", "/api/v1/press/releases",
                "/api/v1/press/releases/*"), List.of());
    }

    @Bean
    Navigation pressNavigation() {
        return new Navigation() {
            @Override
            public List<NavLink> staffLinks() {
                String[] read = {Roles.PRESS, Roles.DIRECTOR, Roles.VIEWER};
                return List.of(
                        NavLink.of("언론팀", "보도자료", "/staff/press", 10, read),
                        NavLink.of("언론팀", "언론홍보계획", "/staff/press/plan", 20, read),
                        NavLink.of("언론팀", "언론 연락처", "/staff/press/contacts", 30, Roles.PRESS, Roles.DIRECTOR),
                        NavLink.of("언론팀", "인터뷰·행사·교육", "/staff/press/relations", 40, read),
                        NavLink.of("언론팀", "구독·공고·광고", "/staff/press/subscriptions", 50, read),
                        NavLink.of("언론팀", "보도 통계", "/staff/press/stats", 60, read));
            }

            @Override
            public List<NavLink> publicLinks() {
                return List.of(NavLink.of("", "보도자료", "/press", 10));
            }
        };
    }
}
