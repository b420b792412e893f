package kr.sotong.signage.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.SignageFixtures;
import kr.sotong.signage.config.SignageProperties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Media checks by content; corrupt, truncated and hostile files end in a Korean refusal, never a crash. */
class MediaInspectorTest {

    static final MediaInspector INSPECTOR = new MediaInspector(new SignageProperties(null, null, null, null, null, null,
            null, null, null, 0, null));

    static byte[] resource(String name) {
        try (InputStream in = MediaInspectorTest.class.getResourceAsStream("/signage/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MediaInspector.MediaFacts inspect(byte[] bytes, String mediaType, String name) {
        try {
            Path p = Files.createTempFile("media-", ".bin");
            try {
                Files.write(p, bytes);
                return INSPECTOR.inspect(new StoredFile("0".repeat(64), bytes.length, mediaType, name), p);
            } finally {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Example
    void aRealMp4GivesItsDurationAndPictureSize() {
        MediaInspector.MediaFacts f = inspect(resource("clip-2s.mp4"), "video/mp4", "clip.mp4");
        assertThat(f.kind()).isEqualTo(ContentKind.VIDEO);
        assertThat(f.durationMs()).isBetween(1900L, 2100L);
        assertThat(f.width()).isEqualTo(320);
        assertThat(f.height()).isEqualTo(240);
        assertThat(f.note()).isNull();
    }

    @Example
    void audioWithoutAPictureIsRefused() {
        assertThatThrownBy(() -> inspect(resource("audio-only.m4a"), "video/mp4", "song.mp4"))
                .isInstanceOf(DomainException.class).hasMessageContaining("영상 트랙이 없는");
    }

    @Example
    void aPngNamedJpgIsAcceptedAsPngWithANote() {
        MediaInspector.MediaFacts f = inspect(SignageFixtures.png(Color.BLUE, 800, 450), "image/png", "poster.jpg");
        assertThat(f.kind()).isEqualTo(ContentKind.IMAGE);
        assertThat(f.width()).isEqualTo(800);
        assertThat(f.note()).contains(".jpg").contains("image/png");
    }

    @Example
    void tooSmallAndUnsupportedAreRefusedWithReasons() {
        assertThatThrownBy(() -> inspect(SignageFixtures.png(Color.RED, 100, 80), "image/png", "icon.png"))
                .isInstanceOf(DomainException.class).hasMessageContaining("해상도가 너무 낮습니다");
        assertThatThrownBy(() -> inspect("hello".getBytes(), "text/plain", "video.mp4"))
                .isInstanceOf(DomainException.class).hasMessageContaining("사이니지에 올릴 수 없는 형식");
    }

    @Example
    void oversizedFilesAreRefusedWithTheLimit() throws IOException {
        MediaInspector small = new MediaInspector(new SignageProperties(null, null,
                org.springframework.util.unit.DataSize.ofKilobytes(1), org.springframework.util.unit.DataSize.ofKilobytes(2),
                java.time.Duration.ofSeconds(1), null, null, null, null, 0, null));
        byte[] png = SignageFixtures.png(Color.GREEN, 640, 360);
        Path p = Files.createTempFile("big-", ".png");
        try {
            Files.write(p, png);
            assertThatThrownBy(() -> small.inspect(new StoredFile("0".repeat(64), png.length, "image/png", "big.png"), p))
                    .isInstanceOf(DomainException.class).hasMessageContaining("이미지가 허용된 크기(1KB)");
            byte[] mp4 = resource("clip-2s.mp4");
            Files.write(p, mp4);
            assertThatThrownBy(() -> small.inspect(new StoredFile("0".repeat(64), mp4.length, "video/mp4", "clip.mp4"), p))
                    .isInstanceOf(DomainException.class).hasMessageContaining("영상이 허용된 크기(2KB)");
        } finally {
            Files.deleteIfExists(p);
        }
        // a video longer than allowed
        MediaInspector shortOnly = new MediaInspector(new SignageProperties(null, null, null, null,
                java.time.Duration.ofSeconds(1), null, null, null, null, 0, null));
        Path v = Files.createTempFile("long-", ".mp4");
        try {
            byte[] mp4 = resource("clip-2s.mp4");
            Files.write(v, mp4);
            assertThatThrownBy(() -> shortOnly.inspect(new StoredFile("0".repeat(64), mp4.length, "video/mp4", "clip.mp4"), v))
                    .isInstanceOf(DomainException.class).hasMessageContaining("너무 깁니다");
        } finally {
            Files.deleteIfExists(v);
        }
    }

    @Example
    void aTruncatedPngIsCorrupt() {
        byte[] png = SignageFixtures.png(Color.GREEN, 640, 360);
        assertThatThrownBy(() -> inspect(Arrays.copyOf(png, png.length / 2), "image/png", "cut.png"))
                .isInstanceOf(DomainException.class).hasMessageContaining("손상");
    }

    @Example
    void aHugeDeclaredImageIsRefusedBeforeDecoding() {
        // a PNG header claiming 60000 x 60000 pixels (a decompression bomb) is refused from the header alone
        byte[] png = SignageFixtures.png(Color.GREEN, 320, 200);
        byte[] bomb = png.clone();
        writeInt(bomb, 16, 60000);
        writeInt(bomb, 20, 60000);
        assertThatThrownBy(() -> inspect(bomb, "image/png", "bomb.png"))
                .isInstanceOf(DomainException.class).hasMessageContaining("해상도가 너무 높습니다");
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    // ---------------------------------------------------------------- fuzz

    @Provide
    Arbitrary<byte[]> mutatedMp4() {
        byte[] base = resource("clip-2s.mp4");
        return mutations(base);
    }

    @Provide
    Arbitrary<byte[]> mutatedPng() {
        byte[] base = SignageFixtures.png(Color.ORANGE, 400, 300);
        return mutations(base);
    }

    /** Truncations, random byte flips (box sizes, types, chunk lengths) and random garbage. */
    static Arbitrary<byte[]> mutations(byte[] base) {
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, base.length - 1)
                .map(n -> Arrays.copyOf(base, n));
        // most structure (box sizes and types, chunk lengths) sits in the first few hundred bytes
        Arbitrary<Integer> position = Arbitraries.oneOf(Arbitraries.integers().between(0, Math.min(600, base.length - 1)),
                Arbitraries.integers().between(0, base.length - 1));
        Arbitrary<byte[]> flipped = position.list().ofMinSize(1).ofMaxSize(12)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] copy = base.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i)] = values.get(i);
                    }
                    return copy;
                }));
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, truncated), net.jqwik.api.Tuple.of(5, flipped), net.jqwik.api.Tuple.of(1, garbage));
    }

    @Property(tries = 300)
    void mutatedVideosNeverCrashTheCheck(@ForAll("mutatedMp4") byte[] bytes) {
        checkQuietly(bytes, "video/mp4", "clip.mp4");
    }

    @Property(tries = 300)
    void mutatedImagesNeverCrashTheCheck(@ForAll("mutatedPng") byte[] bytes) {
        checkQuietly(bytes, "image/png", "image.png");
    }

    @Property(tries = 100)
    void garbageLabelledAsWebpNeverCrashesTheCheck(@ForAll @IntRange(min = 0, max = 2048) int size, @ForAll long seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        byte[] riff = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(riff, 0, b, 0, Math.min(riff.length, b.length));
        checkQuietly(b, "image/webp", "x.webp");
    }

    private static void checkQuietly(byte[] bytes, String type, String name) {
        try {
            MediaInspector.MediaFacts f = inspect(bytes, type, name);
            assertThat(f.width()).isBetween(MediaInspector.MIN_SIDE, MediaInspector.MAX_SIDE);
            assertThat(f.height()).isBetween(MediaInspector.MIN_SIDE, MediaInspector.MAX_SIDE);
        } catch (DomainException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
