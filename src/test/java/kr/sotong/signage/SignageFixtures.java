package kr.sotong.signage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.content.ContentLibrary;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceAttributes;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.device.Orientation;
import kr.sotong.signage.schedule.Campaign;
import kr.sotong.signage.schedule.CampaignDraft;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.Daypart;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.Playlist;
import kr.sotong.signage.schedule.Programming;
import kr.sotong.signage.schedule.Targets;
import kr.sotong.testsupport.Staff;
import org.springframework.stereotype.Component;

/**
 * Builds signage data for tests through the real use cases, as a PR media officer. Everything is keyed
 * by a unique tag so that tests sharing the database never see each other's campaigns.
 */
@Component
public class SignageFixtures {

    private final Staff staff;
    private final DeviceRegistry registry;
    private final ContentLibrary library;
    private final Programming programming;
    private StaffMember officer;

    public SignageFixtures(Staff staff, DeviceRegistry registry, ContentLibrary library, Programming programming) {
        this.staff = staff;
        this.registry = registry;
        this.library = library;
        this.programming = programming;
    }

    public synchronized StaffMember officer() {
        if (officer == null) {
            officer = staff.create(Roles.PR_MEDIA);
        }
        return officer;
    }

    public <T> T as(Supplier<T> action) {
        Object[] out = new Object[1];
        staff.runAs(officer(), () -> out[0] = action.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    public static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Device device(String tag) {
        return device(tag, DeviceKind.MEDIA_BOARD);
    }

    public Device device(String tag, DeviceKind kind) {
        return as(() -> registry.register(null, new DeviceAttributes("테스트 " + tag, kind, "가산 테스트타워", "1호기 엘리베이터",
                "가산동", Orientation.LANDSCAPE, 1920, 1080, Set.of("테스트"), Set.of(tag), "")));
    }

    public String token(Device d) {
        return as(() -> registry.issueToken(d.id()));
    }

    public static byte[] png(Color color, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        // a few random pixels: every image is a different file
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            img.setRGB(r.nextInt(width), r.nextInt(height), r.nextInt(0xffffff));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An approved image. */
    public ContentItem image(String title, Color color) {
        return as(() -> {
            ContentItem c = library.upload(new ByteArrayInputStream(png(color, 640, 360)), title + ".png", title, null, null);
            return library.approve(c.id());
        });
    }

    public ContentItem pendingImage(String title, Color color) {
        return as(() -> library.upload(new ByteArrayInputStream(png(color, 640, 360)), title + ".png", title, null, null));
    }

    public ContentItem ticker(String text) {
        return as(() -> library.approve(library.createTicker(text, null, null).id()));
    }

    /** A playlist of the items, each for {@code seconds}. */
    public Playlist playlist(Layout layout, int seconds, ContentItem... items) {
        return as(() -> {
            Playlist p = programming.createPlaylist("재생목록 " + uniqueTag(), layout, "");
            for (ContentItem c : items) {
                p = programming.addItem(p.id(), p.version(), c.id(), seconds);
            }
            return p;
        });
    }

    public Campaign campaign(String name, CampaignKind kind, Playlist playlist, int priority, Targets targets,
                             List<Daypart> dayparts) {
        LocalDate today = LocalDate.now(kr.sotong.signage.schedule.ScheduleResolver.ZONE);
        return campaign(name, kind, playlist, priority, targets, dayparts, today.minusDays(1), today.plusDays(3));
    }

    public Campaign campaign(String name, CampaignKind kind, Playlist playlist, int priority, Targets targets,
                             List<Daypart> dayparts, LocalDate start, LocalDate end) {
        return as(() -> programming.planCampaign(new CampaignDraft(name, kind, playlist.id(), start, end, priority,
                kind == CampaignKind.INTERRUPT ? 10 : 0, targets, dayparts)));
    }
}
