package kr.sotong.monitoring;

import static kr.sotong.monitoring.FeedServer.item;
import static kr.sotong.monitoring.FeedServer.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.FetchException;
import kr.sotong.monitoring.ingest.HttpFetcher;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Malformed, malicious, oversized, mis-labelled and unreachable feeds: a clear error on that source, no crash. */
@SotongTest
class HostileFeedsTest {

    @Autowired
    Sources sources;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private static final String XXE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>t</title><link>http://x.kr/</link><description>d</description>
            <item><title>금천구 &xxe;</title><link>http://x.kr/1</link><description>&xxe;</description></item></channel></rss>
            """;

    private static final String LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
            <rss version="2.0"><channel><title>&lol5;</title><item><title>금천구 &lol5;</title></item></channel></rss>
            """;

    private long feed(FeedServer server, String path, String outlet) {
        return sources.addFeed(null, outlet + "-" + run, server.url(path), 30, false);
    }

    private List<Article> ofOutlet(String outlet) {
        return jdbc.sql("select " + Article.COLUMNS + " from monitoring_article where outlet = :o order by id")
                .param("o", outlet + "-" + run).query(Article::map).list();
    }

    @Test
    void everyBadFeedFailsWithAClearReasonWhileTheGoodOneKeepsFlowing() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.put("/xxe", XXE, "application/rss+xml", null);
            server.put("/laughs", LAUGHS, "application/rss+xml", null);
            server.put("/malformed", "<rss><channel><title>금천구 소식</title><item><title>깨진 피드", "application/xml", null);
            server.put("/not-a-feed", "<html><body>금천구</body></html>", "text/html", null);
            byte[] big = new byte[11 * 1024 * 1024];
            java.util.Arrays.fill(big, (byte) 'a');
            server.put("/big", big, "application/rss+xml", null);
            String good = rss("good", item("ok-1", server.url("/ok/1"), "금천구 G밸리 야간 축제 열려",
                    "금천구는 가산디지털단지 일대에서 G밸리 야간 축제를 열었다고 밝혔다. <script>alert(1)</script>주민 3천여 명이 찾았다.",
                    "Tue, 04 Mar 2031 09:00:00 +0900"));
            server.put("/good", good, "application/rss+xml; charset=utf-8", null);
            // EUC-KR declared everywhere, UTF-8 bytes sent
            String mislabelled = rss("mislabelled", item("m-1", server.url("/m/1"), "금천구, 독산동 골목상권 살리기 나서",
                    "금천구가 독산동 골목상권 활성화 사업을 시작한다. 상인회와 함께 간판 정비와 야간 조명을 지원한다.",
                    "Tue, 04 Mar 2031 10:00:00 +0900")).replace("encoding=\"UTF-8\"", "encoding=\"EUC-KR\"");
            server.put("/mislabelled", mislabelled.getBytes(StandardCharsets.UTF_8), "text/xml; charset=EUC-KR", null);
            // a real EUC-KR feed without any charset in the header
            String euckr = rss("euckr", item("e-1", server.url("/e/1"), "시흥동 주민센터 새 청사 준공",
                    "금천구 시흥동 주민센터가 새 청사를 준공했다. 주민 공유공간과 작은 도서관이 들어섰다.",
                    "Tue, 04 Mar 2031 11:00:00 +0900")).replace("encoding=\"UTF-8\"", "encoding=\"EUC-KR\"");
            server.put("/euckr", euckr.getBytes(Charset.forName("EUC-KR")), "application/xml", null);
            int deadPort;
            try (ServerSocket s = new ServerSocket(0)) {
                deadPort = s.getLocalPort();
            }

            long xxe = feed(server, "/xxe", "엑스엑스이");
            long laughs = feed(server, "/laughs", "빌리언");
            long malformed = feed(server, "/malformed", "깨진피드");
            long notFeed = feed(server, "/not-a-feed", "웹페이지");
            long tooBig = feed(server, "/big", "대용량");
            long dead = sources.addFeed(null, "꺼진서버-" + run, "http://127.0.0.1:" + deadPort + "/rss", 30, false);
            long missing = feed(server, "/nowhere", "없는주소");
            long ok = feed(server, "/good", "정상");
            long mis = feed(server, "/mislabelled", "잘못된인코딩");
            long kr = feed(server, "/euckr", "이유씨케이알");

            assertThat(sources.pollNow(xxe).message()).contains("DOCTYPE");
            assertThat(sources.pollNow(laughs).message()).contains("DOCTYPE");
            assertThat(sources.pollNow(malformed).message()).contains("XML 형식이 올바르지 않습니다");
            assertThat(sources.pollNow(notFeed).message()).contains("RSS/Atom 피드가 아닙니다");
            assertThat(sources.pollNow(tooBig).message()).contains("너무 큽니다");
            assertThat(sources.pollNow(dead).message()).contains("연결할 수 없습니다");
            assertThat(sources.pollNow(missing).message()).contains("HTTP 404");
            for (long id : List.of(xxe, laughs, malformed, notFeed, tooBig, dead, missing)) {
                Sources.Source s = sources.get(id);
                assertThat(s.lastError()).as("source %s", s.outlet()).isNotBlank();
                assertThat(s.consecutiveFailures()).isEqualTo(1);
                assertThat(s.nextPollAt()).isAfter(s.lastPolledAt());
                assertThat(sources.runs(id, 5)).extracting(Sources.Run::outcome).containsExactly("FAILED");
            }
            assertThat(ofOutlet("엑스엑스이")).isEmpty();
            assertThat(ofOutlet("빌리언")).isEmpty();

            Sources.PollResult good1 = sources.pollNow(ok);
            assertThat(good1.outcome()).isEqualTo("OK");
            assertThat(good1.ingested()).isEqualTo(1);
            assertThat(ofOutlet("정상").get(0).body()).contains("주민 3천여 명").doesNotContain("alert", "script");
            assertThat(sources.pollNow(ok).ingested()).isZero();

            Sources.PollResult misResult = sources.pollNow(mis);
            assertThat(misResult.ingested()).isEqualTo(1);
            assertThat(misResult.message()).contains("EUC-KR");
            assertThat(ofOutlet("잘못된인코딩").get(0).title()).isEqualTo("금천구, 독산동 골목상권 살리기 나서");

            assertThat(sources.pollNow(kr).ingested()).isEqualTo(1);
            assertThat(ofOutlet("이유씨케이알").get(0).title()).isEqualTo("시흥동 주민센터 새 청사 준공");
        }
    }

    @Test
    void aSlowHostTimesOutWithAClearMessage() throws Exception {
        try (FeedServer server = new FeedServer()) {
            server.putSlow("/slow", rss("slow"), 3000);
            HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(1), Duration.ofMillis(500), 1024 * 1024,
                    Duration.ZERO, "test");
            assertThatThrownBy(() -> fetcher.get(server.url("/slow"), null, null))
                    .isInstanceOf(FetchException.class).hasMessageContaining("응답 시간이 초과");
        }
    }
}
