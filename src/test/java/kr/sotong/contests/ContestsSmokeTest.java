package kr.sotong.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SotongTest
class ContestsSmokeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void pagesRender() throws Exception {
        String list = mvc.perform(get("/contests")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("공모전");
        var pr = staff.create(Roles.PR_MEDIA);
        String staffList = mvc.perform(get("/staff/contests").with(staff.as(pr))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(staffList).contains("숏폼");
    }
}
