package kr.sotong.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.sotong.channels.internal.ChannelCatalog;
import kr.sotong.channels.internal.ChannelsProperties;
import kr.sotong.channels.internal.ContentCalendar;
import kr.sotong.channels.internal.Coupons;
import kr.sotong.channels.internal.MetricsConnector;
import kr.sotong.channels.internal.SnsEvents;
import kr.sotong.platform.Roles;
import kr.sotong.press.PressReleasePublished;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import kr.sotong.workplan.Workplan;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Channels: seed baselines, imports with preview, connectors, calendar, promotions, events with a reproducible draw, coupons. */
@SotongTest
class ChannelsFlowTest {

    @Autowired
    ChannelCatalog catalog;
    @Autowired
    ContentCalendar calendar;
    @Autowired
    SnsEvents events;
    @Autowired
    Coupons coupons;
    @Autowired
    Workplan workplan;
    @Autowired
    Staff staff;
    @Autowired
    Outbox outbox;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate tx;

    private void asStaff(Runnable r) {
        staff.runAs(staff.create(Roles.PR_MEDIA), r);
    }

    @Test
    void seedChannelsCarryTheWorkPlanKpisOfOctober2024() throws Exception {
        var byKind = catalog.overview();
        record Expect(ChannelKind kind, long subs, Long contents, String opened, String kpi) {
        }
        for (Expect e : List.of(new Expect(ChannelKind.YOUTUBE, 6307, 178L, "2017-01-01", "P2-YOUTUBE-SUBSCRIBERS"),
                new Expect(ChannelKind.BLOG, 15290, 780L, "2010-10-01", "P2-BLOG-SUBSCRIBERS"),
                new Expect(ChannelKind.INSTAGRAM, 3864, 190L, "2020-01-01", "P2-INSTAGRAM-SUBSCRIBERS"),
                new Expect(ChannelKind.KAKAO_CHANNEL, 19079, null, "2020-07-01", "P2-KAKAO-SUBSCRIBERS"),
                new Expect(ChannelKind.SMS_ALERT, 37317, null, "2021-09-01", "P2-SMS-SUBSCRIBERS"))) {
            var o = byKind.stream().filter(x -> x.channel().kind() == e.kind()).findFirst().orElseThrow();
            var seed = catalog.metrics(o.channel().id()).stream().filter(m -> m.asOf().equals(LocalDate.of(2024, 10, 31))).findFirst().orElseThrow();
            assertThat(seed.subscribers()).isEqualTo(e.subs());
            assertThat(seed.contents()).isEqualTo(e.contents());
            assertThat(o.channel().openedOn()).isEqualTo(LocalDate.parse(e.opened()));
            assertThat(o.channel().subscriberKpi()).isEqualTo(e.kpi());
            assertThat(workplan.kpi(e.kpi()).orElseThrow().baseline().longValueExact()).isEqualTo(e.subs());
        }
        assertThat(byKind.stream().filter(x -> x.channel().kind() == ChannelKind.KAKAO_CHANNEL).findFirst().orElseThrow().channel().cadence())
                .isEqualTo("주 1회(목)");
        var staffMember = staff.create(Roles.VIEWER);
        mvc.perform(get("/api/v1/channels").with(staff.as(staffMember))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'SMS_ALERT')].latest.subscribers").value(37317));
    }

    @Test
    void importShowsErrorsFirstAndAppliesAllOrNothing() throws Exception {
        long[] id = new long[1];
        asStaff(() -> id[0] = catalog.addChannel(ChannelKind.CUSTOM, "시험 채널 " + UUID.randomUUID(), null, LocalDate.of(2024, 1, 1), null, null));
        String broken = "날짜,구독자,콘텐츠 수,조회수\n2024-11-30,\"6,400\",180,12000\n2024-12-31,육천,181,13000\n2024-12-31,6500,182,-1\n2099-01-01,1,1,1\n";
        ChannelCatalog.ImportPreview[] p = new ChannelCatalog.ImportPreview[1];
        asStaff(() -> p[0] = catalog.previewImport(id[0], "youtube.csv", broken.getBytes(StandardCharsets.UTF_8)));
        assertThat(p[0].errors()).hasSize(3).anyMatch(e -> e.startsWith("3행")).anyMatch(e -> e.startsWith("4행")).anyMatch(e -> e.contains("미래"));
        assertThatThrownBy(() -> asStaff(() -> catalog.applyImport(p[0].importId()))).isInstanceOf(DomainException.class);
        assertThat(catalog.metrics(id[0])).isEmpty();
        // XLSX with Korean headers, dates as dates
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("통계");
            var h = sheet.createRow(0);
            h.createCell(0).setCellValue("기준일");
            h.createCell(1).setCellValue("팔로워");
            h.createCell(2).setCellValue("게시물 수");
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < 3; i++) {
                var r = sheet.createRow(i + 1);
                var c = r.createCell(0);
                c.setCellValue(LocalDate.of(2024, 11 + i / 2, 1 + i * 10));
                c.setCellStyle(style);
                r.createCell(1).setCellValue(3900 + i * 50);
                r.createCell(2).setCellValue(191 + i);
            }
            wb.write(out);
        }
        asStaff(() -> p[0] = catalog.previewImport(id[0], "insta.xlsx", out.toByteArray()));
        assertThat(p[0].errors()).isEmpty();
        assertThat(p[0].rows()).hasSize(3);
        asStaff(() -> catalog.applyImport(p[0].importId()));
        assertThat(catalog.metrics(id[0])).extracting(ChannelCatalog.Metric::subscribers).containsExactly(3900L, 3950L, 4000L);
        assertThatThrownBy(() -> asStaff(() -> catalog.applyImport(p[0].importId()))).hasMessageContaining("이미 반영");
    }

    @Test
    void connectorsReadTheDocumentedJsonOfYouTubeAndInstagram() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/youtube/v3/channels", ex -> {
            String q = ex.getRequestURI().getQuery();
            String body = q.contains("key=yt-key") && q.contains("id=UC123") && q.contains("part=statistics")
                    ? "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"id\":\"UC123\",\"statistics\":{\"viewCount\":\"1203456\",\"subscriberCount\":\"6420\",\"hiddenSubscriberCount\":false,\"videoCount\":\"181\"}}]}"
                    : "{\"error\":{\"code\":400,\"message\":\"API key not valid\"}}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body.startsWith("{\"error") ? 400 : 200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/graph/17841400000", ex -> {
            byte[] b = "{\"followers_count\":3901,\"media_count\":192,\"id\":\"17841400000\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var yt = new MetricsConnector.YouTube(new ChannelsProperties.Connector(base + "/youtube/v3", "yt-key", Duration.ofSeconds(5)));
            assertThat(yt.fetch("UC123")).isEqualTo(new MetricsConnector.Figures(6420L, 181L, 1203456L));
            var bad = new MetricsConnector.YouTube(new ChannelsProperties.Connector(base + "/youtube/v3", "wrong", Duration.ofSeconds(5)));
            assertThatThrownBy(() -> bad.fetch("UC123")).hasMessageContaining("API key not valid");
            var ig = new MetricsConnector.Instagram(new ChannelsProperties.Connector(base + "/graph", "ig-token", Duration.ofSeconds(5)));
            assertThat(ig.fetch("17841400000")).isEqualTo(new MetricsConnector.Figures(3901L, 192L, null));
            assertThat(new MetricsConnector.YouTube(new ChannelsProperties.Connector(base, "", null)).enabled()).isFalse();
            long[] id = new long[1];
            asStaff(() -> id[0] = catalog.addChannel(ChannelKind.YOUTUBE, "연동 시험 " + UUID.randomUUID(), null, null, null, "UC123"));
            asStaff(() -> catalog.fetch(id[0], yt));
            assertThat(catalog.metrics(id[0])).singleElement().satisfies(m -> {
                assertThat(m.subscribers()).isEqualTo(6420L);
                assertThat(m.source()).isEqualTo("API");
            });
            assertThatThrownBy(() -> asStaff(() -> catalog.fetch(id[0], catalog.connector(ChannelKind.YOUTUBE).orElseThrow())))
                    .hasMessageContaining("API 키가 설정되지 않음");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void calendarPromotionsAndPressReleaseLinks() {
        long youtube = catalog.byKind(ChannelKind.YOUTUBE).orElseThrow().id();
        long insta = catalog.byKind(ChannelKind.INSTAGRAM).orElseThrow().id();
        tx.executeWithoutResult(s -> publisher.publishEvent(new PressReleasePublished(900_001L, 1, "개청 30주년 기념식 개최", null, "본문",
                "소통담당관", null, Instant.now(), false, "/press/900001")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> calendar.recentReleases().stream().anyMatch(r -> r.releaseId() == 900_001L));
        long[] id = new long[1];
        String title = "금나래 카드뉴스 " + UUID.randomUUID();
        asStaff(() -> id[0] = calendar.create(new ContentCalendar.Input(title, ContentCalendar.Format.CARD_NEWS, "카드뉴스",
                LocalDate.of(2025, 3, 10), null, null, null, 900_001L, "개청 30주년 기념식 개최", null, List.of(youtube, insta),
                List.of("개청 30주년", "금나래"))));
        assertThatThrownBy(() -> asStaff(() -> calendar.move(id[0], ContentCalendar.Status.PUBLISHED, null)))
                .hasMessageContaining("순서");
        for (var s : List.of(ContentCalendar.Status.PRODUCTION, ContentCalendar.Status.REVIEW, ContentCalendar.Status.SCHEDULED)) {
            asStaff(() -> calendar.move(id[0], s, null));
        }
        asStaff(() -> calendar.move(id[0], ContentCalendar.Status.PUBLISHED, LocalDate.of(2025, 3, 11)));
        var item = calendar.item(id[0]);
        assertThat(item.tags()).containsExactlyInAnyOrder("개청 30주년", "금나래");
        assertThat(item.pressReleaseId()).isEqualTo(900_001L);
        assertThat(calendar.yearlyCounts(2025)).anySatisfy(c -> {
            assertThat(c.channel()).isEqualTo(catalog.channel(insta).name());
            assertThat(c.byType().get("카드뉴스")).isGreaterThanOrEqualTo(1L);
        });
        assertThatThrownBy(() -> asStaff(() -> calendar.create(new ContentCalendar.Input("채널 없음", ContentCalendar.Format.VIDEO, "예능형",
                null, null, null, null, null, null, null, List.of(), List.of())))).hasMessageContaining("채널");

        long[] promo = new long[1];
        String partner = "인플루언서 " + UUID.randomUUID().toString().substring(0, 6);
        asStaff(() -> promo[0] = calendar.savePromotion(null, new ContentCalendar.PromotionInput(ContentCalendar.PromotionKind.PAID_AD, id[0],
                partner, "금천구 20~30대", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), 3_000_000L, 2_750_000L, 120_000L, 3_400L, null)));
        assertThat(workplan.spending(2025)).anySatisfy(s -> {
            assertThat(s.sourceModule()).isEqualTo("channels");
            assertThat(s.sourceRef()).isEqualTo("promotion:" + promo[0]);
            assertThat(s.amountWon()).isEqualTo(2_750_000L);
            assertThat(s.programCode()).isEqualTo("P2");
        });
        asStaff(() -> calendar.cancelPromotion(promo[0]));
        assertThat(workplan.spending(2025)).noneMatch(s -> s.sourceRef().equals("promotion:" + promo[0]));
    }

    @Test
    void eventEntriesCommitRevealDrawReproducibleAndCoupons() throws Exception {
        String slug = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        long[] id = new long[1];
        asStaff(() -> id[0] = events.create(slug, "유튜브 구독 이벤트", "구독하고 댓글 달기", "모바일 상품권", 3,
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600), true));
        asStaff(() -> events.open(id[0]));
        String phone = "010" + String.format("%08d", (int) (Math.random() * 100_000_000));
        events.requestEntry(slug, phone);
        events.confirmEntry(slug, phone, outbox.lastCode(phone));
        assertThatThrownBy(() -> events.requestEntry(slug, phone)).hasMessageContaining("이미 응모");
        StringBuilder csv = new StringBuilder("아이디,휴대전화,응모일시\n");
        for (int i = 0; i < 40; i++) {
            csv.append("user").append(i).append(",,2025-05-0").append(1 + i % 9).append('\n');
        }
        csv.append("user3,,2025-05-02\n").append(",").append(phone).append(",2025-05-03\n");
        SnsEvents.EntrantImport[] imp = new SnsEvents.EntrantImport[1];
        asStaff(() -> imp[0] = events.importEntrants(id[0], "youtube", "entrants.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(imp[0].added()).isEqualTo(40);
        assertThat(imp[0].duplicates()).isEqualTo(2);
        asStaff(() -> events.close(id[0]));
        String[] commitment = new String[1];
        asStaff(() -> commitment[0] = events.commit(id[0]));
        JsonNode before = JsonMapper.builder().build().readTree(mvc.perform(get("/events/" + slug + "/draw.json")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(before.path("commitment").asString()).isEqualTo(commitment[0]);
        assertThat(before.path("seed").isNull()).isTrue();
        String list = before.path("entrantList").asString();
        assertThat(list).contains("010-****-").doesNotContain(phone);
        asStaff(() -> events.draw(id[0]));
        JsonNode after = JsonMapper.builder().build().readTree(mvc.perform(get("/events/" + slug + "/draw.json")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String seed = after.path("seed").asString();
        assertThat(kr.sotong.channels.internal.PrizeDraw.sha256Hex(java.util.HexFormat.of().parseHex(seed))).isEqualTo(commitment[0]);
        assertThat(kr.sotong.channels.internal.PrizeDraw.sha256Hex(after.path("entrantList").asString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(after.path("entrantListSha256").asString());
        List<Integer> published = after.path("entrantList").asString().lines().map(l -> Integer.parseInt(l.split("\t")[0])).toList();
        List<Integer> recomputed = PrizeDrawTest.recompute(seed, published, 3);
        List<Integer> announced = new java.util.ArrayList<>();
        after.path("winners").forEach(w -> announced.add(w.path("entryNumber").asInt()));
        assertThat(announced).isEqualTo(recomputed);
        mvc.perform(get("/events/" + slug)).andExpect(status().isOk());

        // coupons: generated pool, issue to winners (those with a phone), redeem once at the partner
        Coupons.Created[] created = new Coupons.Created[1];
        asStaff(() -> created[0] = coupons.create("롯데시네마 금천", "영화 할인권", "2,000원 할인", LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(30), List.of(), 5));
        boolean phoneWon = events.winners(id[0]).stream().anyMatch(w -> w.masked().startsWith("010"));
        int issued[] = new int[1];
        asStaff(() -> issued[0] = coupons.issueToWinners(created[0].offerId(), id[0]));
        assertThat(issued[0]).isEqualTo(phoneWon ? 1 : 0);
        assertThatThrownBy(() -> coupons.redeem(created[0].partnerCode(), "NOPE1234")).hasMessageContaining("쿠폰번호가 아닙니다");
        var available = coupons.coupons(created[0].offerId(), 10).stream().filter(c -> c.status().equals("AVAILABLE")).findFirst().orElseThrow();
        assertThatThrownBy(() -> coupons.redeem(created[0].partnerCode(), available.code())).hasMessageContaining("발급되지 않은");
        if (phoneWon) {
            var mine = coupons.coupons(created[0].offerId(), 10).stream().filter(c -> c.status().equals("ISSUED")).findFirst().orElseThrow();
            assertThat(outbox.to(phone)).anyMatch(m -> m.body().contains(mine.code()));
            assertThat(coupons.redeem(created[0].partnerCode(), mine.code().toLowerCase()).code()).isEqualTo(mine.code());
            assertThatThrownBy(() -> coupons.redeem(created[0].partnerCode(), mine.code())).hasMessageContaining("이미 사용");
            assertThatThrownBy(() -> coupons.redeem("WRONGCODE", mine.code())).hasMessageContaining("쿠폰번호가 아닙니다");
        }
        assertThatThrownBy(() -> asStaff(() -> coupons.create("제휴처", "중복", "혜택", LocalDate.now(), LocalDate.now(),
                List.of("ABCD1234", "abcd-1234"), 0))).hasMessageContaining("중복");
    }
}
