package kr.sotong.bench.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic generator of Korean district-news articles for the monitoring benchmarks (no real news).
 * <p>
 * Each article has a <b>place</b> (10 Geumcheon place names), a <b>topic</b> (40 topics, each with its own nouns
 * and predicates) and an outlet (60 outlets). The title and 3–6 body sentences are built from templates that
 * attach different particles to the same nouns (금천구청에서 / 금천구청은 / 금천구청의 …), mixed with generic filler
 * sentences carrying random numbers, so that analysis and search meet realistic morphology. Dates spread over
 * 2020–2025. A fixed seed gives the same corpus every run; {@link #relevant} tells which articles a
 * place + topic query is about (the ground truth for recall).
 */
public final class ArticleGenerator {

    public record Article(long id, String outlet, String title, String body, Instant publishedAt, int place, int topic) {
    }

    public static final String[] PLACES = {"금천구청", "가산디지털단지", "독산동", "시흥동", "가산동", "G밸리", "석수역", "안양천",
            "호암산", "금천구의회"};
    /** topic: main noun, second noun, predicate(s). */
    public static final String[][] TOPICS = {
            {"도서관", "열람실", "문을 열었다"}, {"주차장", "공영주차장", "공사를 시작했다"}, {"청년창업", "지원센터", "입주 기업을 모집한다"},
            {"어린이집", "보육교사", "정원을 늘렸다"}, {"경로당", "어르신", "냉방비를 지원한다"}, {"공원", "산책로", "새로 단장했다"},
            {"축제", "공연", "막을 내렸다"}, {"재개발", "정비사업", "주민 설명회를 열었다"}, {"버스정류장", "스마트쉼터", "설치했다"},
            {"미세먼지", "살수차", "운행을 늘렸다"}, {"하천", "자전거길", "정비를 마쳤다"}, {"소식지", "금천향기", "특별호를 펴냈다"},
            {"일자리", "채용박람회", "구직자를 모았다"}, {"예산", "추경", "편성했다"}, {"주민참여예산", "제안사업", "선정했다"},
            {"디지털교육", "스마트폰", "어르신 강좌를 연다"}, {"키오스크", "체험존", "운영한다"}, {"안전", "재난훈련", "실시했다"},
            {"방범", "CCTV", "추가 설치했다"}, {"보건소", "예방접종", "접종을 시작했다"}, {"복지관", "무료급식", "확대한다"},
            {"골목상권", "상인회", "활성화에 나섰다"}, {"전통시장", "온누리상품권", "할인 행사를 연다"}, {"청소", "재활용", "분리배출을 홍보한다"},
            {"주택", "임대주택", "입주자를 모집한다"}, {"학교", "통학로", "안전시설을 보강했다"}, {"체육관", "수영장", "새 단장을 마쳤다"},
            {"문화재단", "전시회", "개막했다"}, {"관광", "야경투어", "운영을 시작했다"}, {"반려동물", "놀이터", "개장했다"},
            {"기후", "탄소중립", "실천 계획을 내놨다"}, {"교통", "신호체계", "개선했다"}, {"지하철", "신안산선", "공사 현황을 점검했다"},
            {"개청 30주년", "기념식", "준비에 들어갔다"}, {"브랜드송", "공모전", "수상작을 발표했다"}, {"인터넷방송", "유튜브", "구독자가 늘었다"},
            {"특혜", "의혹", "논란이 일었다"}, {"민원", "불편", "해소에 나섰다"}, {"갈등", "주민 반발", "협의체를 꾸렸다"},
            {"표창", "우수기관", "선정됐다"}};
    public static final String[] OUTLETS;

    static {
        OUTLETS = new String[60];
        String[] a = {"서울", "한강", "수도권", "금천", "가산", "독산", "시흥", "경인", "중앙", "동서"};
        String[] b = {"일보", "신문", "경제", "뉴스", "타임즈", "저널"};
        for (int i = 0; i < 60; i++) {
            OUTLETS[i] = a[i % 10] + b[i / 10];
        }
    }

    private static final String[] SUBJECT_JOSA = {"은", "이", "에서", "의", "과", "도"};
    private static final String[] OBJECT_JOSA = {"을", "이", "에", "의", "과", "도", "에서"};
    private static final String[] FILLER = {
            "관계자는 %d명의 주민이 참여했다고 밝혔다.", "사업비는 모두 %d억 원이 들었다.", "구는 오는 %d월까지 운영 결과를 점검할 계획이다.",
            "자세한 내용은 구청 누리집에서 확인할 수 있다.", "이번 사업은 %d년부터 단계적으로 추진됐다.", "주민 만족도 조사에서 %d점을 받았다.",
            "구는 관련 부서와 협의를 이어가고 있다.", "현장에는 %d여 명이 모여 관심을 보였다.", "문의는 담당 부서로 하면 된다.",
            "구청장은 주민의 목소리를 꼼꼼히 듣겠다고 말했다."};

    private final Random random;
    private long nextId = 1;

    public ArticleGenerator(long seed) {
        this.random = new Random(seed);
    }

    private static String josa(String noun, String[] options, Random r) {
        String j = options[r.nextInt(options.length)];
        boolean batchim = (noun.charAt(noun.length() - 1) - 0xAC00) % 28 != 0 && noun.charAt(noun.length() - 1) >= 0xAC00;
        if (j.equals("은") && !batchim) {
            j = "는";
        } else if (j.equals("이") && !batchim) {
            j = "가";
        } else if (j.equals("을") && !batchim) {
            j = "를";
        } else if (j.equals("과") && !batchim) {
            j = "와";
        }
        return noun + j;
    }

    public Article next() {
        int place = random.nextInt(PLACES.length);
        int topic = random.nextInt(TOPICS.length);
        return make(place, topic, OUTLETS[random.nextInt(OUTLETS.length)]);
    }

    public Article make(int place, int topic, String outlet) {
        String[] t = TOPICS[topic];
        String p = PLACES[place];
        String title = switch (random.nextInt(3)) {
            case 0 -> p + ", " + t[0] + " " + t[1] + " " + t[2];
            case 1 -> "[" + (random.nextBoolean() ? "기획" : "현장") + "] " + josa(p, SUBJECT_JOSA, random) + " " + t[0] + " " + t[2];
            default -> t[0] + " " + t[1] + "…" + p + " 주민 관심";
        };
        StringBuilder body = new StringBuilder();
        body.append("서울 금천구는 ").append(josa(p, SUBJECT_JOSA, random)).append(' ').append(josa(t[0], OBJECT_JOSA, random))
                .append(' ').append(t[2]).append("고 밝혔다. ");
        int n = 3 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) == 0) {
                body.append(josa(t[1], SUBJECT_JOSA, random)).append(' ').append(josa(p, OBJECT_JOSA, random)).append(" 중심으로 ")
                        .append(t[2]).append(". ");
            } else {
                body.append(String.format(FILLER[random.nextInt(FILLER.length)], 1 + random.nextInt(500))).append(' ');
            }
        }
        long day = random.nextInt(6 * 365);
        Instant at = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(day * 86400 + random.nextInt(86400));
        return new Article(nextId++, outlet, title, body.toString().strip(), at, place, topic);
    }

    public List<Article> articles(int n) {
        List<Article> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(next());
        }
        return list;
    }

    /** Whether an article is about the place and topic of a query. */
    public static boolean relevant(Article a, int place, int topic) {
        return a.place() == place && a.topic() == topic;
    }
}
