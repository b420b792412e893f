package kr.sotong.contests.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The part file holds exactly the bytes sent, whatever the requests' sizes and the points where they start and stop
 * (block-aligned or not, as a resumed upload can be), and the upload's hash covers the same bytes: whole blocks go
 * around the page cache (hashed on the hasher threads), the ragged edges through it (hashed on the request thread).
 */
class PartFileWriterTest {

    @Property(tries = 60)
    void theFileAndItsHashAreTheBytesSentWhateverTheRequests(@ForAll @IntRange(min = 1, max = 3_000_000) int size,
                                                             @ForAll long seed) throws Exception {
        byte[] data = new byte[size];
        Random r = new Random(seed);
        r.nextBytes(data);
        Path part = Files.createTempFile("part-writer-", ".part");
        StreamingHasher hasher = new StreamingHasher(StreamingHasherTest.props());
        try {
            hasher.start("u");
            long offset = 0;
            while (offset < size) {
                // one request: from the confirmed offset, a few writes of any size; sometimes garbage beyond what the
                // server confirms was left by an earlier attempt (the writer cuts the file back to the offset)
                if (r.nextInt(5) == 0 && offset > 0) {
                    try (var ch = java.nio.channels.FileChannel.open(part, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.write(java.nio.ByteBuffer.wrap(new byte[1 + r.nextInt(9000)]), offset);
                    }
                }
                long requestEnd = Math.min(size, offset + 1 + r.nextInt(1_500_000));
                StreamingHasher.Feed feed = hasher.feed("u", offset);
                assertThat(feed).isNotNull();
                try (PartFileWriter w = new PartFileWriter(part, offset, feed)) {
                    long at = offset;
                    boolean fromBody = r.nextBoolean(); // the request body read into the writer's buffers, or byte arrays
                    while (at < requestEnd) {
                        int n;
                        if (fromBody) {
                            n = w.receive(body(data, (int) at, r), requestEnd - at);
                        } else {
                            n = (int) Math.min(requestEnd - at, 1 + r.nextInt(300_000));
                            w.write(data, (int) at, n);
                        }
                        at += n;
                        assertThat(w.written()).isLessThanOrEqualTo(at);
                        assertThat(w.position()).isEqualTo(at);
                    }
                    w.flush();
                    assertThat(w.written()).isEqualTo(requestEnd);
                }
                feed.close(requestEnd);
                offset = requestEnd;
            }
            assertThat(Files.readAllBytes(part)).isEqualTo(data);
            StreamingHasher.Digest d = hasher.finish("u").orElseThrow();
            assertThat(d.size()).isEqualTo(size);
            assertThat(d.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        } finally {
            hasher.destroy();
            Files.deleteIfExists(part);
        }
    }

    /**
     * A request body that hands out up to 20 KB per read, as the servlet container does, from {@code data} at
     * {@code at}; sometimes leaving the buffer's position and limit as Tomcat 11 does (limit at the end of the bytes
     * read, position at their start), which the writer must not rely on either way.
     */
    static UploadBody body(byte[] data, int at, Random r) {
        return into -> {
            int n = Math.min(into.remaining(), Math.min(data.length - at, 1 + r.nextInt(20_000)));
            into.put(data, at, n);
            if (r.nextBoolean()) {
                into.limit(into.position()).position(into.position() - n);
            }
            return n;
        };
    }

    @Test
    void moreUploadsAtOnceThanTheBufferBudgetStillWriteEveryByte() throws Exception {
        int writers = PartFileWriter.BUDGET / (PartFileWriter.DEPTH + 1) + 3; // the last ones get no direct buffers
        byte[] data = new byte[3 * PartFileWriter.DIRECT_BUFFER + 1234];
        new Random(7).nextBytes(data);
        java.util.List<Path> parts = new java.util.ArrayList<>();
        java.util.List<PartFileWriter> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                Path part = Files.createTempFile("part-writer-budget-", ".part");
                parts.add(part);
                open.add(new PartFileWriter(part, 0));
            }
            if (PartFileWriter.directSupported()) {
                assertThat(open.get(0).toString()).contains(", direct");
                assertThat(open.get(writers - 1).toString()).as("beyond the budget: through the page cache").contains(", page cache");
            }
            for (PartFileWriter w : open) {
                w.write(data, 0, data.length);
            }
            for (PartFileWriter w : open) {
                w.close();
                assertThat(w.written()).isEqualTo(data.length);
            }
            for (Path part : parts) {
                assertThat(Files.readAllBytes(part)).isEqualTo(data);
            }
            // the buffers went back to the pool: a writer after all of them gets direct buffers again
            Path again = Files.createTempFile("part-writer-budget-", ".part");
            parts.add(again);
            try (PartFileWriter w = new PartFileWriter(again, 0)) {
                if (PartFileWriter.directSupported()) {
                    assertThat(w.toString()).contains(", direct");
                }
                w.write(data, 0, data.length);
            }
            assertThat(Files.readAllBytes(again)).isEqualTo(data);
        } finally {
            for (PartFileWriter w : open) {
                w.close();
            }
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }
}
