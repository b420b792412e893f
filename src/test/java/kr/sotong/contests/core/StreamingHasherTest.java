package kr.sotong.contests.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The background reader hashes exactly the bytes that arrived, in whatever pieces they came. */
class StreamingHasherTest {

    static ContestsProperties props(Duration stall) {
        return new ContestsProperties(null, DataSize.ofMegabytes(500), DataSize.ofMegabytes(8), 0, 0, 0, 0, null, stall,
                null, null, null, 2);
    }

    @Property(tries = 40)
    void storesTheSameBytesWhateverTheChunks(@ForAll @IntRange(min = 1, max = 300_000) int size,
                                             @ForAll long seed) throws Exception {
        byte[] data = new byte[size];
        Random r = new Random(seed);
        r.nextBytes(data);
        Path part = Files.createTempFile("assembler-", ".part");
        StreamingHasher a = new StreamingHasher(props(Duration.ofSeconds(10)));
        try {
            assertThat(a.start("u1", part, size)).isTrue();
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                int written = 0;
                while (written < size) {
                    int n = Math.min(size - written, 1 + r.nextInt(70_000));
                    ch.write(ByteBuffer.wrap(data, written, n), written);
                    written += n;
                    a.advance("u1", written);
                }
            }
            StreamingHasher.Digest stored = a.finish("u1").orElseThrow();
            assertThat(stored.size()).isEqualTo(size);
            assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        } finally {
            a.destroy();
            Files.deleteIfExists(part);
        }
    }

    @Test
    void abortedOrStalledReadersGiveNothingSoThePartFileIsHashedAtCompletion() throws Exception {
        Path part = Files.createTempFile("assembler-", ".part");
        Files.write(part, new byte[1000]);
        StreamingHasher a = new StreamingHasher(props(Duration.ofMillis(200)));
        try {
            a.start("aborted", part, 1000);
            a.advance("aborted", 500);
            a.abort("aborted");
            assertThat(a.finish("aborted")).isEmpty();

            a.start("stalled", part, 1000);
            a.advance("stalled", 400);
            Thread.sleep(600); // no more chunks: the reader gives up after the stall timeout
            assertThat(a.finish("stalled")).isEmpty();
            assertThat(a.finish("never-started")).isEmpty();
        } finally {
            a.destroy();
            Files.deleteIfExists(part);
        }
    }
}
