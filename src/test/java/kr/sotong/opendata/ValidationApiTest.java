package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/opendata/validations} and {@code GET …/{id}}: Frictionless-shaped errors with Korean messages. */
@SotongTest
class ValidationApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    ObjectMapper json;

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of(ValidationApiTest.class.getResource("/opendata/fixtures/" + name).toURI()));
    }

    @Test
    void validatesAFileAgainstADeclaredSchema() throws Exception {
        var officer = staff.create(Roles.DATA_AI);
        String body = mvc.perform(multipart("/api/v1/opendata/validations")
                        .file(new MockMultipartFile("file", "constraints.csv", "text/csv", fixture("constraints.csv")))
                        .file(new MockMultipartFile("schema", "schema.json", "application/json", fixture("constraints.schema.json")))
                        .with(staff.as(officer)).with(csrf()))
                .andExpect(status().isCreated()).andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/opendata/validations/")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode report = json.readTree(body);
        assertThat(report.path("status").asString()).isEqualTo("DONE");
        assertThat(report.path("valid").asBoolean()).isFalse();
        JsonNode first = report.path("errors").get(0);
        assertThat(first.path("rowNumber").asInt()).isEqualTo(3);
        assertThat(first.path("fieldNumber").asInt()).isEqualTo(2);
        assertThat(first.path("type").asString()).isEqualTo("constraint-error");
        assertThat(first.path("message").asString()).contains("필수");
        assertThat(report.path("errors").size()).isEqualTo(9);
        assertThat(report.path("stats").path("score").decimalValue()).isLessThan(new java.math.BigDecimal("100"));

        long id = report.path("id").asLong();
        mvc.perform(get("/api/v1/opendata/validations/" + id).with(staff.as(officer)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errors.length()").value(9))
                .andExpect(jsonPath("$.tasks[0].schemaInferred").value(false));
    }

    @Test
    void inferredSchemaAndBadInputAnswerProblemDetails() throws Exception {
        var officer = staff.create(Roles.DATA_AI);
        mvc.perform(multipart("/api/v1/opendata/validations")
                        .file(new MockMultipartFile("file", "invalid.csv", "text/csv", fixture("invalid.csv")))
                        .with(staff.as(officer)).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.errors[0].type").value("blank-label"))
                .andExpect(jsonPath("$.errors[0].rowNumber").isEmpty())
                .andExpect(jsonPath("$.errors[6].type").value("blank-row"))
                .andExpect(jsonPath("$.tasks[0].schemaInferred").value(true));
        mvc.perform(multipart("/api/v1/opendata/validations")
                        .file(new MockMultipartFile("file", "invalid.csv", "text/csv", fixture("invalid.csv")))
                        .param("schema", "{\"fields\": [{\"name\": \"id\", \"type\": \"money\"}]}")
                        .with(staff.as(officer)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("형식(type)")));
        mvc.perform(multipart("/api/v1/opendata/validations").with(staff.as(officer)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("파일")));
        mvc.perform(get("/api/v1/opendata/validations/999999999").with(staff.as(officer)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/opendata/validations")
                        .file(new MockMultipartFile("file", "invalid.csv", "text/csv", fixture("invalid.csv"))).with(csrf()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/opendata/validations/1").with(staff.as(staff.create(Roles.VIEWER))))
                .andExpect(status().isForbidden());
    }
}
