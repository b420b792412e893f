package kr.sotong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kr.sotong.monitoring.coverage.NearDuplicates;
import kr.sotong.monitoring.ingest.Html;
import kr.sotong.monitoring.ingest.Texts;
import kr.sotong.monitoring.search.KoreanText;
import kr.sotong.monitoring.sentiment.Negativity;
import org.junit.jupiter.api.Test;

/** The pure engines: URL and title normalisation, negativity rules, MinHash/LSH, page extraction. */
class EnginesTest {

    @Test
    void canonicalUrlsIgnoreTrackingFragmentsHostVariantsAndParameterOrder() {
        String a = Texts.canonicalUrl("https://www.news.kr/view?id=7&cat=2&utm_source=naver#comments");
        assertThat(Texts.canonicalUrl("http://news.kr:80/view/?cat=2&id=7&fbclid=x")).isEqualTo(a);
        assertThat(Texts.canonicalUrl("https://m.news.kr/view?cat=2&id=7")).isEqualTo(a);
        assertThat(Texts.canonicalUrl("https://news.kr/view?id=8&cat=2")).isNotEqualTo(a);
        assertThat(Texts.canonicalUrl("javascript:alert(1)")).isNull();
        assertThat(Texts.canonicalUrl("not a url")).isNull();
    }

    @Test
    void titleKeysIgnoreEditorialPrefixes() {
        String key = Texts.titleKey("금천구, 청년창업 지원센터 개소");
        assertThat(Texts.titleKey("[단독] 금천구, 청년창업 지원센터 개소")).isEqualTo(key);
        assertThat(Texts.titleKey("[속보][기획] 금천구 청년창업 지원센터 개소 (종합)")).isEqualTo(key);
        assertThat(Texts.titleKey("【포토】 금천구, 청년창업 지원센터 개소")).isEqualTo(key);
        assertThat(Texts.titleKey("금천구, 청년창업 지원센터 폐소")).isNotEqualTo(key);
        assertThat(Texts.strippedTitle("[단독]")).isEqualTo("[단독]");
    }

    @Test
    void negativityGivesReasonsWithPositionProximityAndNegation() {
        Negativity n = Negativity.standard();
        Negativity.Score critical = n.score(Fixtures.CRITICAL_TITLE, Fixtures.CRITICAL_BODY, List.of("금천구"));
        assertThat(critical.score()).isGreaterThanOrEqualTo(60);
        assertThat(critical.reasons()).anySatisfy(r -> {
            assertThat(r.word()).isEqualTo("특혜");
            assertThat(r.where()).isEqualTo("제목");
            assertThat(r.note()).contains("같은 문장");
        });
        assertThat(critical.reasons()).anySatisfy(r -> assertThat(r.where()).isIn("첫 문단", "본문"));
        Negativity.Score denied = n.score("금천구 해명", "금천구는 특혜 의혹은 사실이 아니라고 밝혔다.", List.of("금천구"));
        assertThat(denied.reasons()).anySatisfy(r -> assertThat(r.note()).contains("부정어"));
        assertThat(denied.score()).isLessThan(critical.score());
        Negativity.Score positive = n.score("금천구 최우수 기관 선정", "금천구가 최우수 기관으로 선정돼 표창을 받았다.", List.of("금천구"));
        assertThat(positive.score()).isZero();
        assertThat(positive.raw()).isNegative();
    }

