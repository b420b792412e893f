package kr.sotong.signage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.report.ProofOfPlayLedger;
import kr.sotong.signage.schedule.Campaign;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Daypart;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.Playlist;
import kr.sotong.signage.schedule.ScheduleResolver;
import kr.sotong.signage.schedule.Targets;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Staff pages and the staff API of signage, with bad input. */
@SotongTest
class SignageStaffTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    SignageFixtures fx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ProofOfPlayLedger ledger;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long contentCount() {
        return jdbc.sql("select count(*) from signage_content").query(Long.class).single();
    }

    @Test
    void everyPageOpensForThePrMediaTeamAndRolesAreEnforced() throws Exception {
        StaffMember media = staff.create(Roles.PR_MEDIA);
        Device d = fx.device(SignageFixtures.uniqueTag());
        ContentItem c = fx.image("페이지 " + d.code(), Color.GRAY);
        Playlist p = fx.playlist(Layout.MAIN_WITH_TICKER, 8, c, fx.ticker("구정 소식은 금천구청 누리집에서"));
        Campaign camp = fx.campaign("페이지 캠페인", CampaignKind.NORMAL, p, 10, Targets.devices(d.id()), List.of());
        for (String url : List.of("/staff/signage", "/staff/signage/devices", "/staff/signage/devices/new",
                "/staff/signage/devices/pair", "/staff/signage/devices/" + d.id(), "/staff/signage/content",
                "/staff/signage/content/" + c.id(), "/staff/signage/playlists", "/staff/signage/playlists/" + p.id(),
                "/staff/signage/campaigns", "/staff/signage/campaigns/new", "/staff/signage/campaigns/" + camp.id(),
                "/staff/signage/reports", "/staff/signage/reports?campaignId=" + camp.id())) {
            mvc.perform(get(url).with(staff.as(media))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("홍보미디어팀")));
        }
        mvc.perform(get("/staff/signage").with(staff.as(media)))
                .andExpect(content().string(containsString("663"))).andExpect(content().string(containsString("46")));
        mvc.perform(get("/staff/signage/devices/" + d.id()).with(staff.as(media)))
                .andExpect(content().string(containsString("페이지 캠페인")));

        StaffMember viewer = staff.create(Roles.VIEWER);
        mvc.perform(get("/staff/signage/devices").with(staff.as(viewer))).andExpect(status().isOk());
        mvc.perform(post("/staff/signage/content/" + c.id() + "/withdraw").with(staff.as(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        StaffMember press = staff.create(Roles.PRESS);
        mvc.perform(get("/staff/signage/devices").with(staff.as(press))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/signage/devices").with(staff.as(press))).andExpect(status().isForbidden());
    }

    @Test
    void corruptMislabelledOrDangerousUploadsAreRefusedAndNothingIsSaved() throws Exception {
        StaffMember media = staff.create(Roles.PR_MEDIA);
        byte[] png = SignageFixtures.png(Color.PINK, 640, 360);
        long before = contentCount();
        byte[] cut = java.util.Arrays.copyOf(png, png.length / 3);
        mvc.perform(multipart("/staff/signage/content/upload").file(new MockMultipartFile("file", "cut.png", "image/png", cut))
                        .param("title", "잘린 이미지").with(staff.as(media)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("손상")));
        mvc.perform(multipart("/staff/signage/content/upload")
                        .file(new MockMultipartFile("file", "poster.jpg", "image/jpeg",
                                "<html><script>alert(1)</script></html>".getBytes()))
                        .param("title", "가짜 이미지").with(staff.as(media)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("허용되지 않는")));
        mvc.perform(multipart("/staff/signage/content/upload")
                        .file(new MockMultipartFile("file", "report.mp4", "video/mp4", "%PDF-1.4 fake".getBytes()))
                        .param("title", "영상이라던 문서").with(staff.as(media)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("올릴 수 없는 형식")));
        mvc.perform(multipart("/staff/signage/content/upload").param("title", "파일 없음").with(staff.as(media)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("파일을 고르세요")));
        mvc.perform(multipart("/staff/signage/content/upload").file(new MockMultipartFile("file", "ok.png", "image/png", png))
                        .param("title", "정상").param("validFrom", "2025-13-40").with(staff.as(media)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("날짜 형식")));
        assertThat(contentCount()).isEqualTo(before);

        // a PNG named .jpg is taken for what it is, with a note
        MvcResult ok = mvc.perform(multipart("/staff/signage/content/upload")
                        .file(new MockMultipartFile("file", "poster.jpg", "image/jpeg", png))
                        .param("title", "포스터").with(staff.as(media)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/staff/signage/content/*")).andReturn();
        assertThat(contentCount()).isEqualTo(before + 1);
        assertThat((String) ok.getFlashMap().get("info")).contains("image/png");
    }

    @Test
    void formsAnswerBadInputInKorean() throws Exception {
        StaffMember media = staff.create(Roles.PR_MEDIA);
        mvc.perform(post("/staff/signage/devices").with(staff.as(media)).with(csrf())
                        .param("name", "엘리베이터 보드").param("kind", "MEDIA_BOARD").param("orientation", "PORTRAIT")
                        .param("width", "abc").param("height", "1920"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("숫자로 입력하세요")));
        mvc.perform(post("/staff/signage/devices").with(staff.as(media)).with(csrf())
                        .param("name", "엘리베이터 보드").param("kind", "MEDIA_BOARD").param("orientation", "PORTRAIT")
                        .param("width", "1080").param("height", "1920").param("tags", "<script>"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("태그 이름에는")));
        mvc.perform(post("/staff/signage/devices/pair").with(staff.as(media)).with(csrf())
                        .param("pairingCode", "ZZZ-ZZZ").param("deviceCode", "MB-9999999"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("등록되지 않은 기기 코드")));
        mvc.perform(post("/staff/signage/campaigns").with(staff.as(media)).with(csrf())
                        .param("name", "잘못된 시간").param("kind", "NORMAL").param("playlistId", "1")
                        .param("start", "2025-09-01").param("end", "2025-09-30").param("targetAll", "true")
                        .param("dp0Days", "MONDAY").param("dp0Start", "25:99").param("dp0End", "02:00"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("시간대 1의 시작 시각 형식이 올바르지 않습니다")));
        mvc.perform(post("/staff/signage/campaigns").with(staff.as(media)).with(csrf())
                        .param("name", "대상 없음").param("kind", "NORMAL").param("playlistId", "1")
                        .param("start", "2025-09-01").param("end", "2025-08-30"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("종료일이 시작일보다 빠릅니다")));
    }

    @Test
    void aMidnightCrossingCampaignIsPlannedThroughTheFormAndEqualPrioritiesShowTheirTieBreak() throws Exception {
        StaffMember media = staff.create(Roles.PR_MEDIA);
        String tag = SignageFixtures.uniqueTag();
        Device d = fx.device(tag);
        Playlist p = fx.playlist(Layout.FULL_SCREEN, 10, fx.image("야간 " + tag, Color.DARK_GRAY));
        LocalDate today = LocalDate.now(ScheduleResolver.ZONE);
        MvcResult r = mvc.perform(post("/staff/signage/campaigns").with(staff.as(media)).with(csrf())
                        .param("name", "야간 송출 " + tag).param("kind", "NORMAL").param("playlistId", String.valueOf(p.id()))
                        .param("start", today.minusDays(1).toString()).param("end", today.plusDays(10).toString())
                        .param("priority", "70").param("targetTags", tag)
                        .param("dp0Days", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                        .param("dp0Start", "22:00").param("dp0End", "02:00"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long first = Long.parseLong(r.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        Campaign second = fx.campaign("종일 송출 " + tag, CampaignKind.NORMAL, p, 70, Targets.tags(tag), List.of(), today,
                today.plusDays(5));

        mvc.perform(get("/staff/signage/campaigns/" + first).with(staff.as(media)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("22:00–02:00(다음 날)")))
                .andExpect(content().string(containsString("종일 송출 " + tag)))
                .andExpect(content().string(containsString("우선순위 70가 같은")));

        // at 01:00 the night window (started yesterday) and the all-day campaign overlap: the later start wins
        LocalDateTime oneAm = today.plusDays(1).atTime(LocalTime.of(1, 0));
        mvc.perform(get("/api/v1/signage/devices/" + d.id() + "/effective-playlist").param("at", oneAm.toString())
                        .with(staff.as(media)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.main.campaignId").value(second.id()))
                .andExpect(jsonPath("$.notes[0]").value(containsString("더 늦게 시작한 캠페인")));
        // at noon only the all-day campaign runs
        mvc.perform(get("/api/v1/signage/devices/" + d.id() + "/effective-playlist")
                        .param("at", today.plusDays(1).atTime(12, 0) + "+09:00").with(staff.as(media)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.main.campaignId").value(second.id()))
                .andExpect(jsonPath("$.hourPlan[0].seconds").value(3600));
        mvc.perform(get("/api/v1/signage/devices/" + d.id() + "/effective-playlist").param("at", "어제 밤")
                        .with(staff.as(media)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("at 값을 읽을 수 없습니다")));
    }

    @Test
    void theStaffApiListsDevicesByTag() throws Exception {
        StaffMember viewer = staff.create(Roles.VIEWER);
        String tag = SignageFixtures.uniqueTag();
        Device a = fx.device(tag);
        Device b = fx.device(tag);
        fx.device(SignageFixtures.uniqueTag());
        mvc.perform(get("/api/v1/signage/devices").param("tag", tag).with(staff.as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].code").value(a.code()))
                .andExpect(jsonPath("$.items[1].code").value(b.code()))
                .andExpect(jsonPath("$.items[0].condition").value("UNPAIRED"))
                .andExpect(jsonPath("$.items[0].kindLabel").value("미디어보드"));
        mvc.perform(get("/api/v1/signage/devices").param("limit", "0").with(staff.as(viewer)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/signage/devices").param("kind", "TOASTER").with(staff.as(viewer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAnniversaryCampaignReportCountsPlaysPerContentAndDeviceAndExportsToExcel() throws Exception {
        String tag = SignageFixtures.uniqueTag();
        Device d1 = fx.device(tag);
        Device d2 = fx.device(tag);
        ContentItem a = fx.image("30주년 영상 포스터 " + tag, Color.ORANGE);
        ContentItem b = fx.image("30주년 행사 안내 " + tag, Color.YELLOW);
        Playlist p = fx.playlist(Layout.FULL_SCREEN, 15, a, b);
        Campaign anniversary = fx.campaign("개청 30주년 " + tag, CampaignKind.NORMAL, p, 80, Targets.tags(tag), List.of(),
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 31));
        clock.setTo(LocalDateTime.of(2025, 10, 5, 12, 0));
        Instant base = LocalDateTime.of(2025, 9, 20, 10, 0).atZone(ScheduleResolver.ZONE).toInstant();
        play(d1, a, anniversary, base, 3);
        play(d1, b, anniversary, base.plusSeconds(3600), 2);
        play(d2, a, anniversary, base.plusSeconds(7200), 1);
        // before the campaign: not in its report
        play(d2, a, anniversary, LocalDateTime.of(2025, 8, 31, 23, 0).atZone(ScheduleResolver.ZONE).toInstant(), 1);
        StaffMember director = staff.create(Roles.DIRECTOR);

        mvc.perform(get("/api/v1/signage/reports/proof-of-play").param("campaignId", String.valueOf(anniversary.id()))
                        .with(staff.as(director)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filter.from").value("2025-09-01"))
                .andExpect(jsonPath("$.filter.to").value("2025-10-31"))
                .andExpect(jsonPath("$.totals.plays").value(6))
                .andExpect(jsonPath("$.totals.seconds").value(90))
                .andExpect(jsonPath("$.totals.devices").value(2))
                .andExpect(jsonPath("$.byContent[0].label").value("30주년 영상 포스터 " + tag))
                .andExpect(jsonPath("$.byContent[0].plays").value(4))
                .andExpect(jsonPath("$.byDay[0].id").value("2025-09-20"));

        MvcResult x = mvc.perform(get("/staff/signage/reports/proof-of-play.xlsx")
                        .param("campaignId", String.valueOf(anniversary.id())).with(staff.as(director)))
                .andExpect(status().isOk()).andReturn();
        assertThat(x.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheet("요약").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(6);
            Sheet byDevice = wb.getSheet("기기별");
            assertThat(byDevice.getRow(1).getCell(0).getStringCellValue()).contains(d1.code());
            assertThat(byDevice.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(5);
            assertThat(wb.getSheet("가동률")).isNotNull();
        }
        mvc.perform(get("/staff/signage/reports").param("campaignId", String.valueOf(anniversary.id())).with(staff.as(director)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("개청 30주년 " + tag)));
        mvc.perform(get("/staff/signage/reports").param("from", "2025-10-01").param("to", "2025-09-01").with(staff.as(director)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("종료일이 시작일보다 빠릅니다")));
    }

    private void play(Device d, ContentItem c, Campaign campaign, Instant start, int times) {
        List<ProofOfPlayLedger.Play> plays = new java.util.ArrayList<>();
        for (int i = 0; i < times; i++) {
            plays.add(new ProofOfPlayLedger.Play(UUID.randomUUID().toString(), c.id(), campaign.id(), campaign.playlistId(),
                    start.plusSeconds(15L * i), 15_000L));
        }
        ProofOfPlayLedger.Receipt r = ledger.record(d.id(), new ProofOfPlayLedger.Batch(clock.instant(), plays));
        assertThat(r.accepted()).isEqualTo(times);
    }

    @Test
    void daypartsAcrossMidnightRoundTripThroughTheEditForm() throws Exception {
        StaffMember media = staff.create(Roles.PR_MEDIA);
        String tag = SignageFixtures.uniqueTag();
        Playlist p = fx.playlist(Layout.FULL_SCREEN, 10, fx.image("편집 " + tag, Color.LIGHT_GRAY));
        Campaign c = fx.campaign("편집 " + tag, CampaignKind.INTERRUPT, p, 5, Targets.tags(tag),
                List.of(new Daypart(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), LocalTime.of(23, 30), LocalTime.MIDNIGHT)));
        mvc.perform(get("/staff/signage/campaigns/" + c.id()).with(staff.as(media)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"24:00\"")))
                .andExpect(content().string(containsString("금·토 23:30–24:00")));
    }
}
