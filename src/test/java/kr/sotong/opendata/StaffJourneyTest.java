package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.catalog.DatasetVersion;
import kr.sotong.opendata.quality.Validations;
import kr.sotong.opendata.table.Encodings;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The data officer's journey (JOURNEYS.md): a department's CP949 Excel export with mixed date formats is uploaded,
 * errors are grouped by rule, the proposed fixes make a new version (the original stays), the dataset is opened
 * under 공공누리 type 1 and appears on /data and in the CKAN API.
 */
@SotongTest
class StaffJourneyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Catalog catalog;
    @Autowired
    Validations validations;

    @Test
    void uploadValidateStandardisePublish() throws Exception {
        var officer = staff.create(Roles.DATA_AI);
        String name = "facilities-" + UUID.randomUUID().toString().substring(0, 8);
        long org = catalog.organization("ai-bigdata-team").orElseThrow().id();
        String location = mvc.perform(post("/staff/opendata/datasets").with(staff.as(officer)).with(csrf())
                        .param("name", name).param("title", "금천구 공공시설 현황").param("description", "구 공공시설 목록")
                        .param("organizationId", String.valueOf(org)).param("keywords", "시설, 금천구").param("theme", "공공행정")
                        .param("licence", "KOGL_TYPE_1").param("updateCycle", "YEARLY"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long datasetId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/staff/opendata/datasets/" + datasetId + "/resources").with(staff.as(officer)).with(csrf())
                .param("name", "시설 목록")).andExpect(status().is3xxRedirection());
        long rid = catalog.resources(datasetId).get(0).id();

        StringBuilder csv = new StringBuilder("연번,시설명,개소일,연락처,개방여부\n");
        String[] dates = {"2025-03-01", "2025.3.1", "20250301"};
        for (int i = 1; i <= 300; i++) {
            csv.append(i).append(",시설").append(i).append(',').append(dates[i % 3]).append(",02-2627-").append(1000 + i)
                    .append(',').append(i % 4 == 0 ? "y" : "Y").append('\n');
        }
        String redirect = mvc.perform(multipart("/staff/opendata/resources/" + rid + "/versions")
                        .file(new MockMultipartFile("file", "시설현황.csv", "text/csv", csv.toString().getBytes(Encodings.CP949)))
                        .with(staff.as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long validationId = Long.parseLong(redirect.substring(redirect.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> !validations.require(validationId).running());
        Validations.View v = validations.require(validationId);
        assertThat(v.status()).isEqualTo("DONE");
        assertThat(v.report().path("encoding").asString()).isEqualTo("CP949");
        // dates in two non-ISO spellings (200 rows) and lower-case y (75 rows) break the Korean standard
        assertThat(v.report().path("errorCounts").path("kr-standard-error").asLong()).isEqualTo(200 + 75);
        String page = mvc.perform(get("/staff/opendata/validations/" + validationId).with(staff.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("공통표준 위반").contains("YYYY-MM-DD");
        mvc.perform(get("/staff/opendata/validations/" + validationId + "/report.xlsx").with(staff.as(officer))).andExpect(status().isOk());
        mvc.perform(get("/staff/opendata/validations/" + validationId + "/report.html").with(staff.as(officer))).andExpect(status().isOk());
        String preview = mvc.perform(get("/staff/opendata/validations/" + validationId + "/standardise").with(staff.as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("2025.3.1").contains("2025-03-01");

        var apply = post("/staff/opendata/validations/" + validationId + "/standardise").with(staff.as(officer)).with(csrf())
                .param("action", "apply");
        var schema = validations.require(validationId).report().path("tasks").get(0).path("schema").path("fields");
        for (int i = 0; i < schema.size(); i++) {
            apply.param("fix-" + i, "TRIM");
        }
        apply.param("fix-2", "DATE_ISO").param("fix-4", "YN");
        String next = mvc.perform(apply).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long second = Long.parseLong(next.substring(next.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> !validations.require(second).running());
        assertThat(validations.require(second).errorTotal()).isZero();
        var versions = catalog.versions(rid);
        assertThat(versions).extracting(DatasetVersion::source).containsExactly("STANDARDISED", "UPLOAD");
        assertThat(versions.get(0).parentVersionId()).isEqualTo(versions.get(1).id());

        mvc.perform(post("/staff/opendata/datasets/" + datasetId + "/publish").with(staff.as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/data/" + name)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("금천구 공공시설 현황").contains("2025-03-01");
        assertThat(mvc.perform(get("/api/3/action/package_show").param("id", name)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"license_id\":\"KOGL-Type1\"");

        for (String path : new String[] {"/staff/opendata", "/staff/opendata/datasets", "/staff/opendata/datasets/new",
                "/staff/opendata/datasets/" + datasetId, "/staff/opendata/validations", "/staff/opendata/requests",
                "/staff/opendata/analysis", "/staff/opendata/training", "/staff/opendata/use-cases"}) {
            mvc.perform(get(path).with(staff.as(officer))).andExpect(status().isOk());
        }
        mvc.perform(get("/staff/opendata").with(staff.as(staff.create(Roles.PRESS)))).andExpect(status().isForbidden());
    }

    @Test
    void analysisTrainingAndUseCases() throws Exception {
        var officer = staff.create(Roles.DATA_AI);
        mvc.perform(post("/staff/opendata/analysis").with(staff.as(officer)).with(csrf()).param("department", "교통행정과")
                .param("title", "불법 주정차 민원 분석").param("question", "시간대별 분포").param("requestedBy", "김주무관"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/opendata/training").with(staff.as(officer)).with(csrf()).param("title", "공공데이터 관리자 교육")
                .param("kind", "IN_PERSON").param("provider", "행정안전부").param("heldOn", "2025-05-20").param("attendees", "24")
                .param("hours", "3")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/opendata/use-cases").with(staff.as(officer)).with(csrf()).param("title", "G밸리 주차 안내 앱")
                .param("userName", "주식회사 지밸리랩").param("userKind", "COMPANY").param("description", "공영주차장 데이터 활용"))
                .andExpect(status().is3xxRedirection());
        String staffPage = mvc.perform(get("/staff/opendata/analysis").with(staff.as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffPage).contains("불법 주정차 민원 분석");
        assertThat(mvc.perform(get("/staff/opendata/training").with(staff.as(officer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("공공데이터 관리자 교육");
    }
}
