package kr.sotong.workplan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.workplan.BudgetReport;
import kr.sotong.workplan.Organization;
import kr.sotong.workplan.Program;
import kr.sotong.workplan.Staffing;
import kr.sotong.workplan.Workplan;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The annual work plan as PDF (Korean font embedded) and XLSX, reproducing the document's tables. */
@Controller
class ReportExport {

    private final Workplan workplan;
    private final PdfRenderer pdf;
    private final TemplateEngine templates;

    ReportExport(Workplan workplan, PdfRenderer pdf, TemplateEngine templates) {
        this.workplan = workplan;
        this.pdf = pdf;
        this.templates = templates;
    }

    private String fileName(String ext) {
        return workplan.currentPlanYear().map(y -> y + "년_주요업무계획").orElse("주요업무계획") + "." + ext;
    }

    private static HttpHeaders download(String name, MediaType type) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(type);
        h.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
        return h;
    }

    @GetMapping("/staff/workplan/report.pdf")
    ResponseEntity<byte[]> pdf() {
        Context ctx = new Context(java.util.Locale.KOREAN);
        ctx.setVariable("title", workplan.documentTitle().orElse("주요업무계획"));
        ctx.setVariable("org", workplan.organization());
        workplan.currentPlanYear().ifPresent(y -> ctx.setVariable("budget", workplan.budget(y)));
        ctx.setVariable("programs", workplan.programs());
        String html = templates.process("workplan/report-pdf", ctx);
        return new ResponseEntity<>(pdf.render(html), download(fileName("pdf"), MediaType.APPLICATION_PDF),
                HttpStatus.OK);
    }

    @GetMapping("/staff/workplan/report.xlsx")
    ResponseEntity<byte[]> xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Organization org = workplan.organization();
            staffingSheet(wb, st, org);
            workplan.currentPlanYear().ifPresent(y -> budgetSheet(wb, st, workplan.budget(y)));
            List<Program> programs = workplan.programs();
            programsSheet(wb, st, programs);
            fundingSheet(wb, st, programs);
            wb.write(out);
            return new ResponseEntity<>(out.toByteArray(), download(fileName("xlsx"),
                    MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
                    HttpStatus.OK);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle title;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            border(header);
            text = wb.createCellStyle();
            border(text);
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            border(number);
            title = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
        }

        private static void border(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
    }

    private static void text(Row r, int col, String value, CellStyle style) {
        var c = r.createCell(col);
        c.setCellValue(Spreadsheets.safeText(value == null ? "" : value));
        c.setCellStyle(style);
    }

    private static void num(Row r, int col, Long value, CellStyle style) {
        var c = r.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    private static void staffingSheet(XSSFWorkbook wb, Styles st, Organization org) {
        Sheet s = wb.createSheet("인력현황");
        text(s.createRow(0), 0, "인력현황: " + (org.staffing() == null ? "-" : "정원 " + org.staffing().authorizedTotal()
                + "명 [현원 " + org.staffing().actualTotal() + "명]"), st.title);
        Staffing sf = org.staffing();
        int r = 2;
        if (sf != null) {
            text(s.createRow(1), 0, "정원(현원), 기준일 " + sf.referenceDate(), st.text);
            Row h = s.createRow(r++);
            text(h, 0, "부서명", st.header);
            text(h, 1, "합계", st.header);
            for (int i = 0; i < sf.grades().size(); i++) {
                text(h, 2 + i, sf.grades().get(i).grade() + "급", st.header);
            }
            for (String kind : List.of("정원", "현원")) {
                Row row = s.createRow(r++);
                text(row, 0, org.departmentName() + " " + kind, st.text);
                num(row, 1, (long) (kind.equals("정원") ? sf.authorizedTotal() : sf.actualTotal()), st.number);
                for (int i = 0; i < sf.grades().size(); i++) {
                    var g = sf.grades().get(i);
                    num(row, 2 + i, (long) (kind.equals("정원") ? g.authorizedHeadcount() : g.actualHeadcount()), st.number);
                }
            }
            Row disp = s.createRow(r++);
            text(disp, 0, "정원(현원)", st.text);
            text(disp, 1, sf.display(), st.text);
            for (int i = 0; i < sf.grades().size(); i++) {
                text(disp, 2 + i, sf.grades().get(i).display(), st.text);
            }
        }
        r++;
        Row th = s.createRow(r++);
        text(th, 0, "팀 명", st.header);
        text(th, 1, "주요 업무", st.header);
        for (Organization.Team t : org.teams()) {
            Row row = s.createRow(r++);
            text(row, 0, t.name(), st.text);
            text(row, 1, String.join(" / ", t.duties()), st.text);
        }
        s.setColumnWidth(0, 22 * 256);
        s.setColumnWidth(1, 60 * 256);
    }

    private static void budgetSheet(XSSFWorkbook wb, Styles st, BudgetReport b) {
        Sheet s = wb.createSheet("예산현황");
        text(s.createRow(0), 0, "예산현황 (단위: 천원)", st.title);
        Row h = s.createRow(2);
        text(h, 0, "구분", st.header);
        text(h, 1, b.year() + "년" + (b.basis() == null ? "" : " (" + b.basis() + ")"), st.header);
        boolean prev = b.previousYear() != null;
        if (prev) {
            text(h, 2, b.previousYear() + "년" + (b.previousBasis() == null ? "" : " (" + b.previousBasis() + ")"), st.header);
            text(h, 3, "증감", st.header);
            text(h, 4, "증감률(%)", st.header);
        }
        int r = 3;
        for (BudgetReport.CategoryRow c : java.util.stream.Stream.concat(java.util.stream.Stream.of(b.total()),
                b.categories().stream()).toList()) {
            Row row = s.createRow(r++);
            text(row, 0, c.label(), st.text);
            num(row, 1, c.amountThousands(), st.number);
            if (prev) {
                num(row, 2, c.previousThousands(), st.number);
                num(row, 3, c.changeThousands(), st.number);
                text(row, 4, c.changeRate(), st.text);
            }
        }
        for (int i = 0; i < 5; i++) {
            s.setColumnWidth(i, 20 * 256);
        }
    }

    private static void programsSheet(XSSFWorkbook wb, Styles st, List<Program> programs) {
        Sheet s = wb.createSheet("주요사업");
        text(s.createRow(0), 0, "주요사업 목록", st.title);
        Row h = s.createRow(2);
        String[] cols = {"연번", "주요사업", "구분", "담당", "사업기간", "소요예산(천원)", "쪽"};
        for (int i = 0; i < cols.length; i++) {
            text(h, i, cols[i], st.header);
        }
        int r = 3;
        for (Program p : programs) {
            Row row = s.createRow(r++);
            num(row, 0, (long) p.seq(), st.number);
            text(row, 1, p.title(), st.text);
            text(row, 2, p.kind().label(), st.text);
            text(row, 3, p.teamName(), st.text);
            text(row, 4, p.periodDisplay(), st.text);
            num(row, 5, p.planYearBudgetThousands(), st.number);
            num(row, 6, p.page() == null ? null : (long) p.page(), st.number);
        }
        s.setColumnWidth(1, 50 * 256);
        s.setColumnWidth(4, 24 * 256);
        s.setColumnWidth(5, 16 * 256);
    }

    private static void fundingSheet(XSSFWorkbook wb, Styles st, List<Program> programs) {
        Sheet s = wb.createSheet("연차별 소요재원");
        text(s.createRow(0), 0, "사업별 연차별 소요재원 (단위: 천원)", st.title);
        int r = 2;
        for (Program p : programs) {
            text(s.createRow(r++), 0, p.seq() + ". " + p.title(), st.header);
            List<Integer> years = p.fundingYears();
            Row h = s.createRow(r++);
            text(h, 0, "재원별", st.header);
            text(h, 1, "합계", st.header);
            for (int i = 0; i < years.size(); i++) {
                text(h, 2 + i, years.get(i) + "년", st.header);
            }
            Row total = s.createRow(r++);
            text(total, 0, "계", st.text);
            num(total, 1, p.fundingTotalThousands(), st.number);
            for (int i = 0; i < years.size(); i++) {
                num(total, 2 + i, p.fundingFor(years.get(i)), st.number);
            }
            for (var src : p.fundingSources()) {
                Row row = s.createRow(r++);
                text(row, 0, src.label(), st.text);
                num(row, 1, p.fundingFor(src), st.number);
                for (int i = 0; i < years.size(); i++) {
                    num(row, 2 + i, p.fundingFor(years.get(i), src), st.number);
                }
            }
            r++;
        }
        s.setColumnWidth(0, 40 * 256);
        for (int i = 1; i < 7; i++) {
            s.setColumnWidth(i, 14 * 256);
        }
    }
}
