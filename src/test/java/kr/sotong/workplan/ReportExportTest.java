package kr.sotong.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SotongTest
class ReportExportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    @Test
    void pdfEmbedsAKoreanFontAndReproducesTheTables() throws Exception {
        var director = staff.create(Roles.DIRECTOR);
        byte[] pdf = mvc.perform(get("/staff/workplan/report.pdf").with(staff.as(director)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("2025년 주요업무계획").contains("소통담당관")
                    .contains("3,648,821").contains("3,302,921").contains("345,900").contains("10.5")
                    .contains("21 (23)").contains("283,644").contains("2,909,598").contains("2,156,336")
                    .contains("195,000").contains("824,140").contains("정보취약계층 디지털 교육 강화사업");
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void xlsxHoldsStaffingBudgetAndMultiYearTables() throws Exception {
        var director = staff.create(Roles.DIRECTOR);
        byte[] xlsx = mvc.perform(get("/staff/workplan/report.xlsx").with(staff.as(director)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            assertThat(sheetText(wb.getSheet("인력현황"), f)).contains("21 (23)").contains("9 (10)").contains("AI빅데이터팀");
            Sheet budget = wb.getSheet("예산현황");
            assertThat(sheetText(budget, f)).contains("3,648,821").contains("345,900").contains("10.5").contains("14.8");
            assertThat(budget.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3_648_821d);
            assertThat(sheetText(wb.getSheet("연차별 소요재원"), f)).contains("283,644").contains("824,140").contains("756,658");
            assertThat(sheetText(wb.getSheet("주요사업"), f)).contains("주민의 자부심을 높이는 개청 30주년 홍보");
        }
    }

    private static String sheetText(Sheet s, DataFormatter f) {
        StringBuilder sb = new StringBuilder();
        for (Row r : s) {
            r.forEach(c -> sb.append(f.formatCellValue(c)).append('|'));
            sb.append('\n');
        }
        return sb.toString();
    }
}
