package kr.sotong.opendata.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.requests.ProvisionDesk;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.PublicPaths;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Security, menu and dashboard contributions of the open-data module. */
@Configuration(proxyBeanMethods = false)
class OpenDataWeb {

    /** The portal and the CKAN API are public; CKAN clients POST without CSRF tokens (read-only actions). */
    @Bean
    PublicPaths openDataPublicPaths() {
        return new PublicPaths(List.of("/api/3/action/**", "/data", "/data/**"), List.of("/api/3/action/**"));
    }

    @Bean
    Navigation openDataNavigation() {
        return new Navigation() {
            @Override
            public List<NavLink> staffLinks() {
                String s = "AI빅데이터팀";
                return List.of(
                        NavLink.of(s, "공공데이터 현황", "/staff/opendata", 10, Roles.DATA_AI),
                        NavLink.of(s, "데이터셋", "/staff/opendata/datasets", 20, Roles.DATA_AI),
                        NavLink.of(s, "품질 진단", "/staff/opendata/validations", 30, Roles.DATA_AI),
                        NavLink.of(s, "제공신청", "/staff/opendata/requests", 40, Roles.DATA_AI),
                        NavLink.of(s, "분석 요청", "/staff/opendata/analysis", 50, Roles.DATA_AI),
                        NavLink.of(s, "데이터 역량 교육", "/staff/opendata/training", 60, Roles.DATA_AI),
                        NavLink.of(s, "활용 사례", "/staff/opendata/use-cases", 70, Roles.DATA_AI));
            }

            @Override
            public List<NavLink> publicLinks() {
                return List.of(NavLink.of("", "공공데이터", "/data", 60), NavLink.of("", "공공데이터 제공신청", "/data/requests/new", 61));
            }
        };
    }

    @Bean
    DashboardTile openDataTile(ProvisionDesk desk, Catalog catalog) {
        return new DashboardTile() {
            @Override
            public int order() {
                return 800;
            }

            @Override
            public Set<String> visibleToRoles() {
                return Set.of(Roles.DATA_AI);
            }

            @Override
            public Optional<TileView> render() {
                long[] c = desk.deadlineCounts();
                var totals = catalog.totals();
                TileView v = TileView.of("공공데이터 제공신청", c[0] + "건", "처리 중인 제공신청", "/staff/opendata/requests")
                        .withRows(List.of(TileView.Row.of("기한 3일 이내", c[1] + "건"), TileView.Row.of("기한 초과", c[2] + "건"),
                                TileView.Row.of("개방 데이터셋", totals.get("published") + "개"),
                                TileView.Row.of("내려받기 / API 호출", totals.get("downloads") + " / " + totals.get("apiCalls"))));
                return Optional.of(c[2] > 0 ? v.withTone(TileView.Tone.ALERT) : c[1] > 0 ? v.withTone(TileView.Tone.WARNING) : v);
            }
        };
    }
}
