package kr.sotong.signage.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageAccess;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.content.ContentItems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 편성: playlists and campaigns, and the overlaps staff should know about. */
@Service("signageProgramming")
public class Programming {

    private final Playlists playlists;
    private final Campaigns campaigns;
    private final ContentItems content;
    private final DeviceSchedules schedules;
    private final ScheduleChanges changes;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    public Programming(Playlists playlists, Campaigns campaigns, ContentItems content, DeviceSchedules schedules,
                       ScheduleChanges changes, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.playlists = playlists;
        this.campaigns = campaigns;
        this.content = content;
        this.schedules = schedules;
        this.changes = changes;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ playlists

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public List<Playlists.Summary> playlists() {
        return playlists.summaries();
    }

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public Playlist playlist(long id) {
        return playlists.require(id);
    }

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public List<String> playlistNamesContaining(long contentId) {
        return playlists.namesContaining(contentId);
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Playlist createPlaylist(String name, Layout layout, String description) {
        Playlist p = playlists.insert(Playlist.create(name, layout, description, clock.instant()));
        audit.record("signage.playlist.create", "SignagePlaylist", p.id(), "재생목록 '" + p.name() + "' 만듦");
        return p;
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Playlist describePlaylist(long id, int version, String name, Layout layout, String description) {
        Playlist p = load(id, version);
        p.describe(name, layout, description);
        p.updatedAt = clock.instant();
        return save(p, "재생목록 '" + p.name() + "' 정보 수정");
    }

    /** Adds a content item; {@code seconds} null = the item's default (a video's length). */
    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Playlist addItem(long id, int version, long contentId, Integer seconds) {
        Playlist p = load(id, version);
        ContentItem c = content.require(contentId);
        p.add(contentId, seconds == null ? c.defaultSeconds() : seconds, clock.instant());
        return save(p, "재생목록 '" + p.name() + "'에 '" + c.title() + "' 추가");
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Playlist moveItem(long id, int version, int index, int delta) {
        Playlist p = load(id, version);
        p.move(index, delta, clock.instant());
        return save(p, "재생목록 '" + p.name() + "' 순서 변경");
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Playlist removeItem(long id, int version, int index) {
        Playlist p = load(id, version);
        p.remove(index, clock.instant());
        return save(p, "재생목록 '" + p.name() + "'에서 " + (index + 1) + "번째 항목 뺌");
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Playlist setItemSeconds(long id, int version, int index, int seconds) {
        Playlist p = load(id, version);
        p.setSeconds(index, seconds, clock.instant());
        return save(p, "재생목록 '" + p.name() + "' " + (index + 1) + "번째 재생 시간 " + seconds + "초");
    }

    private Playlist load(long id, int version) {
        Playlist p = playlists.require(id);
        if (p.version() != version) {
            throw DomainException.conflict("signage.playlist.stale", "다른 사용자가 먼저 이 재생목록을 고쳤습니다. 새로 고친 뒤 다시 하세요.");
        }
        return p;
    }

    private Playlist save(Playlist p, String summary) {
        playlists.update(p);
        audit.record("signage.playlist.update", "SignagePlaylist", p.id(), summary);
        changes.changed("playlist");
        return p;
    }

    // ------------------------------------------------------------------ campaigns

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public List<Campaign> campaigns() {
        return campaigns.all();
    }

    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public Campaign campaign(long id) {
        return campaigns.require(id);
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Campaign planCampaign(CampaignDraft draft) {
        playlists.require(draft.playlistId());
        Campaign c = campaigns.insert(Campaign.plan(draft, staff.currentActor(), clock.instant()));
        audit.record("signage.campaign.create", "SignageCampaign", c.id(), describe(c));
        changes.changed("campaign created");
        return c;
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Campaign reviseCampaign(long id, int version, CampaignDraft draft) {
        Campaign c = campaigns.require(id);
        if (c.version() != version) {
            throw DomainException.conflict("signage.campaign.stale", "다른 사용자가 먼저 이 캠페인을 고쳤습니다. 새로 고친 뒤 다시 저장하세요.");
        }
        playlists.require(draft.playlistId());
        c.revise(draft, clock.instant());
        campaigns.update(c);
        audit.record("signage.campaign.update", "SignageCampaign", id, describe(c));
        changes.changed("campaign revised");
        return c;
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Campaign pauseCampaign(long id) {
        Campaign c = campaigns.require(id);
        c.pause(clock.instant());
        campaigns.update(c);
        audit.record("signage.campaign.pause", "SignageCampaign", id, "캠페인 '" + c.name() + "' 일시 중지");
        changes.changed("campaign paused");
        return c;
    }

    @PreAuthorize(SignageAccess.EDIT)
    @Transactional
    public Campaign resumeCampaign(long id) {
        Campaign c = campaigns.require(id);
        c.resume(clock.instant());
        campaigns.update(c);
        audit.record("signage.campaign.resume", "SignageCampaign", id, "캠페인 '" + c.name() + "' 편성 재개");
        changes.changed("campaign resumed");
        return c;
    }

    private static String describe(Campaign c) {
        return "캠페인 '" + c.name() + "' " + c.kind().label() + ", " + c.start() + "~" + c.end() + ", 우선순위 " + c.priority()
                + (c.kind() == CampaignKind.INTERRUPT ? ", 점유율 " + c.sharePercent() + "%" : "") + ", 대상 "
                + c.targets().describe();
    }

    // ------------------------------------------------------------------ overlaps

    /**
     * Another campaign of the same tier and equal priority that plays on the same device at the same time,
     * and how the resolver breaks the tie there.
     */
    public record Overlap(long otherId, String otherName, String deviceCode, LocalDateTime when, String decision) {
    }

    /**
     * Campaigns of equal priority that overlap this one somewhere (same device, same moment), each with
     * one example and the deterministic tie-break the screens apply. Searched over the active devices and
     * every half hour of the first two weeks of the overlap.
     */
    @PreAuthorize(SignageAccess.READ)
    @Transactional(readOnly = true)
    public List<Overlap> overlaps(long campaignId) {
        schedules.refresh(changes.currentVersion());
        ScheduleSnapshot s = schedules.snapshot();
        CampaignRule self = s.campaigns().stream().filter(c -> c.id() == campaignId).findFirst().orElse(null);
        if (self == null || self.kind() == CampaignKind.INTERRUPT) {
            return List.of();
        }
        List<Overlap> out = new ArrayList<>();
        for (CampaignRule other : s.campaigns()) {
            if (other.id() == self.id() || other.kind() != self.kind() || other.priority() != self.priority()) {
                continue;
            }
            LocalDate from = self.start().isAfter(other.start()) ? self.start() : other.start();
            LocalDate to = self.end().isBefore(other.end()) ? self.end() : other.end();
            if (to.isBefore(from)) {
                continue;
            }
            findExample(s, self, other, from, to).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Overlap> findExample(ScheduleSnapshot s, CampaignRule a, CampaignRule b, LocalDate from, LocalDate to) {
        List<DeviceProfile> both = s.devices().values().stream()
                .filter(d -> a.targets().specificity(d) >= 0 && b.targets().specificity(d) >= 0)
                .sorted(java.util.Comparator.comparing(DeviceProfile::code)).limit(50).toList();
        if (both.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = to.isAfter(from.plusDays(13)) ? from.plusDays(13) : to;
        for (LocalDate day = from; !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
            for (int half = 0; half < 48; half++) {
                LocalDateTime t = day.atTime(LocalTime.of(half / 2, (half % 2) * 30));
                if (a.activeDay(t).isEmpty() || b.activeDay(t).isEmpty()) {
                    continue;
                }
                for (DeviceProfile d : both) {
                    Resolution r = ScheduleResolver.resolveLocal(d, List.of(a, b), t);
                    if (r.main() == null) {
                        continue;
                    }
                    String note = r.notes().stream().filter(n -> n.contains("가 같은")).findFirst().orElse(null);
                    if (note != null) {
                        return Optional.of(new Overlap(b.id(), b.name(), d.code(), t, note));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Days of the week in display order, for forms. */
    public static List<DayOfWeek> week() {
        return List.of(DayOfWeek.values());
    }

    public Instant now() {
        return clock.instant();
    }
}
