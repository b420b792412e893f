package kr.sotong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.UUID;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.monitoring.search.Indexer;
import kr.sotong.monitoring.sentiment.Classifier;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SotongTest
class PagesAndApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Sources sources;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Indexer indexer;
    @Autowired
    Classifier classifier;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void everyStaffPageRendersAndTheApiSearchesLabelsAndRefusesBadInput() throws Exception {
        StaffMember officer = staff.create(Roles.PRESS);
        StaffMember viewer = staff.create(Roles.VIEWER);
        long id = sources.enter("소통신문-" + run, Fixtures.NEUTRAL_TITLE, "https://news.example.kr/a/" + run, null,
                Fixtures.NEUTRAL_BODY).articleId();
        long critical = sources.enter("소통신문-" + run, Fixtures.CRITICAL_TITLE, null, null, Fixtures.CRITICAL_BODY).articleId();

        for (String page : new String[] {"/staff/monitoring", "/staff/monitoring/live", "/staff/monitoring/search",
                "/staff/monitoring/search?q=금천구청&sort=date", "/staff/monitoring/articles/" + critical + "?q=특혜",
                "/staff/monitoring/coverage", "/staff/monitoring/cases", "/staff/monitoring/sources",
                "/staff/monitoring/settings", "/staff/monitoring/articles/new", "/staff"}) {
            mvc.perform(get(page).with(staff.as(officer))).andExpect(status().isOk());
        }
        mvc.perform(get("/staff/monitoring/articles/" + critical).with(staff.as(officer)))
                .andExpect(content().string(Matchers.containsString("<mark class=\"mark-negative\">특혜</mark>")))
                .andExpect(content().string(Matchers.containsString("구 관련 어휘와 같은 문장")));
        mvc.perform(get("/staff/monitoring/articles/999999999").with(staff.as(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/staff").with(staff.as(officer)))
                .andExpect(content().string(Matchers.containsString("오늘의 언론 보도")))
                .andExpect(content().string(Matchers.containsString("대응 전 부정 보도")));
        mvc.perform(get("/staff/monitoring").with(staff.as(officer)))
                .andExpect(content().string(Matchers.containsString("hx-trigger=\"every 30s\"")));
        // the menu has the module's entries in the 언론팀 section
        mvc.perform(get("/staff/monitoring").with(staff.as(officer)))
                .andExpect(content().string(Matchers.containsString("부정·왜곡 보도 대응")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/v1/monitoring/articles").param("q", "금천구청 도서관").param("outlet", "소통신문-" + run)
                                .with(staff.as(viewer)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.items[0].id").value(id))
                        .andExpect(jsonPath("$.items[0].highlights.body").value(Matchers.containsString("<mark>"))));
        mvc.perform(get("/api/v1/monitoring/articles/" + critical).with(staff.as(viewer)))
                .andExpect(jsonPath("$.article.flagged").value(true))
                .andExpect(jsonPath("$.reasons[0].word").exists())
                .andExpect(jsonPath("$.matchedTerms").value(Matchers.hasItem("금천구")));

        // labelling: viewers may not, the press team may; the label becomes a search filter
        mvc.perform(post("/api/v1/monitoring/articles/" + id + "/label").with(staff.as(viewer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"sentiment\":\"POSITIVE\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/monitoring/articles/" + id + "/label").with(staff.as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sentiment\":\"긍정\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.label").value("POSITIVE"));
        mvc.perform(post("/api/v1/monitoring/articles/" + id + "/label").with(staff.as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sentiment\":\"아주 좋음\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Matchers.containsString("논조")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/v1/monitoring/articles").param("sentiment", "POSITIVE").param("outlet", "소통신문-" + run)
                        .with(staff.as(viewer))).andExpect(jsonPath("$.total").value(1)));

        // bad input → ProblemDetail
        mvc.perform(get("/api/v1/monitoring/articles").param("from", "2025-13-45").with(staff.as(viewer)))
                .andExpect(status().isBadRequest()).andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")));
        mvc.perform(get("/api/v1/monitoring/articles").param("size", "1000").with(staff.as(viewer))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/monitoring/articles").param("from", "2025-03-01").param("to", "2025-01-01").with(staff.as(viewer)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/monitoring/articles").param("q", "\"unbalanced (quote -").with(staff.as(viewer)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/monitoring/coverage").with(staff.as(viewer))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/monitoring/articles")).andExpect(status().isUnauthorized());
    }

    @Test
    void clippingListsImportFromCp949CsvAndXlsxWithRowErrors() throws Exception {
        StaffMember officer = staff.create(Roles.PRESS);
        String csv = "날짜,언론사,제목,URL,본문\n"
                + "2031.3.4,가산일보-" + run + ",금천구 가산동 보행로 정비 완료,https://gasan.example.kr/" + run + "/1,금천구가 가산동 보행로를 정비했다.\n"
                + "2031-03-05,가산일보-" + run + ",\"[속보] 금천구 가산동 보행로 정비 완료\",,\n"
                + "어제,가산일보-" + run + ",날짜가 틀린 행,,\n"
                + "2031-03-06,,언론사 없는 행,,\n";
        mvc.perform(multipart("/staff/monitoring/import").file(new MockMultipartFile("file", "스크랩.csv", "text/csv",
                        csv.getBytes(Charset.forName("x-windows-949")))).with(staff.as(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("전체 4행 중 2건 추가, 중복 0건, 오류 2건")))
                .andExpect(content().string(Matchers.containsString("날짜 형식을 알 수 없습니다")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("스크랩");
            var header = sheet.createRow(0);
            String[] cols = {"보도일", "매체", "기사제목", "링크"};
            for (int i = 0; i < cols.length; i++) {
                header.createCell(i).setCellValue(cols[i]);
            }
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            var r1 = sheet.createRow(1);
            var c = r1.createCell(0);
            c.setCellValue(java.time.LocalDate.of(2031, 3, 7));
            c.setCellStyle(style);
            r1.createCell(1).setCellValue("독산신문-" + run);
            r1.createCell(2).setCellValue("독산동 우시장 골목 새 단장");
            r1.createCell(3).setCellValue("https://doksan.example.kr/" + run);
            var r2 = sheet.createRow(2);
            r2.createCell(0).setCellValue("2031-03-07");
            r2.createCell(1).setCellValue("가산일보-" + run);
            r2.createCell(2).setCellValue("금천구 가산동 보행로 정비 완료");
            r2.createCell(3).setCellValue("https://gasan.example.kr/" + run + "/1?utm_source=naver");
            wb.write(out);
        }
        mvc.perform(multipart("/staff/monitoring/import").file(new MockMultipartFile("file", "clip.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray()))
                        .with(staff.as(officer)).with(csrf()))
                .andExpect(content().string(Matchers.containsString("전체 2행 중 1건 추가, 중복 1건, 오류 0건")));
        assertThat(jdbc.sql("select count(*) from monitoring_article where outlet in (:o)")
                .param("o", java.util.List.of("가산일보-" + run, "독산신문-" + run)).query(Long.class).single()).isEqualTo(3);

        mvc.perform(multipart("/staff/monitoring/import").file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream",
                        new byte[] {0x50, 0x4B, 3, 4, 1, 2, 3})).with(staff.as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theClassifierIsRetrainedFromLabelsAndReportsHeldOutPrecisionAndRecall() throws Exception {
        StaffMember officer = staff.create(Roles.PRESS);
        String[] negatives = {"특혜 의혹", "예산 낭비 비판", "부실 공사 논란", "주민 반발 확산", "졸속 행정 질타", "갑질 의혹 폭로"};
        String[] neutrals = {"도서관 개관", "축제 성료", "우수 기관 선정", "나눔 행사 개최", "공원 새 단장", "표창 수상"};
        for (int i = 0; i < 24; i++) {
            boolean neg = i % 2 == 0;
            String topic = neg ? negatives[i / 2 % negatives.length] : neutrals[i / 2 % neutrals.length];
            String title = "금천구 " + topic + " " + run + "-" + i;
            String body = neg ? "금천구의 " + topic + "에 대해 주민 비판과 항의가 이어졌다. 의혹 해명 요구가 커졌다."
                    : "금천구는 " + topic + " 소식을 전했다. 주민들이 호평했고 참여가 늘었다.";
            long id = sources.enter("분류신문-" + run, title, null, null, body).articleId();
            mvc.perform(post("/staff/monitoring/articles/" + id + "/label").with(staff.as(officer)).with(csrf())
                    .param("sentiment", neg ? "NEGATIVE" : "NEUTRAL")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/staff/monitoring/settings/classifier").with(staff.as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Classifier.Model model = classifier.latestModel().orElseThrow();
        assertThat(model.samples()).isGreaterThanOrEqualTo(24);
        assertThat(model.testSize()).isPositive();
        assertThat(model.trainSize() + model.testSize()).isEqualTo(model.samples());
        assertThat(model.accuracy()).isNotNull();
        assertThat(model.report()).contains("부정", "중립");
        mvc.perform(get("/staff/monitoring/settings").with(staff.as(officer)))
                .andExpect(content().string(Matchers.containsString("재현율(부정·왜곡)")));
        // new articles are now predicted by the model
        long fresh = sources.enter("분류신문-" + run, "금천구 특혜 의혹 또 불거져 " + run, null, null,
                "금천구 특혜 의혹에 대해 주민 비판과 항의가 이어졌다.").articleId();
        assertThat(jdbc.sql("select predicted_probability from monitoring_article where id = :id").param("id", fresh)
                .query(Double.class).single()).isNotNull();
    }
}
