package kr.sotong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SotongTest
class SecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void unauthenticatedApiGets401ProblemDetail() throws Exception {
        mvc.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void staffPagesRedirectToLogin() throws Exception {
        mvc.perform(get("/staff")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void wrongRoleGets403() throws Exception {
        var viewer = staff.create(Roles.VIEWER);
        mvc.perform(get("/api/v1/audit/verify").with(staff.as(viewer)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/staff/admin/accounts").with(staff.as(viewer))).andExpect(status().isForbidden());
    }

    @Test
    void postWithoutCsrfTokenIsRejected() throws Exception {
        var admin = staff.create(Roles.ADMIN);
        mvc.perform(post("/staff/admin/accounts").with(staff.as(admin))
                        .param("username", "no-csrf").param("displayName", "x").param("roles", "VIEWER"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/admin/accounts").with(staff.as(admin)).with(csrf())
                        .param("username", "with-csrf-" + System.nanoTime()).param("displayName", "직원")
                        .param("roles", "VIEWER"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void fiveFailedLoginsLockTheAccount() throws Exception {
        var member = staff.create(Roles.PRESS);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", member.username()).param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        // even the right password is refused while locked
        mvc.perform(post("/login").with(csrf()).param("username", member.username()).param("password", Staff.PASSWORD))
                .andExpect(redirectedUrl("/login?error=locked"));
        // and the API token endpoint refuses too
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + member.username() + "\",\"password\":\"" + Staff.PASSWORD + "\"}"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void bearerTokenWorksUntilItExpires() throws Exception {
        JsonNode body = tokenFor(staff.create(Roles.ADMIN));
        String token = body.get("token").asText();
        assertThat(body.get("expiresAt").asText()).isNotBlank();
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true));
        // bearer requests need no CSRF token
        mvc.perform(post("/api/v1/auth/token").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x\",\"password\":\"y\"}"))
                .andExpect(status().isUnauthorized());
        clock.setTo(clock.instant().plus(Duration.ofHours(2)));
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void bearerRequestsAreStatelessAndKeepTheRulesAndHeaders() throws Exception {
        String token = tokenFor(staff.create(Roles.VIEWER)).get("token").asText();
        // the same role rules and ProblemDetail answers as with a session
        MvcResult denied = mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(denied.getRequest().getSession(false)).as("no session for a bearer request").isNull();
        assertThat(denied.getResponse().getHeader("Set-Cookie")).isNull();
        // authenticated: staff pages open with the token, public pages stay public, headers are set
        MvcResult page = mvc.perform(get("/").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andReturn();
        assertThat(page.getRequest().getSession(false)).isNull();
        mvc.perform(get("/staff/admin/accounts").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        // an invalid token is refused before anything else runs
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer st_" + "x".repeat(40)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
    }

    /** The answer of {@code POST /api/v1/auth/token} for this staff member (token and expiry). */
    private JsonNode tokenFor(StaffMember member) throws Exception {
        MvcResult r = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + member.username() + "\",\"password\":\"" + Staff.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn();
        return json.readTree(r.getResponse().getContentAsString());
    }

    @Test
    void wrongPasswordForTokenIs401() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nobody\",\"password\":\"nothing\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("아이디 또는 비밀번호가 맞지 않습니다."));
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
    }
}
