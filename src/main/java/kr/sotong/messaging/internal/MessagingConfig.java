package kr.sotong.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kr.sotong.messaging.SubscriberChannel;
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

/** Settings, security contribution, menu, dashboard tiles and scheduled jobs of messaging. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingConfig {

    static final String WEBHOOK = "/api/v1/messaging/gateway/**";

    /** Public pages, the public subscribe API and the gateway's signed webhooks (CSRF-exempt only there). */
    @Bean
    PublicPaths messagingPublicPaths() {
        return new PublicPaths(List.of("/subscribe", "/subscribe/**", "/unsubscribe/**", "/api/v1/messaging/subscriptions",
                "/api/v1/messaging/subscriptions/**", WEBHOOK), List.of(WEBHOOK));
    }

    @Bean
    Navigation messagingNavigation() {
        return new Navigation() {
            @Override
            public List<NavLink> staffLinks() {
                return List.of(
                        NavLink.of("홍보미디어팀", "문자·카톡 발송", "/staff/messaging", 30),
                        NavLink.of("홍보미디어팀", "구독자", "/staff/messaging/subscribers", 31),
                        NavLink.of("홍보미디어팀", "발송 템플릿", "/staff/messaging/templates", 32));
            }

            @Override
            public List<NavLink> publicLinks() {
                return List.of(NavLink.of("", "구정 소식 받기", "/subscribe", 40));
            }
        };
    }

    @Bean
    DashboardTile bulletinsTile(Bulletins bulletins, Subscribers subscribers, Formats fmt) {
        return tile(120, () -> {
            List<Bulletin> recent = bulletins.recent(5);
            var counts = subscribers.activeCounts();
            List<TileView.Row> rows = new ArrayList<>();
            for (SubscriberChannel c : SubscriberChannel.values()) {
                rows.add(TileView.Row.of(c.label() + " 구독자", fmt.num(counts.get(c)) + "명"));
            }
            long sent = recent.stream().filter(b -> b.status() == Bulletin.Status.SENT).count();
            for (Bulletin b : recent.stream().limit(3).toList()) {
                rows.add(new TileView.Row(b.title(), b.status().label() + (b.recipients() > 0 ? " · " + fmt.num(b.recipients()) + "명" : ""),
                        "/staff/messaging/bulletins/" + b.id()));
            }
            boolean sending = recent.stream().anyMatch(b -> b.status() == Bulletin.Status.SENDING);
            return Optional.of(new TileView("문자·카톡 발송", Long.toString(sent), "최근 5건 중 발송 완료" + (sending ? " · 발송 중 있음" : ""),
                    rows, "/staff/messaging", sending ? TileView.Tone.WARNING : TileView.Tone.NORMAL));
        });
    }

    static DashboardTile tile(int order, Supplier<Optional<TileView>> view) {
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
    static class Jobs {
        private final Bulletins bulletins;
        private final Subscribers subscribers;
        private final MessagingProperties properties;

        Jobs(Bulletins bulletins, Subscribers subscribers, MessagingProperties properties) {
            this.bulletins = bulletins;
            this.subscribers = subscribers;
            this.properties = properties;
        }

        @Scheduled(fixedDelayString = "${sotong.messaging.scheduler-interval:30s}", initialDelayString = "10s")
        @SchedulerLock(name = "messaging.start-due", lockAtMostFor = "PT5M")
        void startDue() {
            if (properties.schedulerEnabled()) {
                bulletins.startDue();
            }
        }

        @Scheduled(cron = "0 0 10 * * *", zone = "Asia/Seoul")
        @SchedulerLock(name = "messaging.reconfirm", lockAtMostFor = "PT30M")
        void reconfirm() {
            if (properties.schedulerEnabled()) {
                subscribers.sendReconfirmationNotices();
            }
        }
    }
}
