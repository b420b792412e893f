package kr.sotong.newsletter.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import kr.sotong.shared.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The XLSX parser never fails with anything but a Korean DomainException, and keeps what it accepts valid. */
class PointSheetPropertyTest {

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("도서관", "은행", "COMMUNITY_CENTER", "가산동", "독산4동", "시흥3동", "37.5", "-91", "abc",
                        "1,000", "12.5", "0", "-3", "100001", "=1+1", "", " "),
                Arbitraries.integers().between(-5, 200_000).map(String::valueOf));
        return cell.list().ofMinSize(0).ofMaxSize(9).list().ofMaxSize(12);
    }

    @Property(tries = 60)
    void randomSheetsParseOrFailInKorean(@ForAll("rows") List<List<String>> rows, @ForAll boolean withHeader)
            throws Exception {
        byte[] xlsx = workbook(rows, withHeader);
        try {
            List<PointSheet.PointRow> parsed = PointSheet.parse(new ByteArrayInputStream(xlsx));
            assertThat(parsed).isNotEmpty().allSatisfy(r -> {
                assertThat(DistributionPoint.DONGS).contains(r.dong());
                assertThat(r.copies()).isBetween(0, 100_000);
                assertThat(r.name()).isNotBlank();
            });
        } catch (DomainException e) {
            assertThat(e.getMessage()).containsPattern("[가-힣]"); // found anywhere: an echoed cell may hold a line break
        }
    }

    /** A cell with a line break in it (Alt+Enter in Excel): the message echoes it and is still Korean. */
    @net.jqwik.api.Example
    void aLineBreakInAKindCellIsRefusedInKorean() throws Exception {
        byte[] xlsx = workbook(List.of(List.of("도서\n관", "금천구립도서관", "시흥대로 1", "시흥1동", "", "", "10")), true);
        try {
            PointSheet.parse(new ByteArrayInputStream(xlsx));
            throw new AssertionError("a kind with a line break parsed");
        } catch (DomainException e) {
            assertThat(e.getMessage()).contains("\n").containsPattern("[가-힣]");
        }
    }

    @Property(tries = 40)
    void randomBytesAreRefusedInKorean(@ForAll byte[] bytes) {
        try {
            PointSheet.parse(new ByteArrayInputStream(bytes));
            throw new AssertionError("random bytes parsed as a workbook");
        } catch (DomainException e) {
            assertThat(e.getMessage()).contains("엑셀");
        }
    }

    static byte[] workbook(List<List<String>> rows, boolean withHeader) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("s");
            int r = 0;
            if (withHeader) {
                Row h = s.createRow(r++);
                String[] names = {"유형", "이름", "주소", "동", "위도", "경도", "배부 부수"};
                for (int i = 0; i < names.length; i++) {
                    h.createCell(i).setCellValue(names[i]);
                }
            }
            for (List<String> cells : rows) {
                Row row = s.createRow(r++);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
