package kr.sotong.education.seed;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import kr.sotong.education.catalogue.LotterySeed;
import kr.sotong.education.catalogue.RoomKind;
import kr.sotong.education.catalogue.VenueKind;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.platform.SeedRuns;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Initial data from the 2025 work plan (「정보취약계층 디지털 교육 강화사업」): venues and rooms, course categories
 * and levels, the 2024 trainee table and the 2025 programme.
 * <ul>
 *   <li>The plan names the district office's classrooms (일반교육장 16석, formerly 40; 실습교육장 with AI robots and
 *       drones), the 동 community centres of 독산2동 and 시흥2동, and "복지관, 센터 등 (총 5개소)" without naming the five
 *       sites: they are loaded as "복지관·센터 1" … "복지관·센터 5" for staff to rename.</li>
 *   <li>The third row of the 2024 table has a garbled label (only "P C" survives): it is read as PC.</li>
 *   <li>The plan gives no seat count for the practice room, the community centres or the welfare sites: left empty.</li>
 * </ul>
 */
@Component
@Order(200)
class EducationSeed implements ApplicationRunner {

    static final String DATASET = "education";
    static final String VERSION = "geumcheon-2025.1";
    static final String SOURCE_2024 = "2025년 업무계획 「정보취약계층 디지털 교육 강화사업」 추진실적: 정보화 교육 이수 현황 2024년(~9월)";
    static final String WELFARE_NOTE = "업무계획에는 '복지관, 센터 등 (총 5개소)'로만 나와 기관명을 알 수 없어 중립적인 이름을 붙였습니다. 실제 기관명으로 바꾸세요.";

    record V(String code, String name, VenueKind kind, String address, String note, List<R> rooms) {
    }

    record R(String code, String name, RoomKind kind, Integer seats, Integer previousSeats, String equipment, String note) {
    }

    record Stat(String venueKind, String category, int trainees) {
    }

    record Plan(int year, String kind, String title, String detail, String place, Integer month, Integer planned,
                Integer baseline) {
    }

    static final List<V> VENUES = List.of(
            new V("gc-office", "금천구청", VenueKind.DISTRICT_OFFICE, "서울특별시 금천구 시흥대로73길 70",
                    "구청 전산교육장: 큰 전산교육장을 둘로 나누어 일반교육장과 실습교육장으로 운영", List.of(
                    new R("gc-general", "일반교육장(1강의실)", RoomKind.GENERAL, 16, 40, null,
                            "교육생 40→16명으로 조정, 개인별 피드백 제공"),
                    new R("gc-practice", "실습교육장(2강의실)", RoomKind.PRACTICE, null, null, "AI 로봇, 드론 등",
                            "IT융합 스마트 실습교육장: 최신 IT기술 체험"),
                    new R("gc-kiosk", "키오스크 체험존", RoomKind.KIOSK_ZONE, null, null, "키오스크", "구청 키오스크 체험존"),
                    new R("gc-hall", "대강당", RoomKind.HALL, null, null, null, "스마트 정보화 경진대회 장소"))),
            new V("dong-doksan2", "독산2동 자치회관", VenueKind.COMMUNITY_CENTRE, null, null, List.of(
                    new R("dong-doksan2-room", "교육실", RoomKind.GENERAL, null, null, null, null))),
            new V("dong-siheung2", "시흥2동 자치회관", VenueKind.COMMUNITY_CENTRE, null, null, List.of(
                    new R("dong-siheung2-room", "교육실", RoomKind.GENERAL, null, null, null, null))),
            welfare(1), welfare(2), welfare(3), welfare(4), welfare(5),
            new V("lifelong", "평생학습관", VenueKind.OTHER, null, "업무계획의 사업장소(전산교육장, 복지관, 평생학습관 등)", List.of(
                    new R("lifelong-room", "교육실", RoomKind.GENERAL, null, null, null, null))));

    static V welfare(int n) {
        return new V("welfare-" + n, "복지관·센터 " + n, VenueKind.WELFARE_CENTRE, null, WELFARE_NOTE, List.of(
                new R("welfare-" + n + "-room", "교육실", RoomKind.GENERAL, null, null, null, null)));
    }

    static final List<String[]> CATEGORIES = List.of(
            new String[] {"SMARTPHONE", "스마트폰", "스마트폰 기초부터 활용까지"},
            new String[] {"KIOSK", "키오스크", "무인 주문·발급기 사용법, 대면교육과 디지털상담소 수강 시 체험교육"},
            new String[] {"PC", "PC", "컴퓨터·인터넷 기초. 2024년 실적표의 세 번째 줄은 이름이 깨져 'P C'만 남아 있어 PC로 읽었습니다."},
            new String[] {"AI_TREND", "최신 IT 트렌드", "챗GPT, 코딩, 앱 제작 등"},
            new String[] {"PUBLIC_SERVICE", "생활 공공서비스", "틈새특강: 민원24, 서울안전앱 사용법, 보이스피싱 피해 예방, 최근 이슈"},
            new String[] {"SMART_DEVICE", "스마트기기 체험", "키오스크·스마트폰·VR 등 체험형 강좌"},
            new String[] {"FIELD_TRIP", "견학·체험", "미래도시 기술체험관 견학 등 직접 체험"});

    static final List<String[]> LEVELS = List.of(new String[] {"INTRO", "입문"}, new String[] {"BEGINNER", "초급"},
            new String[] {"INTERMEDIATE", "중급"});

