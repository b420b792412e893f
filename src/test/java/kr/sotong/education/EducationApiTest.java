package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/** GET courses (public), POST registrations (staff token), GET roster (staff, masked, logged), errors as ProblemDetail. */
@SotongTest
class EducationApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registrationApiWithABearerToken() throws Exception {
        long course = fixtures.create(fixtures.spec().title("API 과정").capacity(1));
        long draft = fixtures.create(fixtures.spec().title("준비 중 API 과정").draft());
        var edu = staff.create(Roles.EDUCATION);
        String token = json.readTree(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + edu.username() + "\",\"password\":\"" + Staff.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("token").asText();

        // the catalogue is public and hides drafts
        String list = mvc.perform(get("/api/v1/education/courses")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"id\":" + course).doesNotContain("\"id\":" + draft + ",");

        String phone = EducationFixtures.phone();
        String body = "{\"name\":\"홍길동\",\"phone\":\"" + phone + "\",\"targetGroup\":\"SENIOR_65\",\"channel\":\"PHONE\"}";
        // anonymous (no token, no CSRF token): refused with a ProblemDetail; another role: 403
        mvc.perform(post("/api/v1/education/courses/" + course + "/registrations").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(403))));
        var press = staff.create(Roles.PRESS);
        mvc.perform(post("/api/v1/education/courses/" + course + "/registrations").with(staff.as(press))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/education/courses/" + course + "/registrations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.seatNo").value(1));
        // the same person again: 409 with a Korean reason
        mvc.perform(post("/api/v1/education/courses/" + course + "/registrations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("이미 이 과정에 신청")));
        // bad input: foreign phone, broken JSON, unknown course
        mvc.perform(post("/api/v1/education/courses/" + course + "/registrations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"John\",\"phone\":\"+1 415 555 0100\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("국내")));
        mvc.perform(post("/api/v1/education/courses/" + course + "/registrations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/education/courses/987654321/registrations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(phone, EducationFixtures.phone())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/education/courses/" + course + "/registrations").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"대기분\",\"phone\":\"" + EducationFixtures.phone() + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITLISTED")).andExpect(jsonPath("$.waitlistPosition").value(1));

        // roster: staff only, masked, logged
        mvc.perform(get("/api/v1/education/courses/" + course + "/roster")).andExpect(status().isUnauthorized());
        long before = accessRows(course);
        mvc.perform(get("/api/v1/education/courses/" + course + "/roster").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("홍*동"))
                .andExpect(jsonPath("$[0].phone").value(org.hamcrest.Matchers.containsString("-****-")))
                .andExpect(jsonPath("$[1].status").value("WAITLISTED"));
        assertThat(accessRows(course)).isEqualTo(before + 1);
    }

    private long accessRows(long course) {
        return jdbc.sql("select count(*) from platform_audit_log where category = 'ACCESS' and entity_type = 'EducationCourseRoster' and entity_id = :c")
                .param("c", String.valueOf(course)).query(Long.class).single();
    }
}
