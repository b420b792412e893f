package kr.sotong.bench.contests;

import kr.sotong.bench.BenchApp;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestDefinition;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.contests.core.NearDuplicates;
import kr.sotong.contests.media.ExternalTools;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.contests.media.MediaInspector;
import kr.sotong.contests.media.MediaRules;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Near-duplicate search per new photo entry against 10,000 photo hashes already in a contest (PostgreSQL, the
 * module's query), plus the cost of hashing a new 12-megapixel JPEG (the full content check: structure, EXIF,
 * subsampled decode, perceptual hash, metadata-free copy).
 * <pre>
 * bench/run kr.sotong.bench.contests.NearDuplicateBench [entries] [rounds]
 * </pre>
 */
public final class NearDuplicateBench {

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path work = Files.createTempDirectory("contests-dup-bench-");
        try (BenchApp app = BenchApp.start(work.resolve("home"), "sotong.seed=none")) {
            ContestCatalog catalog = app.bean(ContestCatalog.class);
            JdbcClient jdbc = app.bean(JdbcClient.class);
            NearDuplicates search = app.bean(NearDuplicates.class);
            ContestDefinition d = ContestDefinition.defaults(ContestKind.PHOTO, "중복 벤치");
            long contestId = catalog.create(d);
            // 10,000 photo entries with random 64-bit hashes (set-based insert; personal columns are placeholders)
            jdbc.sql("""
                            insert into contests_entry (contest_id, receipt_no, title, eligibility_basis, name_enc, name_hash,
                              phone_enc, phone_hash, birth_date_enc, minor, media_sha256, media_type, media_size, media_name,
                              media_format, phash, submitted_at)
                            select :c, 'B-' || :c || '-' || g, '사진 ' || g, 'OTHER', 'x', 'x', 'x', 'p' || g, 'x', false,
                              md5(g::text) || md5((g * 7)::text), 'image/jpeg', 1, 'p.jpg', 'JPEG',
                              (random() * 9223372036854775807)::bigint * (case when random() < 0.5 then -1 else 1 end), now()
                            from generate_series(1, :n) g""")
                    .param("c", contestId).param("n", entries).update();
            long count = jdbc.sql("select count(*) from contests_entry where contest_id = :c and phash is not null")
                    .param("c", contestId).query(Long.class).single();
            System.out.printf(Locale.ROOT, "contest %d with %,d photo hashes%n", contestId, count);

            Random r = new Random(1);
            List<Double> searches = new ArrayList<>();
            for (int i = 0; i < rounds + 10; i++) {
                long hash = r.nextLong();
                long t = System.nanoTime();
                int found = search.find(contestId, hash, false, -1).size();
                double ms = (System.nanoTime() - t) / 1e6;
                if (i >= 10) {
                    searches.add(ms);
                }
                if (found < 0) {
                    throw new IllegalStateException();
                }
            }
            // the full check of a new 12 MP photo: what a new entry costs before the search
            BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
            var g = photo.createGraphics();
            for (int i = 0; i < 400; i++) {
                g.setColor(new java.awt.Color(r.nextInt(0xFFFFFF)));
                g.fillOval(r.nextInt(4000), r.nextInt(3000), 50 + r.nextInt(900), 50 + r.nextInt(900));
            }
            g.dispose();
            int[] row = new int[4000];
            for (int y = 0; y < 3000; y++) { // sensor-like noise: a camera-sized file (several MB), not a flat drawing
                photo.getRGB(0, y, 4000, 1, row, 0, 4000);
                for (int x = 0; x < 4000; x++) {
                    int n = r.nextInt(41) - 20;
                    int rgb = row[x];
                    row[x] = (clamp(((rgb >> 16) & 0xFF) + n) << 16) | (clamp(((rgb >> 8) & 0xFF) + n) << 8)
                            | clamp((rgb & 0xFF) + n);
                }
                photo.setRGB(0, y, 4000, 1, row, 0, 4000);
            }
            Path jpg = work.resolve("photo12mp.jpg");
            ImageIO.write(photo, "jpeg", jpg.toFile());
            MediaInspector inspector = new MediaInspector(new ExternalTools("ffprobe", "ffmpeg", Duration.ofMinutes(1)),
                    100_000_000L, 30_000, 2560);
            MediaRules rules = new MediaRules(EnumSet.of(MediaFormat.JPEG), 50L * 1024 * 1024, null, null, null);
            List<Double> checks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long t = System.nanoTime();
                inspector.inspect(jpg, rules, work.resolve("pub.jpg"));
                if (i >= 3) {
                    checks.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(searches);
            Collections.sort(checks);
            System.out.printf(Locale.ROOT, "search over %,d hashes: median %.1f ms, p95 %.1f ms, max %.1f ms (%d rounds)%n",
                    count, searches.get(searches.size() / 2), searches.get((int) (searches.size() * 0.95)),
                    searches.get(searches.size() - 1), searches.size());
            System.out.printf(Locale.ROOT, "content check + perceptual hash of a 12 MP JPEG (%,d bytes): median %.0f ms%n",
                    Files.size(jpg), checks.get(checks.size() / 2));
            System.out.printf(Locale.ROOT, "per new entry (check + search): %.0f ms%n",
                    checks.get(checks.size() / 2) + searches.get(searches.size() / 2));
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private NearDuplicateBench() {
    }
}
