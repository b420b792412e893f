package kr.sotong.contests.media;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import kr.sotong.contests.MediaFixtures;
import kr.sotong.shared.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, the inspector either accepts the file or refuses it with a Korean {@link DomainException};
 * it never fails otherwise (no NullPointerException, OutOfMemoryError or parser crash reaching the user).
 */
class MediaFuzzTest {

    static final MediaRules ANY = new MediaRules(EnumSet.allOf(MediaFormat.class), 50L * 1024 * 1024, null, null, null);
    static final List<Path> SEEDS = List.of(
            MediaFixtures.video(200, "mp4", true),
            MediaFixtures.song(3, "mp3"),
            MediaFixtures.song(3, "wav"),
            MediaFixtures.song(3, "flac"),
            MediaFixtures.jpeg(MediaFixtures.picture(5, 320, 240), 0.8f, "fuzz.jpg"),
            MediaFixtures.png(MediaFixtures.picture(5, 120, 90), "fuzz.png"));

    private static void inspect(byte[] bytes, String name) {
        Path f = MediaFixtures.write(name, bytes);
        assertThatCode(() -> {
            try {
                MediaFuzzTest.checkOnce(f);
            } catch (DomainException expected) {
                // a refusal with a reason is fine
            }
        }).doesNotThrowAnyException();
    }

    private static void checkOnce(Path f) {
        MediaInspectorTest.INSPECTOR.inspect(f, ANY, f.resolveSibling(f.getFileName() + ".pub.jpg"));
    }

    @Provide
    Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    /** A box inside the movie box claiming ~2 GB must be refused, not handed to the parser to allocate. */
    @net.jqwik.api.Example
    void aHugeDeclaredBoxSizeInsideTheMovieBoxIsRefused() {
        byte[] b = MediaFixtures.bytes(SEEDS.get(0));
        String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        int mvhd = text.indexOf("mvhd");
        org.assertj.core.api.Assertions.assertThat(mvhd).isGreaterThan(4);
        java.nio.ByteBuffer.wrap(b).putInt(mvhd - 4, 0x7FFF_FFF0);
        Path f = MediaFixtures.write("huge-box.mp4", b);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkOnce(f))
                .isInstanceOf(DomainException.class).hasMessageContaining("손상된 파일");
    }

    @Property(tries = 120)
    void mutatedRealFiles(@ForAll("seedIndex") int which, @ForAll @IntRange(min = 1, max = 40) int flips,
                          @ForAll long random) {
        byte[] b = MediaFixtures.bytes(SEEDS.get(which));
        java.util.Random r = new java.util.Random(random);
        for (int i = 0; i < flips; i++) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        inspect(b, "mut-" + which + ".bin");
    }

    @Property(tries = 80)
    void truncatedRealFiles(@ForAll("seedIndex") int which, @ForAll @IntRange(min = 0, max = 1000) int permille) {
        byte[] b = MediaFixtures.bytes(SEEDS.get(which));
        inspect(java.util.Arrays.copyOf(b, (int) ((long) b.length * permille / 1000)), "cut-" + which + ".bin");
    }

    @Property(tries = 150)
    void arbitraryBytesWithKnownHeads(@ForAll("heads") byte[] head, @ForAll @Size(max = 4096) byte[] tail) {
        inspect(MediaFixtures.concat(head, tail), "rand.bin");
    }

    @Provide
    Arbitrary<byte[]> heads() {
        return Arbitraries.of(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'},
                new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10},
                new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64},
                new byte[] {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E'},
                new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 34},
                new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3},
                new byte[] {});
    }
}
