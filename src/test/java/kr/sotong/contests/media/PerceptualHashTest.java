package kr.sotong.contests.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import kr.sotong.contests.MediaFixtures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Near-duplicates survive re-encoding and resizing; different pictures stay far apart. */
class PerceptualHashTest {

    static final int THRESHOLD = 10;

    @Test
    void reencodedAndResizedPhotoIsANearDuplicate() {
        BufferedImage original = MediaFixtures.picture(42, 2000, 1500);
        long a = PerceptualHash.of(MediaFixtures.read(MediaFixtures.jpeg(original, 0.95f, "p42.jpg")));
        Path smaller = MediaFixtures.jpeg(MediaFixtures.resize(original, 0.4), 0.5f, "p42-small.jpg");
        long b = PerceptualHash.of(MediaFixtures.read(smaller));
        assertThat(PerceptualHash.distance(a, b)).isLessThanOrEqualTo(THRESHOLD);
        long other = PerceptualHash.of(MediaFixtures.picture(43, 2000, 1500));
        assertThat(PerceptualHash.distance(a, other)).isGreaterThan(THRESHOLD + 4);
    }

    @Property(tries = 25)
    void survivesReencodingAndResizing(@ForAll @LongRange(min = 1, max = 100_000) long seed,
                                       @ForAll @DoubleRange(min = 0.25, max = 1.5) double scale,
                                       @ForAll @FloatRange(min = 0.4f, max = 0.95f) float quality) {
        BufferedImage original = MediaFixtures.picture(seed, 640, 480);
        BufferedImage copy = MediaFixtures.read(MediaFixtures.jpeg(MediaFixtures.resize(original, scale), quality,
                "prop-" + seed + ".jpg"));
        assertThat(PerceptualHash.distance(PerceptualHash.of(original), PerceptualHash.of(copy)))
                .isLessThanOrEqualTo(THRESHOLD);
    }

    @Property(tries = 25)
    void differentPicturesAreFarApart(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        long a = PerceptualHash.of(MediaFixtures.picture(seed, 320, 240));
        long b = PerceptualHash.of(MediaFixtures.picture(seed + 7_777_777, 320, 240));
        assertThat(PerceptualHash.distance(a, b)).isGreaterThan(THRESHOLD);
    }
}
