package kr.sotong.channels.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.Formats;
import kr.sotong.platform.NavLink;
import kr.sotong.platform.Navigation;
import kr.sotong.platform.PublicPaths;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Settings, menu, public paths, dashboard tiles and the daily connector fetch of channels. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelsProperties.class)
class ChannelsConfig {

    @Bean
    PublicPaths channelsPublicPaths() {
        return PublicPaths.permitAll("/events", "/events/**", "/coupons/**");
    }

    @Bean
    Navigation channelsNavigation() {
        return new Navigation() {
            @Override
            public List<NavLink> staffLinks() {
                return List.of(
                        NavLink.of("홍보미디어팀", "홍보 채널", "/staff/channels", 10),
                        NavLink.of("홍보미디어팀", "콘텐츠 달력", "/staff/channels/calendar", 11),
                        NavLink.of("홍보미디어팀", "협업·광고", "/staff/channels/promotions", 12),
                        NavLink.of("홍보미디어팀", "SNS 이벤트", "/staff/channels/events", 13),
                        NavLink.of("홍보미디어팀", "제휴 쿠폰", "/staff/channels/coupons", 14));
            }

            @Override
            public List<NavLink> publicLinks() {
                return List.of(NavLink.of("", "SNS 이벤트", "/events", 41), NavLink.of("", "쿠폰 사용 확인(제휴처)", "/coupons/redeem", 42));
            }
        };
    }

    @Bean
    DashboardTile channelsTile(ChannelCatalog catalog, Formats fmt) {
        return tile(110, () -> {
            List<TileView.Row> rows = new ArrayList<>();
            for (var o : catalog.overview()) {
                if (o.latest() != null && o.latest().subscribers() != null) {
                    Long ch = o.subscriberChange();
                    rows.add(new TileView.Row(o.channel().name(), fmt.num(o.latest().subscribers()) + "명"
                            + (ch == null ? "" : " (" + (ch >= 0 ? "+" : "") + fmt.num(ch) + ")"), "/staff/channels/" + o.channel().id()));
                }
            }
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TileView("홍보 채널 구독자", Integer.toString(rows.size()), "채널별 최근 집계", rows, "/staff/channels",
                    TileView.Tone.NORMAL));
        });
    }

    @Bean
    DashboardTile contentTile(ContentCalendar calendar, java.time.Clock clock) {
        return tile(111, () -> {
            var month = calendar.month(java.time.YearMonth.now(clock));
            long published = month.stream().filter(i -> i.status() == ContentCalendar.Status.PUBLISHED).count();
            List<TileView.Row> rows = month.stream().filter(i -> i.status() != ContentCalendar.Status.PUBLISHED)
                    .filter(i -> i.plannedOn() != null && !i.plannedOn().isBefore(LocalDate.now(clock))).limit(4)
                    .map(i -> new TileView.Row(i.title(), i.status().label() + " · " + i.plannedOn(), "/staff/channels/content/" + i.id()))
                    .toList();
            return Optional.of(new TileView("이번 달 콘텐츠", Long.toString(published), "게시 " + published + "건 / 계획 " + month.size() + "건",
                    rows, "/staff/channels/calendar", TileView.Tone.NORMAL));
        });
    }

    static DashboardTile tile(int order, java.util.function.Supplier<Optional<TileView>> view) {
        return new DashboardTile() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public java.util.Set<String> visibleToRoles() {
                return java.util.Set.of(Roles.ADMIN, Roles.DIRECTOR, Roles.PR_MEDIA);
            }

            @Override
            public Optional<TileView> render() {
                return view.get();
            }
        };
    }

    @Component
    static class DailyFetch {
        private final ChannelCatalog catalog;

        DailyFetch(ChannelCatalog catalog) {
            this.catalog = catalog;
        }

        @Scheduled(cron = "0 30 6 * * *", zone = "Asia/Seoul")
        @SchedulerLock(name = "channels.fetch-metrics", lockAtMostFor = "PT30M")
        void fetch() {
            catalog.fetchAll();
        }
    }
}
