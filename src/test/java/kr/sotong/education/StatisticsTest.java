package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import kr.sotong.education.catalogue.Room;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.stats.TraineeStats;
import kr.sotong.testsupport.SotongTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The seed's 2024 table is reproduced from stored data; the 2025 programme and venues are representable. */
@SotongTest
class StatisticsTest {

    @Autowired
    TraineeStatistics statistics;
    @Autowired
    TraineeStats stats;
    @Autowired
    Venues venues;
    @Autowired
    MockMvc mvc;

    @Test
    void the2024TableOfTheWorkPlanIsReproduced() {
        TraineeTable t = statistics.trainees(2024);
        assertThat(t.periodLabel()).isEqualTo("2024년 (~9월)");
        assertThat(t.total()).isEqualTo(3245);
        assertThat(t.columnTotal("DISTRICT_OFFICE")).isEqualTo(1023);
        assertThat(t.columnTotal("COMMUNITY_CENTRE")).isEqualTo(39);
        assertThat(t.columnTotal("WELFARE_CENTRE")).isEqualTo(2183);
        assertThat(t.rows()).extracting(TraineeTable.Row::categoryName).containsExactly("스마트폰", "키오스크", "PC");
        TraineeTable.Row phone = t.rows().get(0);
        TraineeTable.Row kiosk = t.rows().get(1);
        TraineeTable.Row pc = t.rows().get(2);
        assertThat(new int[] {phone.count("DISTRICT_OFFICE"), phone.count("COMMUNITY_CENTRE"), phone.count("WELFARE_CENTRE")})
                .containsExactly(549, 39, 271);
        assertThat(new int[] {kiosk.count("DISTRICT_OFFICE"), kiosk.count("COMMUNITY_CENTRE"), kiosk.count("WELFARE_CENTRE")})
                .containsExactly(132, 0, 557);
        assertThat(new int[] {pc.count("DISTRICT_OFFICE"), pc.count("COMMUNITY_CENTRE"), pc.count("WELFARE_CENTRE")})
                .containsExactly(342, 0, 1355);
        assertThat(t.columns()).extracting(TraineeTable.Column::label)
                .containsExactly("구청 정보화교육", "동 자치회관 (독산2동, 시흥2동)", "복지관, 센터 등 (총 5개소)");
    }

    @Test
    void statsApiAndExcelExportCarryTheSameFigures() throws Exception {
        mvc.perform(get("/api/v1/education/stats").param("year", "2024")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3245))
                .andExpect(jsonPath("$.columnTotals.DISTRICT_OFFICE").value(1023))
                .andExpect(jsonPath("$.columnTotals.WELFARE_CENTRE").value(2183));
        mvc.perform(get("/api/v1/education/stats").param("year", "abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists());
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(stats.xlsx(2024)))) {
            var sheet = wb.getSheet("교육생 현황");
            Row total = sheet.getRow(3);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("총 합계");
            assertThat(new double[] {total.getCell(1).getNumericCellValue(), total.getCell(2).getNumericCellValue(),
                    total.getCell(3).getNumericCellValue(), total.getCell(4).getNumericCellValue()}).containsExactly(1023, 39, 2183, 3245);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).contains("스마트폰");
            assertThat(sheet.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(549);
            assertThat(sheet.getRow(6).getCell(3).getNumericCellValue()).isEqualTo(1355);
        }
    }

    @Test
    void venuesRoomsAndThe2025ProgrammeAreSeeded() {
        Room general = venues.roomByCode("gc-general").orElseThrow();
        assertThat(general.seats()).isEqualTo(16);
        assertThat(general.previousSeats()).isEqualTo(40);
        assertThat(venues.roomByCode("gc-practice").orElseThrow().equipment()).contains("AI 로봇").contains("드론");
        assertThat(venues.venues()).extracting(kr.sotong.education.catalogue.Venue::name)
                .contains("독산2동 자치회관", "시흥2동 자치회관", "복지관·센터 1", "복지관·센터 5");
        assertThat(venues.venues().stream().filter(v -> v.kind() == kr.sotong.education.catalogue.VenueKind.WELFARE_CENTRE)).hasSize(5);
        assertThat(venues.levels()).extracting(kr.sotong.education.catalogue.Level::name).containsExactly("입문", "초급", "중급");
        var plan = stats.plan(2025);
        assertThat(plan).extracting(TraineeStats.PlanItem::kind)
                .contains("REGULAR", "TREND", "COUNSELLING", "KIOSK", "GAP_LECTURE", "FIELD_TRIP", "CONTEST");
        var trip = plan.stream().filter(p -> p.kind().equals("FIELD_TRIP")).findFirst().orElseThrow();
        assertThat(trip.planned()).isEqualTo(2);
        assertThat(trip.baseline()).isEqualTo(1);
        var contest = plan.stream().filter(p -> p.kind().equals("CONTEST")).findFirst().orElseThrow();
        assertThat(contest.month()).isEqualTo(6);
        assertThat(contest.place()).isEqualTo("구청 대강당");
        assertThat(contest.detail()).contains("온라인").contains("스마트폰");
        assertThat(plan.stream().filter(p -> p.kind().equals("GAP_LECTURE")).findFirst().orElseThrow().detail())
                .contains("민원24").contains("서울안전앱").contains("보이스 피싱".replace(" ", ""));
    }
}
