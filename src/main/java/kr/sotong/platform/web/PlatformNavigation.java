package kr.sotong.platform.web;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.Roles;
import org.springframework.stereotype.Component;

@Component
class PlatformNavigation implements Navigation {

    @Override
    public List<NavLink> staffLinks() {
        return List.of(
                NavLink.of("관리", "직원 계정", "/staff/admin/accounts", 10, Roles.ADMIN),
                NavLink.of("관리", "API 토큰", "/staff/admin/tokens", 20, Roles.ADMIN),
                NavLink.of("관리", "감사 로그", "/staff/admin/audit", 30, Roles.ADMIN),
                NavLink.of("관리", "API 문서", "/staff/api-docs", 40),
                NavLink.of("관리", "비밀번호 변경", "/staff/account/password", 90));
    }
}
