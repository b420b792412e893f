package kr.sotong.signage.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.sotong.shared.DomainException;

/** 캠페인 (편성): a playlist for targets over a date range, in dayparts, with a priority or a share of the hour. */
public class Campaign {

    public enum Status {
        ACTIVE("편성 중"), PAUSED("일시 중지");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    Long id;
    String name;
    CampaignKind kind;
    long playlistId;
    LocalDate start;
    LocalDate end;
    int priority;
    int sharePercent;
    Status status = Status.ACTIVE;
    Targets targets;
    List<Daypart> dayparts = List.of();
    String createdBy;
    Instant createdAt;
    Instant updatedAt;
    int version;

    Campaign() {
    }

    static Campaign plan(CampaignDraft d, String by, Instant now) {
        Campaign c = new Campaign();
        c.apply(d);
        c.createdBy = by;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    void revise(CampaignDraft d, Instant now) {
        apply(d);
        updatedAt = now;
    }

    private void apply(CampaignDraft d) {
        name = d.name();
        kind = d.kind();
        playlistId = d.playlistId();
        start = d.start();
        end = d.end();
        priority = d.priority();
        sharePercent = d.sharePercent();
        targets = d.targets();
        dayparts = d.dayparts();
    }

    void pause(Instant now) {
        if (status == Status.PAUSED) {
            throw DomainException.conflict("signage.campaign.paused", "이미 일시 중지된 캠페인입니다.");
        }
        status = Status.PAUSED;
        updatedAt = now;
    }

    void resume(Instant now) {
        if (status == Status.ACTIVE) {
            throw DomainException.conflict("signage.campaign.active", "이미 편성 중인 캠페인입니다.");
        }
        status = Status.ACTIVE;
        updatedAt = now;
    }

    public CampaignDraft draft() {
        return new CampaignDraft(name, kind, playlistId, start, end, priority, sharePercent, targets, dayparts);
    }

    public Long id() { return id; }
    public String name() { return name; }
    public CampaignKind kind() { return kind; }
    public long playlistId() { return playlistId; }
    public LocalDate start() { return start; }
    public LocalDate end() { return end; }
    public int priority() { return priority; }
    public int sharePercent() { return sharePercent; }
    public Status status() { return status; }
    public Targets targets() { return targets; }
    public List<Daypart> dayparts() { return dayparts; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public int version() { return version; }
}
