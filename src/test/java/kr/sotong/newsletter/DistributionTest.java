package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import kr.sotong.newsletter.distribution.DistributionPoint;
import kr.sotong.newsletter.distribution.DistributionService;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Distribution points, inspections and their reports; XLSX in and out; GeoJSON; the API. */
@SotongTest
class DistributionTest {

    @Autowired
    DistributionService service;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    DistributionPoint point(String name, String dong, int copies) {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        DistributionPoint[] p = new DistributionPoint[1];
        staff.runAs(editor, () -> p[0] = service.createPoint(new DistributionService.PointForm("LIBRARY", name,
                "서울 금천구 시흥대로 " + UUID.randomUUID().toString().substring(0, 6), dong, new BigDecimal("37.4568"),
                new BigDecimal("126.8955"), copies)));
        return p[0];
    }

    void inspect(DistributionPoint p, LocalDate on, int left) {
        staff.runAs(staff.create(Roles.PR_MEDIA), () -> service.inspect(p.getId(),
                new DistributionService.InspectionForm(on, "점검자", left, null), null));
    }

    @Test
    void inspectionReportFindsOverduePoints() {
        clock.setTo(LocalDateTime.of(2025, 6, 30, 10, 0));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        DistributionPoint fresh = point("도서관 최근 " + tag, "가산동", 50);
        DistributionPoint old = point("도서관 오래됨 " + tag, "독산1동", 30);
        DistributionPoint never = point("도서관 미점검 " + tag, "시흥1동", 20);
        inspect(fresh, LocalDate.of(2025, 6, 20), 10);
        inspect(old, LocalDate.of(2025, 5, 1), 5);

        List<DistributionService.Overdue> overdue = service.overdue(30);
        assertThat(overdue).extracting(o -> o.point().getId()).contains(old.getId(), never.getId())
                .doesNotContain(fresh.getId());
        DistributionService.Overdue o = overdue.stream().filter(x -> x.point().getId().equals(old.getId())).findFirst()
                .orElseThrow();
        assertThat(o.lastInspected()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(o.daysSince()).isEqualTo(60);
        assertThat(overdue.stream().filter(x -> x.point().getId().equals(never.getId())).findFirst().orElseThrow()
                .lastInspected()).isNull();
        // ten days later the fresh one is still fine at 30 days but overdue at 7
        clock.setTo(LocalDateTime.of(2025, 7, 10, 10, 0));
        assertThat(service.overdue(30)).extracting(x -> x.point().getId()).doesNotContain(fresh.getId());
        assertThat(service.overdue(7)).extracting(x -> x.point().getId()).contains(fresh.getId());
        assertThatThrownBy(() -> service.overdue(0)).isInstanceOf(DomainException.class);
    }

    @Test
    void inspectionInTheFutureIsRefusedAndNotSaved() throws Exception {
        clock.setTo(LocalDateTime.of(2025, 6, 30, 10, 0));
        DistributionPoint p = point("미래 점검 " + UUID.randomUUID(), "가산동", 10);
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        mvc.perform(multipart("/staff/newsletter/distribution/points/" + p.getId() + "/inspections")
                        .param("inspectedOn", "2025-07-01").param("inspector", "김주무관").param("copiesLeft", "3")
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("점검일(2025-07-01)이 오늘(2025-06-30)보다 뒤일 수 없습니다")));
        mvc.perform(multipart("/staff/newsletter/distribution/points/" + p.getId() + "/inspections")
                        .file(new MockMultipartFile("photo", "site.png", "image/png", NewsletterFixtures.pngBomb(60_000, 60_000)))
                        .param("inspectedOn", "2025-06-29").param("inspector", "김주무관").param("copiesLeft", "3")
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("이미지가 너무 큽니다")));
        assertThat(service.inspections(p.getId())).isEmpty();
        mvc.perform(multipart("/staff/newsletter/distribution/points/" + p.getId() + "/inspections")
                        .file(new MockMultipartFile("photo", "site.png", "image/png", NewsletterFixtures.image("png", 40, 30)))
                        .param("inspectedOn", "2025-06-30").param("inspector", "김주무관").param("copiesLeft", "3")
                        .param("problems", "비치대 파손").with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("info", "점검 결과를 기록했습니다."));
        assertThat(service.inspections(p.getId())).singleElement().satisfies(i -> {
            assertThat(i.getProblems()).isEqualTo("비치대 파손");
            assertThat(i.getPhotoSha256()).hasSize(64);
        });
        mvc.perform(get("/staff/newsletter/distribution/points/" + p.getId()).with(staff.as(editor)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("비치대 파손")));
    }

    @Test
    void uptakeSuggestsAddingOrReducingCopiesAndCopiesAreSummedByDong() {
        clock.setTo(LocalDateTime.of(2025, 3, 5, 9, 0));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        DistributionPoint busy = point("주민센터 " + tag, "시흥5동", 100);
        DistributionPoint quiet = point("은행 " + tag, "시흥5동", 40);
        staff.runAs(staff.create(Roles.PR_MEDIA), () -> service.deliver(LocalDate.of(2025, 3, 3), null, "3월호"));
        clock.setTo(LocalDateTime.of(2025, 3, 25, 9, 0));
        inspect(busy, LocalDate.of(2025, 3, 20), 5);
        inspect(quiet, LocalDate.of(2025, 3, 20), 32);
        var uptake = service.uptake();
        var b = uptake.stream().filter(u -> u.point().getId().equals(busy.getId())).findFirst().orElseThrow();
        var q = uptake.stream().filter(u -> u.point().getId().equals(quiet.getId())).findFirst().orElseThrow();
        assertThat(b.delivered()).isEqualTo(100);
        assertThat(b.uptakePercent()).isEqualTo(95);
        assertThat(b.advice()).isEqualTo(DistributionService.Advice.ADD);
        assertThat(q.uptakePercent()).isEqualTo(20);
        assertThat(q.advice()).isEqualTo(DistributionService.Advice.REDUCE);
        var dong = service.copiesByDong().stream().filter(d -> d.dong().equals("시흥5동")).findFirst().orElseThrow();
        assertThat(dong.copies()).isGreaterThanOrEqualTo(140);
        assertThat(service.copiesByDong()).extracting(DistributionService.DongCopies::dong)
                .containsAll(DistributionPoint.DONGS);
    }

    @Test
    void xlsxRoundTripAndAllOrNothingImport() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        byte[] good = sheet(new String[][] {
                {"유형", "이름", "주소", "동", "위도", "경도", "배부 부수"},
                {"도서관", "금천구립 가산도서관 " + tag, "가산로 1", "가산동", "37.47", "126.88", "80"},
                {"은행", "=HYPERLINK(\"x\") " + tag, "시흥대로 2", "독산1동", "", "", "1,200"}});
        mvc.perform(multipart("/staff/newsletter/distribution/import")
                        .file(new MockMultipartFile("file", "points.xlsx", "application/octet-stream", good))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("info", "엑셀에서 배부처 2곳을 추가하고 0곳을 수정했습니다."));
        byte[] bad = sheet(new String[][] {
                {"유형", "이름", "주소", "동", "배부 부수"},
                {"도서관", "수정될 뻔한 " + tag, "가산로 9", "가산동", "10"},
                {"우주정거장", "잘못된 유형 " + tag, "어딘가", "가산동", "10"},
                {"도서관", "잘못된 동 " + tag, "어딘가", "가산", "10"},
                {"도서관", "잘못된 부수 " + tag, "어딘가", "가산동", "열 부"}});
        mvc.perform(multipart("/staff/newsletter/distribution/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", "application/octet-stream", bad))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.allOf(Matchers.containsString("아무것도 저장하지 않았습니다(3건)"),
                        Matchers.containsString("3행: 배부처 유형이 올바르지 않습니다"), Matchers.containsString("4행: '가산'은(는) 금천구 행정동이 아닙니다"),
                        Matchers.containsString("5행: 배부 부수는"))));
        assertThat(service.points()).extracting(DistributionPoint::getName).doesNotContain("수정될 뻔한 " + tag);
        mvc.perform(multipart("/staff/newsletter/distribution/import")
                        .file(new MockMultipartFile("file", "fake.xlsx", "application/octet-stream", "not a workbook".getBytes()))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("엑셀(XLSX) 파일을 읽을 수 없습니다")));

        byte[] exported = mvc.perform(get("/staff/newsletter/distribution/points.xlsx").with(staff.as(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("유형");
            boolean found = false;
            for (Row r : s) {
                if (r.getCell(1) != null && r.getCell(1).getStringCellValue().endsWith(tag)
                        && r.getCell(1).getStringCellValue().startsWith("'=HYPERLINK")) {
                    found = true;
                    assertThat(r.getCell(6).getNumericCellValue()).isEqualTo(1200);
                }
            }
            assertThat(found).as("formula-looking names are exported as text").isTrue();
        }
        // re-importing the export updates rather than duplicating
        int before = service.points().size();
        mvc.perform(multipart("/staff/newsletter/distribution/import")
                        .file(new MockMultipartFile("file", "export.xlsx", "application/octet-stream", exported))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("info", Matchers.containsString("0곳을 추가하고")));
        assertThat(service.points()).hasSize(before);

        String geo = mvc.perform(get("/staff/newsletter/distribution/points.geojson").with(staff.as(editor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode json = new ObjectMapper().readTree(geo);
        assertThat(json.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode library = null;
        for (JsonNode f : json.get("features")) {
            if (f.get("properties").get("name").asText().equals("금천구립 가산도서관 " + tag)) {
                library = f;
            }
        }
        assertThat(library).isNotNull();
        assertThat(library.get("geometry").get("coordinates").get(0).decimalValue()).isEqualByComparingTo("126.88");
        assertThat(library.get("geometry").get("coordinates").get(1).decimalValue()).isEqualByComparingTo("37.47");
        assertThat(geo).doesNotContain("HYPERLINK(\\\"x\\\") " + tag + "\",\"kind"); // no coordinates → not a feature

        mvc.perform(get("/api/v1/newsletter/distribution-points").param("dong", "가산동").with(staff.as(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '금천구립 가산도서관 " + tag + "')].copiesPerIssue").value(80))
                .andExpect(jsonPath("$[*].dong", Matchers.everyItem(Matchers.is("가산동"))));
        mvc.perform(get("/staff/newsletter/distribution").with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("금천구립 가산도서관 " + tag)));
    }

    static byte[] sheet(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("배부처");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
