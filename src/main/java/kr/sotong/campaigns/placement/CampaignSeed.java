package kr.sotong.campaigns.placement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import kr.sotong.platform.SeedRuns;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Initial data from the 2025 work plan (주민의 자부심을 높이는 개청 30주년 홍보): the campaign and its
 * placements with the places, periods and sizes the plan states. Costs and vendors are not stated there
 * and stay empty. Loaded once through {@link SeedRuns} (skipped with {@code sotong.seed=none}).
 */
@Component
@Order(50)
class CampaignSeed implements ApplicationRunner {

    static final String DATASET = "campaigns.anniversary-30-2025";
    static final String VERSION = "1";

    /** A placement as the seed states it; months inclusive. */
    record Row(String key, Placement.Kind kind, String title, String place, YearMonth from, YearMonth to, String details,
               Integer heightMm, Integer lengthMm) {
    }

    static final List<Row> ROWS = List.of(
            new Row("naver-banner", Placement.Kind.ONLINE_BANNER, "네이버 배너 광고 (PC·모바일)", "네이버 (PC 및 모바일)",
                    YearMonth.of(2025, 1), YearMonth.of(2025, 12),
                    "네이버에서 ‘금천’ 관련 검색 시 관련 이미지·문구·영상 등을 함께 노출. 개청 30주년 특집 콘텐츠 및 주요 구정 소식 연계 노출.",
                    null, null),
            new Row("siheung-ic-sign", Placement.Kind.BOUNDARY_SIGN, "구 경계 조형물 (금천구 진입 안내)",
                    "시흥IC 인근 (시흥IC, 구로디지털단지역→독산동 방향)", YearMonth.of(2025, 3), YearMonth.of(2025, 5),
                    "비조명 채널사인 방식. 도시브랜드 홍보 및 금천구 진입 안내 표시.", 2100, 13000),
            busStop("bus-stop-seoksu", "석수역"),
            busStop("bus-stop-siheung-sageori", "시흥사거리"),
            busStop("bus-stop-geumcheon-gucheong", "금천구청"),
            busStop("bus-stop-geumcheon-post", "금천우체국"),
            new Row("photo-zone-bench", Placement.Kind.PHOTO_ZONE, "캐릭터 포토존 — 벤치형", "구청 광장 (시범 설치 후 공원 등 확대)",
                    YearMonth.of(2025, 3), YearMonth.of(2025, 10),
                    "2025년 주민참여예산 선정 사업. 주민 편의와 주변 환경을 고려한 생활밀착형 조형물, 캐릭터와 도시브랜드(좋은 도시 금천) 연계 디자인.",
                    null, null),
            new Row("photo-zone-character", Placement.Kind.PHOTO_ZONE, "캐릭터 포토존 — 캐릭터 조형물",
                    "구청 광장 (시범 설치 후 공원 등 확대)", YearMonth.of(2025, 3), YearMonth.of(2025, 10),
                    "2025년 주민참여예산 선정 사업. 캐릭터와 도시브랜드(좋은 도시 금천) 연계 디자인.", null, null),
            new Row("guidebook-print", Placement.Kind.PRINTED_GUIDEBOOK, "구 소개 가이드북 (인쇄)",
                    "각종 공공시설물 비치, 대내·외 교류행사", YearMonth.of(2025, 2), YearMonth.of(2025, 8),
                    "분야별(자연, 시설, 인물, 명소 등) 구성, 책자형 홍보물 공통 디자인(안) 포함. 과거·현재·미래의 기록물.", null, null),
            new Row("guidebook-ebook", Placement.Kind.EBOOK, "구 소개 가이드북 (e-book)", "금천구 홈페이지",
                    YearMonth.of(2025, 2), YearMonth.of(2025, 8), "인쇄 가이드북의 e-book 판, 홈페이지 게시.", null, null),
            new Row("newsletter-special", Placement.Kind.NEWSLETTER_SPECIAL, "소식지 금천향기 특별호 (2025년 3월호)",
                    "소식지 금천향기", YearMonth.of(2025, 1), YearMonth.of(2025, 3),
                    "개청 30주년 기념 특별 지면 추가, 면수 확대(기본 32면 → 특별호 40면). 30년 역사와 민선8기 주요 성과, 주민 제보 사진 게재.",
                    null, null));

    private static Row busStop(String key, String stop) {
        return new Row(key, Placement.Kind.BUS_STOP_AD, "버스정류장 광고 — " + stop, "시흥대로 " + stop + " 버스정류장",
                YearMonth.of(2025, 9), YearMonth.of(2025, 10), "브랜드 광고 게재 방식. 주요 행사일정에 맞춰 광고 게재, 개청 30주년 기념.",
                null, null);
    }

    private final SeedRuns seeds;
    private final Campaigns campaigns;
    private final Placements placements;
    private final Clock clock;

    CampaignSeed(SeedRuns seeds, Campaigns campaigns, Placements placements, Clock clock) {
        this.seeds = seeds;
        this.campaigns = campaigns;
        this.placements = placements;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeds.runOnce(DATASET, VERSION, checksum(), this::load);
    }

    void load() {
        Campaign c = campaigns.findByCode(Campaign.ANNIVERSARY_30).orElseGet(() -> campaigns.save(Campaign.create(
                Campaign.ANNIVERSARY_30, "개청 30주년 특별 홍보",
                "주민의 자부심을 높이는 개청 30주년 홍보(신규): 특별 콘텐츠 제작, 참여형 콘텐츠 확대, 다양한 매체를 활용한 홍보.",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 227_644L, clock.instant())));
        for (Row r : ROWS) {
            if (placements.findBySeedKey(r.key()).isEmpty()) {
                placements.save(Placement.plan(c.getId(), r.key(), r.kind(), r.title(), r.place(), r.from().atDay(1),
                        r.to().atEndOfMonth(), null, null, r.details(), r.heightMm(), r.lengthMm(), clock.instant()));
            }
        }
    }

    static String checksum() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Row r : ROWS) {
                sha.update(r.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
