package kr.sotong.signage.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A campaign as the resolver sees it. Dates are inclusive Asia/Seoul calendar days; no dayparts means
 * all day every day. {@code sharePercent} is the guaranteed share of every hour of an interrupt.
 */
public record CampaignRule(long id, String name, CampaignKind kind, int priority, LocalDate start, LocalDate end,
                           List<Daypart> dayparts, Targets targets, int sharePercent, PlaylistSpec playlist) {

    public CampaignRule {
        dayparts = dayparts == null ? List.of() : List.copyOf(dayparts);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end before start");
        }
    }

    /** The day whose schedule includes {@code local}, when the campaign runs then. */
    public Optional<LocalDate> activeDay(LocalDateTime local) {
        if (dayparts.isEmpty()) {
            LocalDate d = local.toLocalDate();
            return inRange(d) ? Optional.of(d) : Optional.empty();
        }
        for (Daypart p : dayparts) {
            Optional<LocalDate> day = p.owningDay(local);
            if (day.isPresent() && inRange(day.get())) {
                return day;
            }
        }
        return Optional.empty();
    }

    public boolean inRange(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
