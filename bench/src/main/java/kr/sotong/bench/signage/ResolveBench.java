package kr.sotong.bench.signage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import kr.sotong.signage.content.ContentKind;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.schedule.CampaignIndex;
import kr.sotong.signage.schedule.CampaignKind;
import kr.sotong.signage.schedule.CampaignRule;
import kr.sotong.signage.schedule.ContentInfo;
import kr.sotong.signage.schedule.Daypart;
import kr.sotong.signage.schedule.DeviceProfile;
import kr.sotong.signage.schedule.Layout;
import kr.sotong.signage.schedule.PlayItem;
import kr.sotong.signage.schedule.PlaylistSpec;
import kr.sotong.signage.schedule.Resolution;
import kr.sotong.signage.schedule.ScheduleDocument;
import kr.sotong.signage.schedule.ScheduleCompiler;
import kr.sotong.signage.schedule.ScheduleDocuments;
import kr.sotong.signage.schedule.ScheduleResolver;
import kr.sotong.signage.schedule.Segment;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves the effective playlists of N devices (default 10,000) at one instant with the production path
 * (campaigns indexed by target), and, in the same run, the anchor: the same resolution scanning every
 * campaign for every device. Then builds every device's 48-hour schedule document (what a cold cache
 * costs the player API). Pure: no database, no server.
 * <pre>
 * bench/run kr.sotong.bench.signage.ResolveBench [devices=10000] [campaigns=400] [rounds=15]
 * </pre>
 */
public final class ResolveBench {

