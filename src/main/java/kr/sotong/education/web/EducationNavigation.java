package kr.sotong.education.web;

import java.util.List;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.PublicPaths;
import kr.sotong.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Menu entries (staff section 정보화교육, residents' link to /classes) and the public API paths. Labels are Korean text:
 * the platform layout prints {@link NavLink#label()} as it is (a "{key}" label is not resolved yet).
 */
@Configuration(proxyBeanMethods = false)
class EducationNavigation implements Navigation {

    static final String SECTION = "정보화교육";

    @Override
    public List<NavLink> staffLinks() {
        return List.of(
                NavLink.of(SECTION, "과정·신청", "/staff/education", 10, Roles.EDUCATION),
                NavLink.of(SECTION, "디지털상담소", "/staff/education/counselling", 20, Roles.EDUCATION),
                NavLink.of(SECTION, "스마트 정보화 경진대회", "/staff/education/quizzes", 30, Roles.EDUCATION),
                NavLink.of(SECTION, "교육장·키오스크", "/staff/education/venues", 40, Roles.EDUCATION),
                NavLink.of(SECTION, "만족도 조사", "/staff/education/surveys", 50, Roles.EDUCATION, Roles.VIEWER),
                NavLink.of(SECTION, "교육생 통계", "/staff/education/stats", 60, Roles.EDUCATION, Roles.VIEWER));
    }

    @Override
    public List<NavLink> publicLinks() {
        return List.of(NavLink.of(SECTION, "정보화 교육 신청", "/classes", 50));
    }

    @Bean
    PublicPaths educationPublicPaths() {
        return PublicPaths.permitAll("/api/v1/education/courses", "/api/v1/education/stats");
    }
}
