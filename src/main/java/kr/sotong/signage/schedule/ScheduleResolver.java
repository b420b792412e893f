package kr.sotong.signage.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The schedule resolver: a pure function from a device, the campaigns and an instant to the device's
 * effective playlist. Wall-clock rules (dates, weekdays, dayparts) are read in Asia/Seoul, which has had
 * no daylight-saving time since 1988, so every local day has exactly 24 hours.
 * <p>
 * Rules:
 * <ol>
 *   <li>A campaign takes part when it reaches the device, runs at the instant (date range and dayparts)
 *       and its playlist has at least one approved item valid on that calendar day.</li>
 *   <li>The main playlist is the best-ranked normal campaign; if there is none, the best-ranked default
 *       campaign. Rank: higher priority, then more specific target (device &gt; group/tag &gt; kind &gt;
 *       all), then the later start date, then the lower campaign number. The tie-break is deterministic
 *       and written into the notes for staff.</li>
 *   <li>Interrupts play on top for whole passes of their loop, as many as needed each hour to reach
 *       their share; they are admitted in rank order while the hour has room.</li>
 * </ol>
 */
public final class ScheduleResolver {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    public static final int HOUR = 3600;

    private ScheduleResolver() {
    }

    /** A campaign that takes part at an instant, with what it would play. */
    private record Candidate(CampaignRule rule, int specificity, List<PlayItem> loop, List<PlayItem> ticker) {
    }

