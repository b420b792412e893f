package kr.sotong.opendata.quality;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import kr.sotong.opendata.validation.ValidationError;
import kr.sotong.platform.Spreadsheets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.JsonNode;

/** The validation report as a workbook: 요약 (summary), 오류 유형 (counts per code), 오류 목록 (every stored error). */
public final class ReportXlsx {

    private ReportXlsx() {
    }

    public static void write(long id, JsonNode report, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            SXSSFSheet summary = wb.createSheet("요약");
            int r = 0;
            r = pair(summary, r, "진단 번호", String.valueOf(id));
            r = pair(summary, r, "파일", report.path("fileName").asString(""));
            r = pair(summary, r, "형식", report.path("format").asString(""));
            r = pair(summary, r, "문자 인코딩", report.path("encoding").asString("-"));
            JsonNode stats = report.path("stats");
            r = pair(summary, r, "행 수", stats.path("rows").asString(""));
            r = pair(summary, r, "값(셀) 수", stats.path("cells").asString(""));
            r = pair(summary, r, "오류 수", stats.path("errors").asString(""));
            r = pair(summary, r, "오류 값 수", stats.path("errorCells").asString(""));
            r = pair(summary, r, "오류율(%)", stats.path("errorRate").asString(""));
            pair(summary, r, "품질 점수", stats.path("score").asString(""));

            SXSSFSheet codes = wb.createSheet("오류 유형");
            Row h = codes.createRow(0);
            h.createCell(0).setCellValue("오류 코드");
            h.createCell(1).setCellValue("이름");
            h.createCell(2).setCellValue("건수");
            int i = 1;
            for (Map.Entry<String, JsonNode> e : report.path("errorCounts").properties()) {
                Row row = codes.createRow(i++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(1).setCellValue(ValidationError.title(e.getKey()));
                row.createCell(2).setCellValue(e.getValue().asLong());
            }

            SXSSFSheet errors = wb.createSheet("오류 목록");
            Row eh = errors.createRow(0);
            String[] heads = {"표(시트)", "행", "열 번호", "열 이름", "오류 코드", "값", "설명"};
            for (int c = 0; c < heads.length; c++) {
                eh.createCell(c).setCellValue(heads[c]);
            }
            int n = 1;
            for (JsonNode e : report.path("errors")) {
                Row row = errors.createRow(n++);
                row.createCell(0).setCellValue(Spreadsheets.safeText(e.path("table").asString("")));
                if (!e.path("rowNumber").isNull()) {
                    row.createCell(1).setCellValue(e.path("rowNumber").asLong());
                }
                if (!e.path("fieldNumber").isNull()) {
                    row.createCell(2).setCellValue(e.path("fieldNumber").asLong());
                }
                row.createCell(3).setCellValue(Spreadsheets.safeText(e.path("fieldName").asString("")));
                row.createCell(4).setCellValue(e.path("type").asString(""));
                row.createCell(5).setCellValue(Spreadsheets.safeText(e.path("cell").asString("")));
                row.createCell(6).setCellValue(Spreadsheets.safeText(e.path("message").asString("")));
            }
            wb.write(out);
        }
    }

    private static int pair(SXSSFSheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(Spreadsheets.safeText(value));
        return r + 1;
    }
}
