package kr.sotong.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.campaigns.placement.Campaign;
import kr.sotong.campaigns.placement.CampaignService;
import kr.sotong.campaigns.placement.Placement;
import kr.sotong.newsletter.NewsletterFixtures;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The seeded 2025 placements, the timeline, performance figures, the guidebook e-book and the API. */
@SotongTest
class CampaignsTest {

    @Autowired
    CampaignService service;
    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    PdfRenderer renderer;
    @Autowired
    JdbcClient jdbc;

    Campaign anniversary() {
        return service.byCode(Campaign.ANNIVERSARY_30).orElseThrow();
    }

    Map<String, Placement> seeded() {
        return service.placements(anniversary().getId()).stream().filter(p -> p.getSeedKey() != null)
                .collect(Collectors.toMap(Placement::getSeedKey, Function.identity()));
    }

    @Test
    void seedHoldsThe2025PlacementsAsTheWorkPlanStatesThem() {
        Campaign c = anniversary();
        assertThat(c.getBudgetThousands()).isEqualTo(227_644L);
        assertThat(c.getStartsOn()).isEqualTo(LocalDate.of(2025, 1, 1));
        Map<String, Placement> p = seeded();
        assertThat(p).hasSize(11);
        Placement naver = p.get("naver-banner");
        assertThat(naver.getKind()).isEqualTo(Placement.Kind.ONLINE_BANNER);
        assertThat(naver.period().toKoreanMonths()).isEqualTo("2025. 1. ~ 2025. 12.");
        assertThat(naver.getPlace()).contains("네이버").contains("PC 및 모바일");
        Placement sign = p.get("siheung-ic-sign");
        assertThat(sign.getHeightMm()).isEqualTo(2100);
        assertThat(sign.getLengthMm()).isEqualTo(13000);
        assertThat(sign.sizeLabel()).isEqualTo("높이 2.1m × 길이 13m");
        assertThat(sign.getDetails()).contains("비조명 채널사인");
        assertThat(sign.getPlace()).contains("시흥IC");
        assertThat(sign.period().toKoreanMonths()).isEqualTo("2025. 3. ~ 2025. 5.");
        List<Placement> busStops = p.values().stream().filter(x -> x.getKind() == Placement.Kind.BUS_STOP_AD).toList();
        assertThat(busStops).hasSize(4).extracting(Placement::getPlace).allMatch(s -> s.startsWith("시흥대로"))
                .anyMatch(s -> s.contains("석수역")).anyMatch(s -> s.contains("시흥사거리"))
                .anyMatch(s -> s.contains("금천구청")).anyMatch(s -> s.contains("금천우체국"));
        assertThat(busStops).allMatch(b -> b.getStartsOn().equals(LocalDate.of(2025, 9, 1))
                && b.getEndsOn().equals(LocalDate.of(2025, 10, 31)));
        assertThat(p.values().stream().filter(x -> x.getKind() == Placement.Kind.PHOTO_ZONE).map(Placement::getTitle))
                .containsExactlyInAnyOrder("캐릭터 포토존 — 벤치형", "캐릭터 포토존 — 캐릭터 조형물");
        assertThat(p.get("photo-zone-bench").period().toKoreanMonths()).isEqualTo("2025. 3. ~ 2025. 10.");
        assertThat(p.get("guidebook-print").period().toKoreanMonths()).isEqualTo("2025. 2. ~ 2025. 8.");
        assertThat(p.get("guidebook-ebook").getKind()).isEqualTo(Placement.Kind.EBOOK);
        assertThat(p.get("newsletter-special").getDetails()).contains("40면").contains("32면");
        // the work plan states no costs or vendors: they stay empty
        assertThat(p.values()).allMatch(x -> x.getCostWon() == null && x.getVendor() == null);
        assertThat(p.values()).allMatch(x -> x.getStatus() == Placement.Status.PLANNED || x.getSeedKey().equals("guidebook-ebook")
                || x.getSeedKey().equals("naver-banner"));
    }

