package kr.sotong.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kr.sotong.monitoring.cases.Cases;
import kr.sotong.monitoring.cases.ResponseCase;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.TileView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dashboard tiles: today's coverage, open negative reports, overdue response cases. */
@Configuration(proxyBeanMethods = false)
class MonitoringTiles {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Bean
    DashboardTile monitoringTodayTile(Articles articles, Clock clock) {
        return new DashboardTile() {
            @Override
            public int order() {
                return 140;
            }

            @Override
            public Optional<TileView> render() {
                LocalDate today = clock.instant().atZone(SEOUL).toLocalDate();
                long n = articles.countIngestedSince(today.atStartOfDay(SEOUL).toInstant());
                List<TileView.Row> rows = articles.latest(3, false).stream()
                        .map(a -> new TileView.Row(a.outlet(), shorten(a.title()), "/staff/monitoring/articles/" + a.id()))
                        .toList();
                return Optional.of(TileView.of("오늘의 언론 보도", n + "건", "오늘 수집된 기사", "/staff/monitoring")
                        .withRows(rows));
            }
        };
    }

    @Bean
    DashboardTile monitoringNegativesTile(Articles articles) {
        return new DashboardTile() {
            @Override
            public int order() {
                return 141;
            }

            @Override
            public Optional<TileView> render() {
                long n = articles.countOpenNegatives();
                List<Article> list = articles.openNegatives(3);
                List<TileView.Row> rows = list.stream().map(a -> new TileView.Row(a.outlet() + " (" + a.score() + "점)",
                        shorten(a.title()), "/staff/monitoring/articles/" + a.id())).toList();
                TileView v = TileView.of("대응 전 부정 보도", n + "건", "부정 의심·부정·왜곡으로 분류되고 대응 사건이 없는 기사",
                        "/staff/monitoring/search?flagged=true").withRows(rows);
                return Optional.of(n > 0 ? v.withTone(TileView.Tone.ALERT) : v.withTone(TileView.Tone.GOOD));
            }
        };
    }

    @Bean
    DashboardTile monitoringOverdueTile(Cases cases) {
        return new DashboardTile() {
            @Override
            public int order() {
                return 142;
            }

            @Override
            public Optional<TileView> render() {
                List<ResponseCase> overdue = cases.overdue();
                long open = cases.all(true).stream().filter(c -> !c.status().answered()).count();
                List<TileView.Row> rows = overdue.stream().limit(3).map(c -> new TileView.Row("#" + c.id() + " " + c.status().korean(),
                        shorten(c.title()), "/staff/monitoring/cases/" + c.id())).toList();
                TileView v = TileView.of("기한 넘긴 대응 사건", overdue.size() + "건", "진행 중 " + open + "건 (목표 시간 초과 표시)",
                        "/staff/monitoring/cases").withRows(rows);
                return Optional.of(overdue.isEmpty() ? v : v.withTone(TileView.Tone.WARNING));
            }
        };
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
