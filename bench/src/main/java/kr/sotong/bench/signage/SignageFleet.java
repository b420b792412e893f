package kr.sotong.bench.signage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import kr.sotong.bench.BenchApp;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.content.ContentLibrary;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceAttributes;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.device.Orientation;
import kr.sotong.signage.schedule.CampaignDraft;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Daypart;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.Playlist;
import kr.sotong.signage.schedule.Programming;
import kr.sotong.signage.schedule.ScheduleResolver;
import kr.sotong.signage.schedule.Targets;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A simulated fleet in a running application, built through the real use cases: N devices (media
 * boards, signage screens and a media wall in the work plan's proportions, in 40 building groups) with
 * device tokens, a few approved images and tickers, a default campaign for everyone, group campaigns with
 * dayparts across midnight, and an interrupt.
 */
final class SignageFleet {

    record Member(long id, String code, String token) {
    }

    final List<Member> devices = new ArrayList<>();
    final Programming programming;
    final ContentLibrary library;
    final DeviceRegistry registry;
    Playlist defaultPlaylist;

    private SignageFleet(BenchApp app) {
        this.programming = app.bean(Programming.class);
        this.library = app.bean(ContentLibrary.class);
        this.registry = app.bean(DeviceRegistry.class);
    }

    /** Runs as an administrator (the bench has no web session). */
    static <T> T asAdmin(Supplier<T> action) {
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        SecurityContextHolder.setContext(ctx);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static SignageFleet build(BenchApp app, int count) {
        SignageFleet fleet = new SignageFleet(app);
        long t0 = System.nanoTime();
        asAdmin(() -> {
            fleet.programme();
            return null;
        });
        // registration through the use cases, 4 at a time (each is audited and bumps the schedule version)
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        Member[] members = new Member[count];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int i = n;
            futures.add(pool.submit(() -> asAdmin(() -> {
                int slot = i % 710;
                DeviceKind kind = slot < 663 ? DeviceKind.MEDIA_BOARD : slot < 709 ? DeviceKind.SIGNAGE : DeviceKind.MEDIA_WALL;
                Device d = fleet.registry.register(String.format("B-%05d", i), new DeviceAttributes("벤치 기기 " + i, kind,
                        "건물 " + (i % 400), "엘리베이터", "가산동",
                        kind == DeviceKind.MEDIA_BOARD ? Orientation.PORTRAIT : Orientation.LANDSCAPE, 1920, 1080,
                        Set.of("단지" + (i % 40)), Set.of(i % 2 == 0 ? "엘리베이터" : "로비"), ""));
                members[i] = new Member(d.id(), d.code(), fleet.registry.issueToken(d.id()));
                if (done.incrementAndGet() % 2000 == 0) {
                    System.out.printf("  %,d devices registered%n", done.get());
                }
                return null;
            })));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pool.shutdown();
        fleet.devices.addAll(List.of(members));
        System.out.printf("fleet of %,d devices set up in %.0f s (registration through the use cases, audited)%n", count,
                (System.nanoTime() - t0) / 1e9);
        return fleet;
    }

    private void programme() {
        List<ContentItem> items = new ArrayList<>();
        Color[] colors = {Color.RED, Color.BLUE, Color.GREEN, Color.ORANGE, Color.MAGENTA, Color.CYAN};
        for (int i = 0; i < colors.length; i++) {
            ContentItem c = library.upload(new ByteArrayInputStream(png(colors[i], i)), "bench-" + i + ".png", "벤치 이미지 " + i,
                    null, null);
            items.add(library.approve(c.id()));
        }
        ContentItem ticker = library.approve(library.createTicker("금천구 소식은 금천구청 누리집에서 확인하세요", null, null).id());
        LocalDate today = LocalDate.now(ScheduleResolver.ZONE);
        defaultPlaylist = playlist("기본 재생목록", Layout.MAIN_WITH_TICKER, items.subList(0, 3), ticker);
        programming.planCampaign(new CampaignDraft("기본 편성", CampaignKind.DEFAULT, defaultPlaylist.id(), today.minusDays(1),
                today.plusYears(1), 0, 0, Targets.everyone(), List.of()));
        for (int g = 0; g < 40; g += 4) {
            Playlist p = playlist("단지 " + g, Layout.FULL_SCREEN, items.subList(g % 3, g % 3 + 3), null);
            programming.planCampaign(new CampaignDraft("단지 " + g + " 야간", CampaignKind.NORMAL, p.id(), today.minusDays(1),
                    today.plusDays(30), 10 + g % 7, 0, new Targets(false, null, Set.of("단지" + g), null, null),
                    List.of(new Daypart(EnumSet.allOf(java.time.DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(6, 0)))));
        }
        Playlist wall = playlist("미디어월 아트", Layout.FULL_SCREEN, items.subList(3, 6), null);
        programming.planCampaign(new CampaignDraft("미디어월", CampaignKind.NORMAL, wall.id(), today.minusDays(1),
                today.plusDays(60), 50, 0, new Targets(false, EnumSet.of(DeviceKind.MEDIA_WALL), null, null, null), List.of()));
        Playlist news = playlist("구정 소식", Layout.FULL_SCREEN, items.subList(4, 5), null);
        programming.planCampaign(new CampaignDraft("구정 소식 끼워넣기", CampaignKind.INTERRUPT, news.id(), today.minusDays(1),
                today.plusDays(30), 5, 10, Targets.tags("엘리베이터"), List.of()));
    }

    private Playlist playlist(String name, Layout layout, List<ContentItem> items, ContentItem ticker) {
        Playlist p = programming.createPlaylist(name, layout, "");
        for (ContentItem c : items) {
            p = programming.addItem(p.id(), p.version(), c.id(), 10);
        }
        if (ticker != null) {
            p = programming.addItem(p.id(), p.version(), ticker.id(), 20);
        }
        return p;
    }

    static byte[] png(Color color, int salt) {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 1280, 720);
        g.setColor(Color.WHITE);
        g.drawString("Sotong bench " + salt, 40, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