    static final Comparator<Candidate> RANK = Comparator
            .comparingInt((Candidate c) -> c.rule().priority()).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::specificity).reversed())
            .thenComparing(Comparator.comparing((Candidate c) -> c.rule().start()).reversed())
            .thenComparingLong(c -> c.rule().id());

    /** The effective playlist with notes for staff (ties, exclusions). */
    public static Resolution resolve(DeviceProfile device, Collection<CampaignRule> campaigns, Instant at) {
        return resolveLocal(device, campaigns, LocalDateTime.ofInstant(at, ZONE), true);
    }

    /** The effective playlist without notes: what players need (same choices, no explanatory text). */
    public static Resolution resolveForPlay(DeviceProfile device, Collection<CampaignRule> campaigns, Instant at) {
        return resolveLocal(device, campaigns, LocalDateTime.ofInstant(at, ZONE), false);
    }

    public static Resolution resolveLocal(DeviceProfile device, Collection<CampaignRule> campaigns, LocalDateTime local) {
        return resolveLocal(device, campaigns, local, true);
    }

    static Resolution resolveLocal(DeviceProfile device, Collection<CampaignRule> campaigns, LocalDateTime local,
                                   boolean explain) {
        LocalDate today = local.toLocalDate();
        List<Candidate> normal = new ArrayList<>();
        List<Candidate> interrupts = new ArrayList<>();
        List<Candidate> defaults = new ArrayList<>();
        List<String> notes = explain ? new ArrayList<>() : List.of();
        List<CampaignRule> empty = explain ? new ArrayList<>() : null;
        for (CampaignRule c : campaigns) {
            int spec = c.targets().specificity(device);
            if (spec == Targets.NO_MATCH || c.activeDay(local).isEmpty()) {
                continue;
            }
            List<PlayItem> loop = c.playlist().loopOn(today);
            if (loop.isEmpty()) {
                if (explain) {
                    empty.add(c);
                }
                continue;
            }
            Candidate cand = new Candidate(c, spec, loop, c.playlist().tickerOn(today));
            switch (c.kind()) {
                case NORMAL -> normal.add(cand);
                case INTERRUPT -> interrupts.add(cand);
                case DEFAULT -> defaults.add(cand);
            }
        }
        if (explain) {
            empty.sort(Comparator.comparingLong(CampaignRule::id));
            for (CampaignRule c : empty) {
                notes.add("'" + c.name() + "'(#" + c.id() + "): 지금 재생할 수 있는 승인된 콘텐츠가 없어 건너뜁니다.");
            }
        }
        if (normal.size() > 1) {
            normal.sort(RANK);
        }
        if (defaults.size() > 1) {
            defaults.sort(RANK);
        }
        if (interrupts.size() > 1) {
            interrupts.sort(RANK);
        }

        Choice main = null;
        List<Candidate> tier = !normal.isEmpty() ? normal : defaults;
        if (!tier.isEmpty()) {
            Candidate best = tier.get(0);
            main = choice(best, 0);
            for (int i = 1; explain && i < tier.size(); i++) {
                Candidate other = tier.get(i);
                if (other.rule().priority() == best.rule().priority()) {
                    notes.add(tieNote(best, other));
                } else {
                    notes.add("'" + other.rule().name() + "'(#" + other.rule().id() + ", 우선순위 " + other.rule().priority()
                            + ")는 우선순위가 더 높은 '" + best.rule().name() + "'에 가려집니다.");
                }
            }
            if (explain && tier == normal && !defaults.isEmpty()) {
                notes.add("기본 편성 '" + defaults.get(0).rule().name() + "'은 일반 편성이 없을 때 재생됩니다.");
            }
        }

        List<Choice> admitted = new ArrayList<>();
        int used = 0;
        for (Candidate c : interrupts) {
            int pass = seconds(c.loop());
            int needed = (int) Math.ceil(c.rule().sharePercent() * (double) HOUR / 100.0);
            int passes = Math.max(1, (needed + pass - 1) / pass);
            if (used + passes * pass > HOUR) {
                if (explain) {
                    notes.add("끼워넣기 '" + c.rule().name() + "'(#" + c.rule().id() + ", 점유율 " + c.rule().sharePercent()
                            + "%)는 이 시간대의 남은 시간(" + (HOUR - used) + "초)에 들어가지 않아 제외됩니다.");
                }
                continue;
            }
            used += passes * pass;
            admitted.add(choice(c, passes));
        }
        return new Resolution(main, admitted, notes);
    }

    private static String tieNote(Candidate winner, Candidate loser) {
        CampaignRule w = winner.rule();
        CampaignRule l = loser.rule();
        String reason;
        if (winner.specificity() != loser.specificity()) {
            reason = "대상이 더 구체적인 캠페인(" + Targets.specificityLabel(winner.specificity()) + " > "
                    + Targets.specificityLabel(loser.specificity()) + ")";
        } else if (!w.start().equals(l.start())) {
            reason = "더 늦게 시작한 캠페인(" + w.start() + " > " + l.start() + ")";
        } else {
            reason = "먼저 등록된 캠페인(번호 #" + w.id() + " < #" + l.id() + ")";
        }
        return "우선순위 " + w.priority() + "가 같은 '" + w.name() + "'(#" + w.id() + ")과 '" + l.name() + "'(#" + l.id()
                + ")가 겹칩니다: " + reason + "을 재생합니다.";
    }

    private static Choice choice(Candidate c, int passesPerHour) {
        CampaignRule r = c.rule();
        PlaylistSpec p = r.playlist();
        return new Choice(r.id(), r.name(), r.kind(), r.priority(), c.specificity(), r.sharePercent(), p.id(), p.name(),
                p.layout(), c.loop(), c.ticker(), passesPerHour);
    }

    private static void addCut(TreeSet<Instant> cuts, Instant i, Instant from, Instant to) {
        if (i.isAfter(from) && i.isBefore(to)) {
            cuts.add(i);
        }
    }

    static int seconds(List<PlayItem> items) {
        int s = 0;
        for (PlayItem i : items) {
            s += i.seconds();
        }
        return s;
    }

    /**
     * The device's effective playlists over [from, to) as contiguous segments; adjacent stretches with the
     * same resolution are merged. Changes can happen only at local midnights (dates, weekdays, validity)
     * and at the edges of dayparts that apply that day, so the resolution is evaluated once per stretch
     * between those instants.
     */
    public static List<Segment> timeline(DeviceProfile device, Collection<CampaignRule> campaigns, Instant from, Instant to) {
        return timeline(device, campaigns, from, to, true);
    }

    /**
     * As {@link #timeline(DeviceProfile, Collection, Instant, Instant)}; without {@code explain} the
     * resolutions carry no notes (the player's schedule), so stretches differing only in notes merge.
     */
    public static List<Segment> timeline(DeviceProfile device, Collection<CampaignRule> campaigns, Instant from, Instant to,
                                         boolean explain) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        List<CampaignRule> relevant = campaigns.stream()
                .filter(c -> c.targets().specificity(device) != Targets.NO_MATCH).toList();
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(from);
        LocalDate first = LocalDateTime.ofInstant(from, ZONE).toLocalDate().minusDays(1);
        LocalDate last = LocalDateTime.ofInstant(to, ZONE).toLocalDate().plusDays(1);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            // midnight: dates, weekdays and validity change
            addCut(cuts, d.atStartOfDay(ZONE).toInstant(), from, to);
            LocalDate previous = d.minusDays(1);
            for (CampaignRule c : relevant) {
                boolean today = c.inRange(d);
                boolean yesterday = c.inRange(previous);
                if (!today && !yesterday) {
                    continue;
                }
                for (Daypart p : c.dayparts()) {
                    if (p.wholeDay()) {
                        continue;
                    }
                    // only the edges that can open or close this daypart on this day
                    if (today && p.days().contains(d.getDayOfWeek())) {
                        addCut(cuts, d.atTime(p.start()).atZone(ZONE).toInstant(), from, to);
                        if (!p.crossesMidnight()) {
                            addCut(cuts, d.atTime(p.end()).atZone(ZONE).toInstant(), from, to);
                        }
                    }
                    if (yesterday && p.crossesMidnight() && p.days().contains(previous.getDayOfWeek())) {
                        addCut(cuts, d.atTime(p.end()).atZone(ZONE).toInstant(), from, to);
                    }
                }
            }
        }
        cuts.add(to);
        List<Segment> segments = new ArrayList<>();
        Instant start = null;
        Resolution current = null;
        Instant prev = null;
        for (Instant cut : cuts) {
            if (prev != null) {
                Resolution r = resolveLocal(device, relevant, LocalDateTime.ofInstant(prev, ZONE), explain);
                if (current == null) {
                    start = prev;
                    current = r;
                } else if (!r.equals(current)) {
                    segments.add(new Segment(start, prev, current));
                    start = prev;
                    current = r;
                }
            }
            prev = cut;
        }
        segments.add(new Segment(start, to, current));
        return segments;
    }
}
