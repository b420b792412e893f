package kr.sotong.signage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import kr.sotong.signage.content.ContentKind;
import kr.sotong.signage.device.DeviceKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the pure schedule resolver and hour planner. */
class ScheduleResolverPropertiesTest {

    static final LocalDate BASE = LocalDate.of(2025, 1, 1);
    static final DeviceProfile DEVICE = new DeviceProfile(1, "MB-0001", DeviceKind.MEDIA_BOARD, Set.of("g1"), Set.of("t1"));

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<CampaignRule>> campaigns() {
        return campaign().list().ofMinSize(0).ofMaxSize(10).map(ScheduleResolverPropertiesTest::renumber);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // 2024-12-30 … 2025-02-05 at second precision: campaigns and validity dates fall in this stretch,
        // so that most instants see several overlapping campaigns
        long from = LocalDate.of(2024, 12, 30).atStartOfDay(ScheduleResolver.ZONE).toEpochSecond();
        long to = LocalDate.of(2025, 2, 5).atStartOfDay(ScheduleResolver.ZONE).toEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    Arbitrary<CampaignRule> campaign() {
        Arbitrary<CampaignKind> kind = Arbitraries.of(CampaignKind.NORMAL, CampaignKind.NORMAL, CampaignKind.INTERRUPT,
                CampaignKind.DEFAULT);
        Arbitrary<Integer> priority = Arbitraries.integers().between(0, 5); // small range: many ties
        Arbitrary<Integer> startDay = Arbitraries.integers().between(0, 25);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 30);
        Arbitrary<List<Daypart>> dayparts = daypart().list().ofMaxSize(2);
        Arbitrary<Integer> share = Arbitraries.integers().between(1, 60);
        return Combinators.combine(kind, priority, startDay, length, dayparts, targets(), share, playlist())
                .as((k, p, s, len, dp, t, sh, pl) -> new CampaignRule(0, "c", k, p, BASE.plusDays(s),
                        BASE.plusDays(s + len), k == CampaignKind.DEFAULT ? List.of() : dp, t,
                        k == CampaignKind.INTERRUPT ? sh : 0, pl));
    }

