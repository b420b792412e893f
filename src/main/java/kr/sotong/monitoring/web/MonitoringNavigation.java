package kr.sotong.monitoring.web;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import org.springframework.stereotype.Component;

/** Menu entries of the monitoring module, in the 언론팀 section. */
@Component
class MonitoringNavigation implements Navigation {

    static final String SECTION = "언론팀";

    @Override
    public List<NavLink> staffLinks() {
        return List.of(
                NavLink.of(SECTION, "언론 보도 현황", "/staff/monitoring", 40),
                NavLink.of(SECTION, "보도 검색", "/staff/monitoring/search", 41),
                NavLink.of(SECTION, "보도자료별 보도", "/staff/monitoring/coverage", 42),
                NavLink.of(SECTION, "부정·왜곡 보도 대응", "/staff/monitoring/cases", 43),
                NavLink.of(SECTION, "모니터링 수집원", "/staff/monitoring/sources", 44),
                NavLink.of(SECTION, "모니터링 설정", "/staff/monitoring/settings", 45));
    }
}