    public static void main(String[] args) {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int campaigns = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Random random = new Random(20251001);

        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            groups.add("단지" + i);
        }
        List<String> tags = List.of("엘리베이터", "세로형", "가로형", "가산", "독산", "시흥", "지식산업센터", "아파트", "민원실", "야외");
        List<DeviceProfile> fleet = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            DeviceKind kind = i % 710 < 663 ? DeviceKind.MEDIA_BOARD : i % 710 < 709 ? DeviceKind.SIGNAGE : DeviceKind.MEDIA_WALL;
            fleet.add(new DeviceProfile(i + 1, kind.codePrefix() + "-" + (i + 1), kind,
                    Set.of(groups.get(random.nextInt(groups.size()))),
                    new HashSet<>(List.of(tags.get(random.nextInt(tags.size())), tags.get(random.nextInt(tags.size()))))));
        }
        LocalDate day = LocalDate.of(2025, 9, 15);
        Map<Long, ContentInfo> content = new HashMap<>();
        List<CampaignRule> rules = new ArrayList<>();
        for (int c = 0; c < campaigns; c++) {
            List<PlayItem> items = new ArrayList<>();
            int n = 3 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                long id = c * 100L + k + 1;
                ContentKind kind = k % 7 == 6 ? ContentKind.TICKER : k % 3 == 0 ? ContentKind.VIDEO : ContentKind.IMAGE;
                items.add(new PlayItem(id, kind, 5 + random.nextInt(26), random.nextInt(5) == 0 ? day.minusDays(3) : null,
                        random.nextInt(5) == 0 ? day.plusDays(10) : null));
                content.put(id, new ContentInfo(id, kind, "콘텐츠 " + id, kind == ContentKind.TICKER ? null : sha(id),
                        kind == ContentKind.VIDEO ? "video/mp4" : kind == ContentKind.TICKER ? null : "image/png",
                        1920, 1080, kind == ContentKind.VIDEO ? 15_000L : null, kind == ContentKind.TICKER ? "자막 " + id : null, null));
            }
            PlaylistSpec playlist = new PlaylistSpec(c + 1, "재생목록 " + c, c % 4 == 0 ? Layout.MAIN_WITH_TICKER : Layout.FULL_SCREEN, items);
            CampaignKind kind = c < 10 ? CampaignKind.DEFAULT : c % 12 == 0 ? CampaignKind.INTERRUPT : CampaignKind.NORMAL;
            List<Daypart> dayparts = new ArrayList<>();
            if (kind != CampaignKind.DEFAULT && random.nextBoolean()) {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (random.nextInt(3) > 0) {
                        days.add(d);
                    }
                }
                if (days.isEmpty()) {
                    days.add(DayOfWeek.MONDAY);
                }
                LocalTime start = LocalTime.of(random.nextInt(24), random.nextBoolean() ? 0 : 30);
                LocalTime end = LocalTime.of(random.nextInt(24), random.nextBoolean() ? 0 : 30); // may cross midnight
                dayparts.add(new Daypart(days, start, end));
            }
            kr.sotong.signage.schedule.Targets targets = switch (c % 6) {
                case 0 -> c < 10 ? kr.sotong.signage.schedule.Targets.everyone()
                        : new kr.sotong.signage.schedule.Targets(false, EnumSet.of(DeviceKind.SIGNAGE), null, null, null);
                case 1, 2 -> new kr.sotong.signage.schedule.Targets(false, null, Set.of(groups.get(random.nextInt(groups.size()))), null, null);
                case 3, 4 -> kr.sotong.signage.schedule.Targets.tags(tags.get(random.nextInt(tags.size())));
                default -> {
                    Set<Long> ids = new HashSet<>();
                    for (int k = 0; k < 25; k++) {
                        ids.add((long) random.nextInt(devices) + 1);
                    }
                    yield new kr.sotong.signage.schedule.Targets(false, null, null, null, ids);
                }
            };
            rules.add(new CampaignRule(c + 1, "캠페인 " + c, kind, random.nextInt(10), day.minusDays(random.nextInt(30)),
                    day.plusDays(random.nextInt(60)), dayparts, targets, kind == CampaignKind.INTERRUPT ? 5 + random.nextInt(10) : 0,
                    playlist));
        }
        Instant at = day.atTime(21, 30).atZone(ScheduleResolver.ZONE).toInstant();

        System.out.printf("ResolveBench: %,d devices, %,d campaigns, Java %s, %d CPUs%n", devices, campaigns,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        long[] indexed = new long[rounds];
        long[] explained = new long[rounds];
        long[] naive = new long[rounds];
        long check = 0;
        for (int r = -5; r < rounds; r++) {
            long t0 = System.nanoTime();
            CampaignIndex index = new CampaignIndex(rules); // built once per schedule version in production
            // (index build included in the measured time)
            int withMain = 0;
            for (DeviceProfile d : fleet) {
                Resolution res = ScheduleResolver.resolveForPlay(d, index.candidates(d), at);
                withMain += res.main() == null ? 0 : 1;
            }
            long t1 = System.nanoTime();
            int withMainNaive = 0;
            for (DeviceProfile d : fleet) {
                Resolution res = ScheduleResolver.resolveForPlay(d, rules, at);
                withMainNaive += res.main() == null ? 0 : 1;
            }
            long t2 = System.nanoTime();
            for (DeviceProfile d : fleet) {
                ScheduleResolver.resolve(d, index.candidates(d), at);
            }
            long t3 = System.nanoTime();
            if (withMain != withMainNaive) {
                throw new IllegalStateException("index and scan disagree: " + withMain + " vs " + withMainNaive);
            }
            check += withMain;
            if (r >= 0) {
                indexed[r] = t1 - t0;
                naive[r] = t2 - t1;
                explained[r] = t3 - t2;
            }
        }
        Arrays.sort(indexed);
        Arrays.sort(naive);
        Arrays.sort(explained);
        System.out.printf("resolve %,d effective playlists (indexed, production): median %.1f ms, best %.1f ms, worst %.1f ms%n",
                devices, ms(indexed[rounds / 2]), ms(indexed[0]), ms(indexed[rounds - 1]));
        System.out.printf("resolve %,d effective playlists (anchor: scan all campaigns): median %.1f ms, best %.1f ms%n",
                devices, ms(naive[rounds / 2]), ms(naive[0]));
        System.out.printf("resolve %,d effective playlists with staff notes (ties, exclusions): median %.1f ms%n",
                devices, ms(explained[rounds / 2]));

        ObjectMapper json = JsonMapper.builder().build();
        Instant from = day.atStartOfDay(ScheduleResolver.ZONE).toInstant();
        Instant to = day.plusDays(2).atStartOfDay(ScheduleResolver.ZONE).toInstant();
        long[] docs = new long[Math.max(3, rounds / 3)];
        long bytes = 0;
        Set<String> distinct = new HashSet<>();
        for (int r = -2; r < docs.length; r++) {
            long t0 = System.nanoTime();
            CampaignIndex index = new CampaignIndex(rules);
            ScheduleCompiler compiler = new ScheduleCompiler(1, index, content, from, to, 60, 60, json);
            bytes = 0;
            distinct.clear();
            for (DeviceProfile d : fleet) {
                ScheduleDocument doc = compiler.document(d);
                bytes += doc.json().length;
                distinct.add(doc.etag());
            }
            if (r >= 0) {
                docs[r] = System.nanoTime() - t0;
            }
        }
        System.out.println("  document rounds (ms): " + Arrays.toString(Arrays.stream(docs).map(x -> x / 1_000_000).toArray()));
        Arrays.sort(docs);
        System.out.printf("48-hour schedule documents for %,d devices (timeline + hour plans + JSON + ETag, shared by "
                        + "devices with the same targeting): median %.0f ms (%,d distinct documents, %.1f KB average)%n", devices,
                ms(docs[docs.length / 2]), distinct.size(), bytes / 1024.0 / devices);
        // one device's document made from scratch, for scale
        long t0 = System.nanoTime();
        int sample = Math.min(200, devices);
        for (int i = 0; i < sample; i++) {
            DeviceProfile d = fleet.get(i);
            ScheduleDocuments.build(ScheduleResolver.timeline(d, rules, from, to, false), content, from, to, 60, 60, json);
        }
        System.out.printf("one device's document without sharing: %.2f ms%n", ms(System.nanoTime() - t0) / sample);
        long t1 = System.nanoTime();
        int segments = 0;
        for (int i = 0; i < sample; i++) {
            segments += ScheduleResolver.timeline(fleet.get(i), rules, from, to, false).size();
        }
        System.out.printf("  of which the 48-hour timeline: %.2f ms (%.1f stretches on average)%n",
                ms(System.nanoTime() - t1) / sample, segments / (double) sample);
        System.out.println("(checksum " + check + ")");
    }

    private static String sha(long id) {
        return String.format("%064x", id);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