    Arbitrary<Daypart> daypart() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<LocalTime> time = Arbitraries.integers().between(0, 47).map(h -> LocalTime.of(h / 2, (h % 2) * 30));
        return Combinators.combine(days, time, time).as(Daypart::new);
    }

    Arbitrary<Targets> targets() {
        return Arbitraries.of(
                Targets.everyone(),
                new Targets(false, EnumSet.of(DeviceKind.MEDIA_BOARD), null, null, null),
                new Targets(false, EnumSet.of(DeviceKind.MEDIA_WALL), null, null, null),
                new Targets(false, null, Set.of("g1"), null, null),
                new Targets(false, null, Set.of("g2"), null, null),
                Targets.tags("t1"),
                Targets.devices(1L),
                Targets.devices(2L));
    }

    Arbitrary<PlaylistSpec> playlist() {
        Arbitrary<PlayItem> item = Combinators.combine(
                Arbitraries.longs().between(1, 50),
                Arbitraries.of(ContentKind.IMAGE, ContentKind.VIDEO, ContentKind.NOTICE, ContentKind.TICKER),
                Arbitraries.integers().between(1, 400),
                Arbitraries.integers().between(-1, 30),
                Arbitraries.integers().between(-1, 20)).as((id, k, sec, from, len) -> new PlayItem(id, k, sec,
                from < 0 ? null : BASE.plusDays(from), len < 0 || from < 0 ? null : BASE.plusDays(from + len)));
        return Combinators.combine(Arbitraries.longs().between(1, 20), Arbitraries.of(Layout.class),
                item.list().ofMinSize(1).ofMaxSize(4)).as((id, l, items) -> new PlaylistSpec(id, "p" + id, l, items));
    }

    static List<CampaignRule> renumber(List<CampaignRule> list) {
        List<CampaignRule> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            CampaignRule c = list.get(i);
            out.add(new CampaignRule(i + 1, "캠페인" + (i + 1), c.kind(), c.priority(), c.start(), c.end(), c.dayparts(),
                    c.targets(), c.sharePercent(), c.playlist()));
        }
        return out;
    }

    static CampaignRule alwaysDefault(long id) {
        PlaylistSpec p = new PlaylistSpec(999, "기본", Layout.FULL_SCREEN,
                List.of(new PlayItem(999, ContentKind.IMAGE, 10, null, null)));
        return new CampaignRule(id, "기본 편성", CampaignKind.DEFAULT, 0, LocalDate.of(2000, 1, 1),
                LocalDate.of(2099, 12, 31), List.of(), Targets.everyone(), 0, p);
    }

    /** Brute force: does the campaign take part at the instant? */
    static boolean takesPart(CampaignRule c, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ScheduleResolver.ZONE);
        return c.targets().specificity(DEVICE) >= 0 && c.activeDay(local).isPresent()
                && !c.playlist().loopOn(local.toLocalDate()).isEmpty();
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 400)
    void noGapWhenADefaultExists(@ForAll("campaigns") List<CampaignRule> campaigns, @ForAll("instants") Instant at) {
        List<CampaignRule> all = new ArrayList<>(campaigns);
        all.add(alwaysDefault(all.size() + 1));
        Resolution r = ScheduleResolver.resolve(DEVICE, all, at);
        assertThat(r.main()).isNotNull();
        assertThat(r.main().loop()).isNotEmpty();
        List<Block> plan = HourPlanner.plan(r);
        for (Block b : plan) {
            assertThat(b.choice()).as("no idle block when a default exists").isNotNull();
        }
    }

    @Property(tries = 1000)
    void mainIsTheHighestPriorityNormalCampaignElseADefault(@ForAll("campaigns") List<CampaignRule> campaigns,
                                                              @ForAll("instants") Instant at) {
        Resolution r = ScheduleResolver.resolve(DEVICE, campaigns, at);
        List<CampaignRule> normal = campaigns.stream().filter(c -> c.kind() == CampaignKind.NORMAL && takesPart(c, at)).toList();
        List<CampaignRule> defaults = campaigns.stream().filter(c -> c.kind() == CampaignKind.DEFAULT && takesPart(c, at)).toList();
        Statistics.label("competing normal campaigns").collect(Math.min(normal.size(), 3));
        if (!normal.isEmpty()) {
            assertThat(r.main()).isNotNull();
            assertThat(r.main().kind()).isEqualTo(CampaignKind.NORMAL);
            int top = normal.stream().mapToInt(CampaignRule::priority).max().orElseThrow();
            assertThat(r.main().priority()).isEqualTo(top);
            long tied = normal.stream().filter(c -> c.priority() == top).count();
            if (tied > 1) {
                assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("우선순위 " + top + "가 같은"));
            }
        } else if (!defaults.isEmpty()) {
            assertThat(r.main()).isNotNull();
            assertThat(r.main().kind()).isEqualTo(CampaignKind.DEFAULT);
        } else {
            assertThat(r.main()).isNull();
        }
        for (Choice i : r.interrupts()) {
            assertThat(i.kind()).isEqualTo(CampaignKind.INTERRUPT);
        }
    }

    @Property(tries = 300)
    void tieBreakIsDeterministicWhateverTheOrder(@ForAll("campaigns") List<CampaignRule> campaigns,
                                                  @ForAll("instants") Instant at, @ForAll long seed) {
        List<CampaignRule> shuffled = new ArrayList<>(campaigns);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(ScheduleResolver.resolve(DEVICE, shuffled, at)).isEqualTo(ScheduleResolver.resolve(DEVICE, campaigns, at));
    }

    @Property(tries = 300)
    void thePlayersResolutionIsTheStaffsWithoutNotes(@ForAll("campaigns") List<CampaignRule> campaigns,
                                                      @ForAll("instants") Instant at) {
        Resolution staff = ScheduleResolver.resolve(DEVICE, campaigns, at);
        Resolution player = ScheduleResolver.resolveForPlay(DEVICE, campaigns, at);
        assertThat(player.notes()).isEmpty();
        assertThat(player).isEqualTo(new Resolution(staff.main(), staff.interrupts(), List.of()));
    }

    @Property(tries = 1000)
    void crossingMidnightWindowsCoverBothDays(@ForAll("daypart") Daypart p, @ForAll("instants") Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ScheduleResolver.ZONE);
        LocalTime t = local.toLocalTime();
        DayOfWeek d = local.getDayOfWeek();
        boolean expected;
        if (p.start().equals(p.end())) {
            expected = p.days().contains(d);
        } else if (p.start().isBefore(p.end())) {
            expected = p.days().contains(d) && !t.isBefore(p.start()) && t.isBefore(p.end());
        } else {
            expected = p.days().contains(d) && !t.isBefore(p.start()) || p.days().contains(d.minus(1)) && t.isBefore(p.end());
        }
        assertThat(p.covers(local)).isEqualTo(expected);
        if (expected && p.crossesMidnight() && t.isBefore(p.end()) && !(p.days().contains(d) && !t.isBefore(p.start()))) {
            assertThat(p.owningDay(local)).contains(local.toLocalDate().minusDays(1));
        }
    }

    @Example
    void aFridayNightWindowBelongsToFridayAndItsDateRange() {
        Daypart night = new Daypart(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0));
        PlaylistSpec p = new PlaylistSpec(1, "p", Layout.FULL_SCREEN, List.of(new PlayItem(1, ContentKind.IMAGE, 10, null, null)));
        // 2025-10-31 is a Friday and the last day of the campaign
        CampaignRule c = new CampaignRule(1, "야간", CampaignKind.NORMAL, 5, LocalDate.of(2025, 10, 1),
                LocalDate.of(2025, 10, 31), List.of(night), Targets.everyone(), 0, p);
        assertThat(main(c, LocalDateTime.of(2025, 10, 31, 21, 59))).isNull();
        assertThat(main(c, LocalDateTime.of(2025, 10, 31, 22, 0))).isNotNull();
        assertThat(main(c, LocalDateTime.of(2025, 11, 1, 1, 59, 59))).as("after midnight, past the end date").isNotNull();
        assertThat(main(c, LocalDateTime.of(2025, 11, 1, 2, 0))).isNull();
        // the early hours of the first Saturday belong to Friday 2025-09-26, before the start date
        assertThat(main(c, LocalDateTime.of(2025, 10, 4, 1, 0))).isNotNull();
        CampaignRule late = new CampaignRule(1, "야간", CampaignKind.NORMAL, 5, LocalDate.of(2025, 10, 4),
                LocalDate.of(2025, 10, 31), List.of(night), Targets.everyone(), 0, p);
        assertThat(main(late, LocalDateTime.of(2025, 10, 4, 1, 0))).isNull();
    }

    private static Choice main(CampaignRule c, LocalDateTime local) {
        return ScheduleResolver.resolveLocal(DEVICE, List.of(c), local).main();
    }

    @Property(tries = 500)
    void seoulHasNoDaylightSavingTime(@ForAll @LongRange(min = 631152000L, max = 4102444800L) long epochSecond) {
        // 1990-01-01 … 2100-01-01: always UTC+9, every local day 24 h long
        Instant at = Instant.ofEpochSecond(epochSecond);
        assertThat(ScheduleResolver.ZONE.getRules().getOffset(at)).isEqualTo(ZoneOffset.ofHours(9));
        LocalDate day = LocalDateTime.ofInstant(at, ScheduleResolver.ZONE).toLocalDate();
        assertThat(Duration.between(day.atStartOfDay(ScheduleResolver.ZONE), day.plusDays(1).atStartOfDay(ScheduleResolver.ZONE)))
                .isEqualTo(Duration.ofHours(24));
        assertThat(LocalDateTime.ofInstant(at, ScheduleResolver.ZONE)).isEqualTo(LocalDateTime.ofInstant(at, ZoneOffset.ofHours(9)));
    }

    @Property(tries = 200)
    void timelineIsContiguousAndAgreesWithTheResolverEverywhere(@ForAll("campaigns") List<CampaignRule> campaigns,
                                                                 @ForAll("instants") Instant from,
                                                                 @ForAll @IntRange(min = 1, max = 48 * 3600) int seconds,
                                                                 @ForAll long seed) {
        Instant to = from.plusSeconds(seconds);
        List<Segment> segments = ScheduleResolver.timeline(DEVICE, campaigns, from, to);
        assertThat(segments).isNotEmpty();
        assertThat(segments.get(0).from()).isEqualTo(from);
        assertThat(segments.get(segments.size() - 1).to()).isEqualTo(to);
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).from()).isEqualTo(segments.get(i - 1).to());
            assertThat(segments.get(i).resolution()).isNotEqualTo(segments.get(i - 1).resolution());
        }
        for (Segment s : segments) {
            // no change is hidden inside a stretch: its first and last second resolve like the stretch
            assertThat(ScheduleResolver.resolve(DEVICE, campaigns, s.from())).isEqualTo(s.resolution());
            assertThat(ScheduleResolver.resolve(DEVICE, campaigns, s.to().minusSeconds(1))).isEqualTo(s.resolution());
        }
        Random random = new Random(seed);
        for (int k = 0; k < 20; k++) {
            Instant t = from.plusSeconds(random.nextInt(seconds));
            Segment s = segments.stream().filter(x -> !t.isBefore(x.from()) && t.isBefore(x.to())).findFirst().orElseThrow();
            assertThat(s.resolution()).isEqualTo(ScheduleResolver.resolve(DEVICE, campaigns, t));
        }
    }

    @Property(tries = 500)
    void everyAdmittedInterruptGetsItsShareOfEveryHour(@ForAll("campaigns") List<CampaignRule> campaigns,
                                                       @ForAll("instants") Instant at) {
        Resolution r = ScheduleResolver.resolve(DEVICE, campaigns, at);
        List<Block> plan = HourPlanner.plan(r);
        int cursor = 0;
        for (Block b : plan) {
            assertThat(b.at()).isEqualTo(cursor);
            assertThat(b.len()).isPositive();
            cursor = b.end();
        }
        assertThat(cursor).isEqualTo(3600);
        for (Choice i : r.interrupts()) {
            int played = plan.stream().filter(b -> b.choice() == i).mapToInt(Block::len).sum();
            assertThat(played).isGreaterThanOrEqualTo((int) Math.ceil(i.sharePercent() * 36.0));
            assertThat(played % i.passSeconds()).as("whole passes only").isZero();
        }
        // whatever is not interrupted plays the main loop (or nothing when there is none)
        for (Block b : plan) {
            if (!b.interrupt()) {
                assertThat(b.choice()).isSameAs(r.main());
            }
        }
    }

    @Property(tries = 200)
    void playoutWalksTheMainLoopInOrderWithoutSkipping(@ForAll("playlist") PlaylistSpec playlist,
                                                       @ForAll("instants") Instant start) {
        CampaignRule c = new CampaignRule(1, "c", CampaignKind.NORMAL, 1, LocalDate.of(2000, 1, 1), LocalDate.of(2099, 1, 1),
                List.of(), Targets.everyone(), 0, new PlaylistSpec(playlist.id(), playlist.name(), playlist.layout(),
                playlist.items().stream().map(i -> new PlayItem(i.contentId(), i.kind(), i.seconds(), null, null)).toList()));
        Resolution r = ScheduleResolver.resolve(DEVICE, List.of(c), start);
        if (r.main() == null) {
            return; // only ticker items in a ticker layout: nothing loops
        }
        List<Block> plan = HourPlanner.plan(r);
        int size = r.main().loop().size();
        Instant t = start;
        Playout.Now now = Playout.at(plan, t);
        for (int step = 0; step < 3 * size; step++) {
            t = t.plusSeconds(now.remaining());
            Playout.Now next = Playout.at(plan, t);
            assertThat(next.remaining()).isPositive();
            if (next.index() == now.index() && next.offsetInItem() > 0) {
                // the same item continues across the full hour
                assertThat(next.offsetInItem()).isEqualTo(now.offsetInItem() + now.remaining());
            } else {
                assertThat(next.index()).isEqualTo((now.index() + 1) % size);
                assertThat(next.offsetInItem()).isZero();
            }
            now = next;
        }
    }

    @Provide("daypart")
    Arbitrary<Daypart> dayparts() {
        return daypart();
    }

    @Provide("playlist")
    Arbitrary<PlaylistSpec> playlists() {
        return playlist();
    }
}
