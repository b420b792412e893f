package kr.sotong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import kr.sotong.monitoring.search.ArticleIndex;
import kr.sotong.monitoring.search.KoreanText;
import kr.sotong.monitoring.search.LuceneArticleIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class KoreanTextTest {

    static final List<String> TERMS = List.of("금천구", "금천구청", "가산디지털단지", "G밸리", "좋은도시 금천");

    @Test
    void aLocalNameFromTheDictionaryIsOneToken() {
        assertThat(KoreanText.withTerms(List.of()).tokens("가산디지털단지")).hasSizeGreaterThan(1)
                .doesNotContain("가산디지털단지");
        assertThat(KoreanText.withTerms(TERMS).tokens("가산디지털단지에서")).containsExactly("가산디지털단지");
        // terms with spaces stay out of the dictionary (they still decide relevance)
        assertThat(KoreanText.dictionaryEntries(TERMS)).doesNotContain("좋은도시 금천").contains("G밸리");
    }

    @Test
    void particlesAreDroppedAndLookAlikeSeparatorsSplit() {
        KoreanText text = KoreanText.withTerms(TERMS);
        assertThat(text.tokens("금천구청에서")).containsExactly("금천구청");
        assertThat(text.tokens("금천구청은")).containsExactly("금천구청");
        assertThat(text.tokens("부정\u318D왜곡 보도")).contains("부정", "왜곡").doesNotContain("부정ㆍ왜곡");
        assertThat(text.nouns("금천구청에서 도서관을 열었다")).startsWith("금천구청").doesNotContain("에서", "을", "열");
    }

    @Test
    void searchFindsInflectedFormsFiltersAndHighlights(@TempDir Path dir) {
        try (LuceneArticleIndex index = new LuceneArticleIndex(dir.resolve("idx"))) {
            assertThat(index.open(TERMS)).isFalse();
            index.upsert(List.of(
                    new ArticleIndex.Doc(1, "금천구청에서 간담회", "금천구청에서 주민 간담회가 열렸다.", "가", Instant.parse("2031-01-02T00:00:00Z"),
                            "NEUTRAL", 7L, List.of(), false),
                    new ArticleIndex.Doc(2, "금천구청은 해명", "금천구청은 특혜 의혹을 부인했다.", "나", Instant.parse("2031-01-05T00:00:00Z"),
                            "NEGATIVE", null, List.of(3L), true),
                    new ArticleIndex.Doc(3, "구로구 소식", "구로구청에서 행사가 열렸다.", "나", Instant.parse("2031-01-06T00:00:00Z"),
                            "NEUTRAL", null, List.of(), false)));
            ArticleIndex.TextSource texts = ids -> java.util.Map.of(1L, new String[] {"금천구청에서 간담회", "금천구청에서 주민 간담회가 열렸다."},
                    2L, new String[] {"금천구청은 해명", "금천구청은 특혜 의혹을 부인했다."});
            ArticleIndex.Result r = index.search(ArticleIndex.Query.text("금천구청"), texts);
            assertThat(r.hits()).extracting(ArticleIndex.Hit::id).containsExactlyInAnyOrder(1L, 2L);
            assertThat(r.hits()).allSatisfy(h -> assertThat(h.bodyHighlight()).contains("<mark>금천구청</mark>"));
            assertThat(search(index, new ArticleIndex.Query("금천구청", null, null, null, "NEGATIVE", null, null, null, null, 0, 10)))
                    .containsExactly(2L);
            assertThat(search(index, new ArticleIndex.Query(null, null, null, null, null, 7L, null, null, null, 0, 10)))
                    .containsExactly(1L);
            assertThat(search(index, new ArticleIndex.Query(null, null, null, null, null, null, 3L, null, null, 0, 10)))
                    .containsExactly(2L);
            assertThat(search(index, new ArticleIndex.Query(null, java.time.LocalDate.of(2031, 1, 5), null, "나", null, null, null,
                    null, ArticleIndex.Sort.DATE, 0, 10))).containsExactly(3L, 2L);
            // a dictionary change clears the index (the caller re-adds everything)
            assertThat(index.open(List.of("금천구"))).isFalse();
            assertThat(index.size()).isZero();
        }
    }

    private static List<Long> search(LuceneArticleIndex index, ArticleIndex.Query q) {
        return index.search(q, null).hits().stream().map(ArticleIndex.Hit::id).toList();
    }

    @Test
    void theOpenSearchMappingUsesTheSameStopTagsAndSeparators() throws Exception {
        JsonNode settings = new ObjectMapper().readTree(Files.readString(Path.of("src/main/resources/monitoring/opensearch-index.json")));
        JsonNode analysis = settings.get("settings").get("analysis");
        List<String> stoptags = new java.util.ArrayList<>();
        analysis.get("filter").get("sotong_pos_stop").get("stoptags").forEach(n -> stoptags.add(n.asText()));
        assertThat(stoptags).containsExactlyInAnyOrderElementsOf(
                KoreanText.STOP_TAGS.stream().map(Enum::name).toList());
        assertThat(analysis.get("tokenizer").get("sotong_nori").get("decompound_mode").asText()).isEqualTo("mixed");
        List<String> mappings = new java.util.ArrayList<>();
        analysis.get("char_filter").get("sotong_separators").get("mappings").forEach(n -> mappings.add(n.asText()));
        assertThat(mappings).hasSize(KoreanText.SEPARATORS.size());
    }
}
