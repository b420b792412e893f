package kr.sotong.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Health, Prometheus metrics, OpenAPI and the English locale. */
@SotongTest
class OperationsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void healthIsPublicAndUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void prometheusMetricsNeedAdmin() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(staff.as(staff.create(Roles.VIEWER)))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(staff.as(staff.create(Roles.ADMIN))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(containsString("http_server_requests")));
    }

    @Test
    void openApiDescribesTheRestApiForStaff() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(staff.as(staff.create(Roles.VIEWER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/organization")))
                .andExpect(content().string(containsString("/api/v1/budget")))
                .andExpect(content().string(containsString("/api/v1/auth/token")));
    }

    @Test
    void pagesAreKoreanByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString("직원 로그인")))
                .andExpect(content().string(containsString("lang=\"ko\"")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("Staff sign-in")))
                .andExpect(content().string(containsString("lang=\"en\"")));
    }
}