    @Test
    void timelineMarksTheMonthsEachPlacementRuns() throws Exception {
        var timeline = service.timeline(anniversary().getId());
        assertThat(timeline.months()).hasSize(12);
        var sign = timeline.rows().stream().filter(r -> "siheung-ic-sign".equals(r.placement().getSeedKey())).findFirst()
                .orElseThrow();
        assertThat(sign.months()).containsExactly(false, false, true, true, true, false, false, false, false, false, false,
                false);
        StaffMember viewer = staff.create(Roles.VIEWER);
        mvc.perform(get("/staff/campaigns/" + anniversary().getId()).with(staff.as(viewer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("버스정류장 광고 — 금천우체국")))
                .andExpect(content().string(Matchers.containsString("미정")));
        mvc.perform(get("/staff/campaigns").with(staff.as(viewer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("227,644")));
    }

    @Test
    void performanceFiguresFollowTheKindOfPlacement() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        Placement naver = seeded().get("naver-banner");
        Placement sign = seeded().get("siheung-ic-sign");
        String base = "/staff/campaigns/placements/";
        mvc.perform(post(base + naver.getId() + "/metrics").with(staff.as(editor)).with(csrf()).param("metric", "IMPRESSIONS")
                        .param("measuredFrom", "2025-01-01").param("measuredTo", "2025-01-31").param("value", "120000")
                        .param("source", "네이버 광고 보고서"))
                .andExpect(flash().attribute("info", "실적을 기록했습니다."));
        mvc.perform(post(base + naver.getId() + "/metrics").with(staff.as(editor)).with(csrf()).param("metric", "CLICKS")
                .param("measuredFrom", "2025-01-01").param("measuredTo", "2025-01-31").param("value", "1830"));
        mvc.perform(post(base + sign.getId() + "/metrics").with(staff.as(editor)).with(csrf()).param("metric", "CLICKS")
                        .param("measuredFrom", "2025-03-01").param("measuredTo", "2025-03-31").param("value", "5"))
                .andExpect(flash().attribute("error", Matchers.containsString("온라인 매체")));
        mvc.perform(post(base + sign.getId() + "/metrics").with(staff.as(editor)).with(csrf()).param("metric", "COUNT")
                        .param("measuredFrom", "2099-03-01").param("measuredTo", "2099-03-31").param("value", "5"))
                .andExpect(flash().attribute("error", Matchers.containsString("아직 오지 않은 날짜")));
        Placement updated = service.placement(naver.getId());
        assertThat(CampaignService.clickThroughRate(updated)).isNotNull();
        mvc.perform(get("/api/v1/campaigns/" + anniversary().getId() + "/placements").with(staff.as(editor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(Matchers.greaterThanOrEqualTo(11)))
                .andExpect(jsonPath("$[?(@.title == '구 경계 조형물 (금천구 진입 안내)')].heightMm").value(2100))
                .andExpect(jsonPath("$[?(@.title == '구 경계 조형물 (금천구 진입 안내)')].costWon").value(Matchers.contains((Object) null)))
                .andExpect(jsonPath("$[?(@.title == '네이버 배너 광고 (PC·모바일)')].impressions").value(
                        Matchers.hasItem(Matchers.greaterThanOrEqualTo(120000))));
        mvc.perform(get("/api/v1/campaigns").with(staff.as(editor))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'ANNIVERSARY_30')].budgetThousands").value(227644));
        mvc.perform(get("/api/v1/campaigns/999999/placements").with(staff.as(editor))).andExpect(status().isNotFound());
        // status transitions are guarded by the placement itself
        mvc.perform(post(base + naver.getId() + "/status").with(staff.as(editor)).with(csrf()).param("action", "complete"))
                .andExpect(flash().attribute("error", Matchers.containsString("진행 중인 것만")));
    }

    @Test
    void guidebookIsPublishedThroughTheNewsletterEBookViewer() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        Placement ebook = seeded().get("guidebook-ebook");
        byte[] pdf = NewsletterFixtures.pdf(renderer, List.of("금천구 소개 가이드북", "자연: 호암산과 안양천", "명소: 가산디지털단지"));
        mvc.perform(multipart("/staff/campaigns/placements/" + ebook.getId() + "/ebook")
                        .file(new MockMultipartFile("file", "guidebook.pdf", "application/pdf", NewsletterFixtures.encrypted(pdf)))
                        .with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("암호")));
        mvc.perform(multipart("/staff/campaigns/placements/" + ebook.getId() + "/ebook")
                        .file(new MockMultipartFile("file", "guidebook.pdf", "application/pdf", pdf))
                        .param("title", "금천구 가이드북").with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("info", Matchers.containsString("3쪽")));
        Long ebookId = service.placement(ebook.getId()).getEbookId();
        assertThat(ebookId).isNotNull();
        assertThat(jdbc.sql("select owner from newsletter_ebook where id = :id").param("id", ebookId).query(String.class)
                .single()).isEqualTo("campaigns");
        mvc.perform(get("/ebooks/" + ebookId).param("page", "2")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("호암산과 안양천")));
        mvc.perform(get("/anniversary")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/ebooks/" + ebookId)))
                .andExpect(content().string(Matchers.containsString("시흥IC 인근")));
        // only the e-book placement can carry an e-book
        Placement sign = seeded().get("siheung-ic-sign");
        mvc.perform(multipart("/staff/campaigns/placements/" + sign.getId() + "/ebook")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", pdf)).with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("e-book 유형에만")));
        mvc.perform(get("/staff/campaigns/placements/" + ebook.getId()).with(staff.as(editor))).andExpect(status().isOk());
    }

    @Test
    void photosAreCheckedAndNewPlacementsValidated() throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        Placement zone = seeded().get("photo-zone-bench");
        String url = "/staff/campaigns/placements/" + zone.getId() + "/photos";
        int before = service.placement(zone.getId()).getPhotos().size();
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "zone.jpg", "image/jpeg", NewsletterFixtures.pngBomb(80_000, 80_000)))
                .with(staff.as(editor)).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("확장자")));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "zone.png", "image/png", NewsletterFixtures.pngBomb(80_000, 80_000)))
                .with(staff.as(editor)).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("화소")));
        mvc.perform(multipart(url).file(new MockMultipartFile("file", "zone.png", "image/png", NewsletterFixtures.image("png", 30, 20)))
                .param("caption", "구청 광장 벤치형 포토존").with(staff.as(editor)).with(csrf()))
                .andExpect(flash().attribute("info", "사진을 등록했습니다."));
        assertThat(service.placement(zone.getId()).getPhotos()).hasSize(before + 1);
        mvc.perform(get(url + "/" + before).with(staff.as(editor))).andExpect(status().isOk());

        mvc.perform(post("/staff/campaigns/" + anniversary().getId() + "/placements").with(staff.as(editor)).with(csrf())
                        .param("kind", "BUS_STOP_AD").param("title", "버스정류장 광고 — 시험").param("place", "시흥대로")
                        .param("startsOn", "2025-10-31").param("endsOn", "2025-09-01"))
                .andExpect(flash().attribute("error", Matchers.containsString("시작일")));
        mvc.perform(post("/staff/campaigns/" + anniversary().getId() + "/placements").with(staff.as(editor)).with(csrf())
                        .param("kind", "BOUNDARY_SIGN").param("title", "경계 조형물 시험").param("place", "독산동 경계")
                        .param("startsOn", "2026-03-01").param("heightM", "2.1").param("lengthM", "13"))
                .andExpect(status().is3xxRedirection());
        Placement added = service.placements(anniversary().getId()).stream()
                .filter(p -> p.getTitle().equals("경계 조형물 시험")).findFirst().orElseThrow();
        assertThat(added.getHeightMm()).isEqualTo(2100);
        assertThat(added.getCostWon()).isNull();
    }
}
