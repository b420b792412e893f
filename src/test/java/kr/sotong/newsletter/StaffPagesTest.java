package kr.sotong.newsletter;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kr.sotong.newsletter.issue.Article;
import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.issue.NewsletterIssue;
import java.util.List;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The 홍보미디어팀 menu, the dashboard tiles and the staff pages not covered elsewhere render. */
@SotongTest
class StaffPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    IssueService issues;
    @Autowired
    List<DashboardTile> tiles;

    @Test
    void menuDashboardAndPagesRender() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        // (the platform dashboard page itself cannot render any tile yet: its template puts th:replace and
        // th:each on one element; the tiles are checked directly)
        List<String> tiles = this.tiles.stream().map(DashboardTile::render).flatMap(java.util.Optional::stream)
                .map(t -> t.title() + " " + t.caption() + " " + t.rows()).toList();
        org.assertj.core.api.Assertions.assertThat(tiles).anyMatch(t -> t.contains("점검하지 않은 배부처"))
                .anyMatch(t -> t.contains("개청 30주년 특별 홍보"));
        mvc.perform(get("/staff/newsletter/distribution").with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<h2>홍보미디어팀</h2>")))
                .andExpect(content().string(Matchers.containsString("/staff/newsletter/issues")))
                .andExpect(content().string(Matchers.containsString("/staff/campaigns")));
        int number = NewsletterFixtures.uniqueNumber();
        NewsletterIssue issue = issues.create(new IssueService.IssueForm(number, NewsletterFixtures.monthOf(number), "금천향기",
                32, false, null));
        Article a = issues.addArticle(issue.getId(), new IssueService.ArticleForm("구정 소식", "새해 달라지는 제도", "본문", 3));
        mvc.perform(get("/staff/newsletter/articles/" + a.getId()).with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("새해 달라지는 제도")))
                .andExpect(content().string(Matchers.containsString("espeak-ng")));
        mvc.perform(get("/staff/newsletter/issues").with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("제" + number + "호")));
        mvc.perform(get("/staff/newsletter/surveys").with(staff.as(editor))).andExpect(status().isOk());
        mvc.perform(get("/").with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/newsletter/contribute")))
                .andExpect(content().string(Matchers.containsString("/anniversary")));
        StaffMember press = staff.create(Roles.PRESS);
        mvc.perform(get("/staff/newsletter/contributions").with(staff.as(press))).andExpect(status().isForbidden());
    }
}