    /** The 2024 table (~September): 구청 1,023 / 동 39 / 복지관·센터 2,183 = 3,245. */
    static final List<Stat> STATS_2024 = List.of(
            new Stat("DISTRICT_OFFICE", "SMARTPHONE", 549), new Stat("COMMUNITY_CENTRE", "SMARTPHONE", 39),
            new Stat("WELFARE_CENTRE", "SMARTPHONE", 271),
            new Stat("DISTRICT_OFFICE", "KIOSK", 132), new Stat("COMMUNITY_CENTRE", "KIOSK", 0),
            new Stat("WELFARE_CENTRE", "KIOSK", 557),
            new Stat("DISTRICT_OFFICE", "PC", 342), new Stat("COMMUNITY_CENTRE", "PC", 0),
            new Stat("WELFARE_CENTRE", "PC", 1355));

    static final List<Plan> PLAN = List.of(
            new Plan(2025, "REGULAR", "정규·특강", "수강생 교육 수준에 맞는 테마별·단계별 교육 (입문·초급·중급)", "구청 전산교육장, 복지관 등", null, null, null),
            new Plan(2025, "TREND", "최신 IT 트렌드", "챗GPT, 코딩, 앱 제작, 스마트폰 위주 교육", "구청 실습교육장", null, null, null),
            new Plan(2025, "COUNSELLING", "디지털상담소", "정보화교육 교육과정 범주 안에서 1:1 디지털 상담", "구청 전산교육장", null, null, null),
            new Plan(2025, "KIOSK", "키오스크 체험교육", "대면교육 및 디지털상담소 수강 시 체험교육; 구청 및 복지관 등에 키오스크 체험존 운영", "구청, 복지관 등", null, null, null),
            new Plan(2025, "GAP_LECTURE", "틈새특강", "민원24, 서울안전앱 사용법 등 공공서비스 이용 및 보이스피싱 피해 예방, 최근 이슈 등 생활에 필요한 특강", null, null, null, null),
            new Plan(2025, "FIELD_TRIP", "미래도시 기술체험관 견학", "키오스크와 스마트폰 등을 연계한 체험형 교육 및 견학 등 직접 체험 강화: 연 1회 → 연 2회", null, null, 2, 1),
            new Plan(2025, "CONTEST", "스마트 정보화 경진대회", "참가대상: 구민 정보화교육 수강자 중 희망자. 대회방식: 온라인(스마트폰을 이용한 정보검색). 소요예산: 비예산(구민정보화교육 용역 과업으로 추진)", "구청 대강당", 6, 1, null),
            new Plan(2025, "FESTIVAL", "구민 정보화 교실 「IT정보화 축제」", "구민 정보화 교실 축제 개최", null, null, null, null),
            new Plan(2024, "RESULT", "2024 국민행복 IT경진대회 최초 본선 진출", "2024. 9. 10.(수) 14:00~16:30 백범김구기념관; 결과발표 9. 12.(목); 심사결과 동상(장년층 정보화교육 이수자)", "백범김구기념관", 9, null, null));

    private final SeedRuns seeds;
    private final Venues venues;
    private final JdbcClient jdbc;
    private final Clock clock;

    EducationSeed(SeedRuns seeds, Venues venues, JdbcClient jdbc, Clock clock) {
        this.seeds = seeds;
        this.venues = venues;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeds.runOnce(DATASET, VERSION, checksum(), this::load);
    }

    static String checksum() {
        return LotterySeed.sha256(String.valueOf(VENUES) + CATEGORIES.stream().map(a -> String.join("|", a)).toList()
                + LEVELS.stream().map(a -> String.join("|", a)).toList() + STATS_2024 + PLAN);
    }

    void load() {
        int order = 0;
        for (String[] c : CATEGORIES) {
            venues.insertCategory(c[0], c[1], c[2], order += 10);
        }
        order = 0;
        for (String[] l : LEVELS) {
            venues.insertLevel(l[0], l[1], order += 10);
        }
        for (V v : VENUES) {
            long venueId = venues.insertVenue(v.code(), v.name(), v.kind(), v.address(), v.note());
            for (R r : v.rooms()) {
                venues.insertRoom(venueId, r.code(), r.name(), r.kind(), r.seats(), r.previousSeats(), r.equipment(), r.note());
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (Stat s : STATS_2024) {
            jdbc.sql("""
                            insert into education_trainee_stat (year, period_label, venue_kind, category_code, trainees, source,
                                                                recorded_at, recorded_by)
                            values (2024, '2024년 (~9월)', :k, :c, :n, :src, :now, 'seed')""")
                    .param("k", s.venueKind()).param("c", s.category()).param("n", s.trainees()).param("src", SOURCE_2024)
                    .param("now", now).update();
        }
        int sort = 0;
        for (Plan p : PLAN) {
            jdbc.sql("""
                            insert into education_plan_item (year, kind, title, detail, place, month, planned_count, baseline_count, sort_order)
                            values (:y, :k, :t, :d, :p, :m, :pl, :b, :s)""")
                    .param("y", p.year()).param("k", p.kind()).param("t", p.title()).param("d", p.detail()).param("p", p.place())
                    .param("m", p.month()).param("pl", p.planned()).param("b", p.baseline()).param("s", sort += 10).update();
        }
    }
}
