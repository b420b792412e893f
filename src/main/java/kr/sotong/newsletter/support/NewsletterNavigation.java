package kr.sotong.newsletter.support;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.Roles;
import org.springframework.stereotype.Component;

@Component
class NewsletterNavigation implements Navigation {

    private static final String SECTION = "홍보미디어팀";

    @Override
    public List<NavLink> staffLinks() {
        return List.of(
                NavLink.of(SECTION, "소식지 금천향기", "/staff/newsletter/issues", 30, Roles.PR_MEDIA, Roles.VIEWER),
                NavLink.of(SECTION, "독자 참여 검토", "/staff/newsletter/contributions", 31, Roles.PR_MEDIA),
                NavLink.of(SECTION, "소식지 배부처·점검", "/staff/newsletter/distribution", 32, Roles.PR_MEDIA,
                        Roles.VIEWER),
                NavLink.of(SECTION, "독자 만족도 조사", "/staff/newsletter/surveys", 33, Roles.PR_MEDIA, Roles.VIEWER));
    }

    @Override
    public List<NavLink> publicLinks() {
        return List.of(
                NavLink.of("", "소식지 금천향기", "/newsletter", 30),
                NavLink.of("", "소식지에 사진·이야기 보내기", "/newsletter/contribute", 31),
                NavLink.of("", "소식지 독자 설문", "/newsletter/surveys", 32));
    }
}