    @Test
    void lshFindsTheSamePairsAsExactJaccard() {
        KoreanText text = KoreanText.withTerms(List.of("금천구", "가산디지털단지"));
        List<int[]> sets = new ArrayList<>();
        sets.add(NearDuplicates.shingles(text.nouns(Fixtures.RELEASE_BODY)));
        for (String[] r : Fixtures.REWRITES) {
            sets.add(NearDuplicates.shingles(text.nouns(r[1] + "\n" + r[2])));
        }
        sets.add(NearDuplicates.shingles(text.nouns(Fixtures.CRITICAL_BODY)));
        sets.add(NearDuplicates.shingles(text.nouns(Fixtures.NEUTRAL_BODY)));
        var exact = NearDuplicates.exactPairs(sets, 0.5);
        var lsh = NearDuplicates.similarPairs(sets, 0.5);
        assertThat(exact).isNotEmpty();
        assertThat(lsh).extracting(p -> p.i() + "-" + p.j()).containsExactlyInAnyOrderElementsOf(
                exact.stream().map(p -> p.i() + "-" + p.j()).toList());
        // rewrites are mostly contained in the release
        int[] release = sets.get(0);
        for (int i = 1; i <= 3; i++) {
            assertThat(NearDuplicates.containment(sets.get(i), release)).as("rewrite %d", i).isGreaterThan(0.35);
        }
        assertThat(NearDuplicates.containment(sets.get(4), release)).isLessThan(0.2);
        assertThat(NearDuplicates.decode(NearDuplicates.encode(release))).containsExactly(release);
        // random sets: LSH recall of pairs above 0.5 on near-copies
        Random rnd = new Random(7);
        List<int[]> random = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            int[] base = rnd.ints(60, 0, 1_000_000).sorted().distinct().toArray();
            random.add(base);
            int[] copy = base.clone();
            for (int k = 0; k < 8; k++) {
                copy[rnd.nextInt(copy.length)] = rnd.nextInt(1_000_000);
            }
            random.add(java.util.Arrays.stream(copy).sorted().distinct().toArray());
        }
        var e = NearDuplicates.exactPairs(random, 0.5);
        var l = NearDuplicates.similarPairs(random, 0.5);
        assertThat(l.size()).isGreaterThanOrEqualTo((int) Math.ceil(e.size() * 0.95));
        assertThat(NearDuplicates.groups(random.size(), l)).hasSizeGreaterThanOrEqualTo(190);
    }

    @Test
    void exactPairsAndLshConfirmationAgreeWithPlainJaccardOnOverlappingSets() {
        // a small vocabulary with a few very common shingles (as in real coverage), near-copies, and empty sets
        Random rnd = new Random(23);
        List<int[]> sets = new ArrayList<>();
        for (int d = 0; d < 150; d++) {
            int[] base = java.util.stream.IntStream.concat(rnd.ints(20 + rnd.nextInt(40), 0, 400), rnd.ints(4, 0, 6))
                    .sorted().distinct().toArray();
            sets.add(base);
            if (d % 3 == 0) {
                int[] copy = base.clone();
                for (int k = 0, change = rnd.nextInt(base.length / 2 + 1); k < change; k++) {
                    copy[rnd.nextInt(copy.length)] = rnd.nextInt(400);
                }
                sets.add(java.util.Arrays.stream(copy).sorted().distinct().toArray());
            }
            if (d % 50 == 0) {
                sets.add(new int[0]);
            }
        }
        for (double threshold : new double[] {0.3, 0.5, 0.8}) {
            List<String> plain = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                for (int j = i + 1; j < sets.size(); j++) {
                    double jac = NearDuplicates.jaccard(sets.get(i), sets.get(j));
                    if (jac >= threshold) {
                        plain.add(i + "-" + j + "@" + jac);
                    }
                    double bounded = NearDuplicates.jaccardAtLeast(sets.get(i), sets.get(j), threshold);
                    assertThat(bounded >= threshold).as("%d-%d at %s", i, j, threshold).isEqualTo(jac >= threshold);
                    if (jac >= threshold) {
                        assertThat(bounded).isEqualTo(jac);
                    }
                }
            }
            assertThat(plain).as("threshold %s", threshold).isNotEmpty();
            assertThat(NearDuplicates.exactPairs(sets, threshold)).extracting(p -> p.i() + "-" + p.j() + "@" + p.jaccard())
                    .containsExactlyInAnyOrderElementsOf(plain);
            var one = NearDuplicates.similarPairs(sets, threshold);
            var two = NearDuplicates.similarPairs(sets, threshold, 2);
            assertThat(one).extracting(p -> p.i() + "-" + p.j() + "@" + p.jaccard()).isSubsetOf(plain);
            assertThat(two).isSubsetOf(one);
            if (threshold == 0.8) {
                // far above the band threshold: every pair is a candidate in several bands
                assertThat(two).hasSameSizeAs(plain);
            }
        }
    }

    @Test
    void articlePagesYieldTheirMainTextWithoutNavigationOrScripts() {
        Html.Page page = Html.extract(FeedIngestionTest.page("금천구 소식", Fixtures.NEUTRAL_BODY), "https://news.example.kr/a/1");
        assertThat(page.text()).contains("금천구청에서 주민 소통 간담회가 열렸다").doesNotContain("홈", "정치", "다른 기사", "악성");
        assertThat(page.title()).isEqualTo("금천구 소식");
        assertThat(Html.toText("<p>첫 문단</p><p>둘째 <b>문단</b></p><script>x()</script>")).isEqualTo("첫 문단\n\n둘째 문단");
    }
}
