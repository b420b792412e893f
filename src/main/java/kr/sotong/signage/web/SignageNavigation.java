package kr.sotong.signage.web;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.Roles;
import org.springframework.stereotype.Component;

/** Staff menu entries under 홍보미디어팀. */
@Component
class SignageNavigation implements Navigation {

    static final String SECTION = "홍보미디어팀";

    @Override
    public List<NavLink> staffLinks() {
        String[] readers = {Roles.PR_MEDIA, Roles.DIRECTOR, Roles.VIEWER};
        return List.of(
                NavLink.of(SECTION, "사이니지 현황", "/staff/signage", 300, readers),
                NavLink.of(SECTION, "사이니지 기기", "/staff/signage/devices", 310, readers),
                NavLink.of(SECTION, "사이니지 콘텐츠", "/staff/signage/content", 320, readers),
                NavLink.of(SECTION, "재생목록", "/staff/signage/playlists", 330, readers),
                NavLink.of(SECTION, "사이니지 편성", "/staff/signage/campaigns", 340, readers),
                NavLink.of(SECTION, "송출 보고서", "/staff/signage/reports", 350, readers));
    }
}
