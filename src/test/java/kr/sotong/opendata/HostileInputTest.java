package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.sotong.opendata.table.Encodings;
import kr.sotong.opendata.validation.ValidationReport;
import kr.sotong.opendata.validation.Validator;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hostile inputs: each ends in a clear Korean error or a row-level error, never a crash. */
class HostileInputTest {

    @TempDir
    Path tmp;

    private final Validator validator = new Validator();

    private ValidationReport validate(Path f) {
        return validator.validate(f, f.getFileName().toString(), Validator.Options.defaults());
    }

    @Test
    void unclosedQuoteIsASourceErrorNamingTheRow() throws IOException {
        Path f = Files.writeString(tmp.resolve("q.csv"), "id,name\n1,Kim\n2,\"Lee\n3,Park\n");
        ValidationReport r = validate(f);
        assertThat(FrictionlessFixturesTest.flat(r)).containsExactly("None,None,source-error");
        assertThat(r.errors().get(0).message()).contains("3행에서 시작한 따옴표");
        assertThat(r.rows()).isEqualTo(1);
    }

    @Test
    void mixedEncodingsStopWithEncodingErrorAtTheRow() throws IOException {
        Path f = tmp.resolve("mixed.csv");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("번호,이름\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 5000; i++) {
                out.write((i + ",금천구민" + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("5001,독산동\n".getBytes(Encodings.CP949));
        }
        ValidationReport r = validate(f);
        assertThat(r.encoding()).isEqualTo("UTF-8");
        assertThat(FrictionlessFixturesTest.flat(r)).containsExactly("None,None,encoding-error");
        assertThat(r.errors().get(0).message()).contains("인코딩");
        assertThat(r.rows()).isEqualTo(5000);
        assertThat(r.errors().get(0).message()).contains("5002행");
    }

    @Test
    void aFileThatIsNotWhatItClaims() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ValidationReport r = validate(Files.write(tmp.resolve("data.csv"), png));
        assertThat(FrictionlessFixturesTest.flat(r)).containsExactly("None,None,format-error");
        assertThat(r.errors().get(0).message()).contains("CSV 또는 XLSX");
        Path fakeXlsx = Files.write(tmp.resolve("fake.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThat(FrictionlessFixturesTest.flat(validate(fakeXlsx))).containsExactly("None,None,format-error");
        assertThat(FrictionlessFixturesTest.flat(validate(Files.write(tmp.resolve("empty.csv"), new byte[0]))))
                .containsExactly("None,None,source-error");
    }

    @Test
    void xlsxZipBombIsRefusedWithoutInflating() throws IOException {
        Path f = tmp.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros); // 64 MB of zeros: about 64 KB compressed
            }
            zip.closeEntry();
        }
        assertThat(Files.size(f)).isLessThan(1_000_000);
        ValidationReport r = validate(f);
        assertThat(FrictionlessFixturesTest.flat(r)).containsExactly("None,None,source-error");
        assertThat(r.errors().get(0).message()).contains("압축 폭탄");
    }

    @Test
    void passwordProtectedXlsxIsRefusedPolitely() throws Exception {
        Path f = tmp.resolve("secret.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); POIFSFileSystem fs = new POIFSFileSystem()) {
            wb.createSheet("자료").createRow(0).createCell(0).setCellValue("번호");
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("geumcheon");
            try (OutputStream os = enc.getDataStream(fs)) {
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                fs.writeFilesystem(out);
            }
        }
        ValidationReport r = validate(f);
        assertThat(FrictionlessFixturesTest.flat(r)).containsExactly("None,None,source-error");
        assertThat(r.errors().get(0).message()).contains("암호로 보호된");
    }

    @Test
    void xlsxEverySheetMergedTwoRowHeaderGapsAndDates() throws IOException {
        Path f = tmp.resolve("facilities.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("2025");
            XSSFRow h1 = s.createRow(0);
            h1.createCell(0).setCellValue("연번");
            h1.createCell(1).setCellValue("주소");
            h1.createCell(3).setCellValue("개소일");
            XSSFRow h2 = s.createRow(1);
            h2.createCell(1).setCellValue("도로명");
            h2.createCell(2).setCellValue("지번");
            s.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
            s.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
            s.addMergedRegion(new CellRangeAddress(0, 1, 3, 3));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            XSSFRow d1 = s.createRow(2);
            d1.createCell(0).setCellValue(1);
            d1.createCell(1).setCellValue("서울특별시 금천구 시흥대로73길 70");
            d1.createCell(2).setCellValue("서울특별시 금천구 시흥동 1000");
            d1.createCell(3).setCellValue(LocalDate.of(2025, 3, 1));
            d1.getCell(3).setCellStyle(date);
            // row 4 (index 3) left out entirely: a blank row
            XSSFRow d2 = s.createRow(4);
            d2.createCell(0).setCellValue(2);
            d2.createCell(1).setCellValue("서울특별시 금천구 독산로 5");
            d2.createCell(3).setCellValue(LocalDate.of(2025, 9, 30));
            d2.getCell(3).setCellStyle(date);
            XSSFSheet other = wb.createSheet("2024");
            other.createRow(0).createCell(0).setCellValue("번호");
            other.createRow(1).createCell(0).setCellValue(7);
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        ValidationReport r = validate(f);
        assertThat(r.format()).isEqualTo("XLSX");
        assertThat(r.tasks()).hasSize(2);
        ValidationReport.Task first = r.tasks().get(0);
        assertThat(first.name()).isEqualTo("2025");
        assertThat(first.headerRows()).isEqualTo(2);
        assertThat(first.schema().fields()).extracting(fld -> fld.name())
                .containsExactly("연번", "주소 도로명", "주소 지번", "개소일");
        assertThat(first.schema().fields().get(3).type()).isEqualTo("date");
        assertThat(first.errors()).extracting(e -> e.rowNumber() + "," + e.fieldNumber() + "," + e.type())
                .containsExactly("4,null,blank-row");
        assertThat(r.tasks().get(1).name()).isEqualTo("2024");
        assertThat(r.tasks().get(1).rows()).isEqualTo(1);
    }

    /**
     * A 100 MB single cell and a 100,000-column header, validated in a separate JVM limited to 64 MB of heap:
     * the cell is truncated and reported as a row-level error, the wide file refused with a Korean message.
     */
    @Test
    void hugeCellAndHugeRowStayWithinASmallHeap() throws Exception {
        Path cell = tmp.resolve("cell.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(cell), 1 << 16)) {
            out.write("id,text\n1,\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "가나다라마바사아자차".repeat(1000).getBytes(StandardCharsets.UTF_8); // 30 KB
            for (long written = 0; written < 100L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\"\n2,ok\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path wide = tmp.resolve("wide.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wide), 1 << 16)) {
            for (int i = 1; i <= 100_000; i++) {
                out.write(((i > 1 ? "," : "") + "c" + i).getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\n1,2,3\n".getBytes(StandardCharsets.US_ASCII));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), HostileMain.class.getName(),
                cell.toString(), wide.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("cell.csv: 2,2,cell-size-error");
        assertThat(out).contains("cell.csv rows=2");
        assertThat(out).contains("wide.csv: None,None,source-error");
        assertThat(out).contains("16384개를 넘습니다");
        assertThat(new File(cell.toString()).delete()).isTrue();
    }
}
