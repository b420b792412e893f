package kr.sotong.monitoring;

import static kr.sotong.monitoring.FeedServer.item;
import static kr.sotong.monitoring.FeedServer.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.monitoring.search.ArticleIndex;
import kr.sotong.monitoring.search.Search;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@SotongTest
class FeedIngestionTest {

    @Autowired
    Sources sources;
    @Autowired
    Search search;
    @Autowired
    JdbcClient jdbc;

    static String page(String title, String body) {
        return """
                <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>%s</title>
                <script>document.write('광고');</script><style>.x{}</style></head>
                <body><div id="gnb"><a href="/">홈</a> <a href="/politics">정치</a> <a href="/society">사회</a></div>
                <div class="article_view" itemprop="articleBody"><h1>%s</h1>
                <p>%s</p><script>alert('악성');</script>
                <p>이 기사는 테스트를 위해 작성한 가상의 기사이며, 실제 사건과 관계가 없습니다. 사진과 인물도 모두 가상입니다.</p></div>
                <div class="related_news"><a href="/1">다른 기사 하나</a><a href="/2">다른 기사 둘</a></div>
                <footer>Copyright 테스트 신문. 무단 전재 금지.</footer></body></html>
                """.formatted(title, title, body);
    }

    private List<Article> ofOutlet(String outlet) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article where outlet = :o order by id")
                .param("o", outlet).query(Article::map).list();
    }

    @Test
    void pollsWithConditionalGetKeepsRelevantArticlesFetchesMissingBodiesAndNeverIngestsTwice() throws Exception {
        String outlet = "금천일보-" + UUID.randomUUID().toString().substring(0, 6);
        try (FeedServer server = new FeedServer()) {
            server.put("/news/1", page(Fixtures.NEUTRAL_TITLE, Fixtures.NEUTRAL_BODY), "text/html; charset=utf-8", null);
            server.put("/feed.xml", rss(outlet,
                    item("g-1", server.url("/news/1?utm_source=rss&utm_medium=feed"), Fixtures.NEUTRAL_TITLE, null,
                            "Mon, 03 Feb 2031 09:00:00 +0900"),
                    item("g-2", server.url("/news/2"), Fixtures.CRITICAL_TITLE, Fixtures.CRITICAL_BODY,
                            "Mon, 03 Feb 2031 10:00:00 +0900"),
                    item("g-3", server.url("/news/3"), Fixtures.UNRELATED_TITLE, Fixtures.UNRELATED_BODY,
                            "Mon, 03 Feb 2031 11:00:00 +0900")), "application/rss+xml; charset=utf-8", "\"v1\"");
            long source = sources.addFeed(null, outlet, server.url("/feed.xml"), 10, false);

            Sources.PollResult first = sources.pollNow(source);
            assertThat(first.outcome()).as(first.message()).isEqualTo("OK");
            assertThat(first.items()).isEqualTo(3);
            assertThat(first.ingested()).isEqualTo(2);
            assertThat(first.irrelevant()).isEqualTo(1);
            List<Article> stored = ofOutlet(outlet);
            assertThat(stored).extracting(Article::title).containsExactly(Fixtures.NEUTRAL_TITLE, Fixtures.CRITICAL_TITLE);
            Article neutral = stored.get(0);
            assertThat(neutral.bodySource()).isEqualTo("PAGE");
            assertThat(neutral.body()).contains("금천구청에서 주민 소통 간담회가 열렸다")
                    .doesNotContain("악성", "document.write", "다른 기사 하나", "무단 전재");
            assertThat(neutral.matchedTerms()).contains("금천구청", "시흥동");

            // unchanged feed: conditional GET answered with 304, nothing new
            Sources.PollResult second = sources.pollNow(source);
            assertThat(second.outcome()).isEqualTo("NOT_MODIFIED");
            assertThat(server.requestsFor("/feed.xml")).last().extracting(FeedServer.Request::ifNoneMatch).isEqualTo("\"v1\"");

            // new version: a repeated GUID (twice), the same URL with other tracking parameters, the same title
            // with a [단독] prefix under a new URL, and one genuinely new article
            server.put("/feed.xml", rss(outlet,
                    item("g-2", server.url("/news/2"), Fixtures.CRITICAL_TITLE, Fixtures.CRITICAL_BODY, "Mon, 03 Feb 2031 10:00:00 +0900"),
                    item("g-2", server.url("/news/2"), Fixtures.CRITICAL_TITLE, Fixtures.CRITICAL_BODY, "Mon, 03 Feb 2031 10:00:00 +0900"),
                    item("g-9", server.url("/news/1?fbclid=abc#top"), "다른 제목", Fixtures.NEUTRAL_BODY, "Mon, 03 Feb 2031 12:00:00 +0900"),
                    item("g-10", server.url("/news/20"), "[단독] " + Fixtures.CRITICAL_TITLE, Fixtures.CRITICAL_BODY,
                            "Mon, 03 Feb 2031 13:00:00 +0900"),
                    item("g-11", server.url("/news/11"), "금천구 가산동 공원 산책로 새 단장", "금천구는 가산동 근린공원 산책로를 새로 꾸몄다고 밝혔다.",
                            "Mon, 03 Feb 2031 14:00:00 +0900")),
                    "application/rss+xml; charset=utf-8", "\"v2\"");
            Sources.PollResult third = sources.pollNow(source);
            assertThat(third.ingested()).isEqualTo(1);
            assertThat(third.duplicates()).isEqualTo(4);
            assertThat(ofOutlet(outlet)).hasSize(3);
            assertThat(sources.get(source).lastError()).isNull();
            assertThat(sources.runs(source, 10)).extracting(Sources.Run::outcome).containsExactly("OK", "NOT_MODIFIED", "OK");

            // searchable once the background indexer caught up: 금천구청 finds 금천구청에서 / 금천구청은
            long neutralId = neutral.id();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Search.Page page = search.search(new ArticleIndex.Query("금천구청", null, null, outlet, null, null, null, null,
                        null, 0, 10));
                assertThat(page.items()).extracting(i -> i.article().id()).contains(neutralId);
                assertThat(page.items().get(0).bodyHighlight()).contains("<mark>");
            });
        }
    }
}
