package kr.sotong.contests.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The upload's hash covers exactly the bytes fed, in file order, however they came and on whichever thread. */
class StreamingHasherTest {

    static ContestsProperties props() {
        return new ContestsProperties(null, DataSize.ofMegabytes(500), DataSize.ofMegabytes(8), 0, 0, 0, 0, null,
                null, null, null, 2, 0, 0);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Property(tries = 40)
    void hashesTheBytesInFileOrderWhateverThePiecesAndRequests(@ForAll @IntRange(min = 1, max = 600_000) int size,
                                                               @ForAll long seed) throws Exception {
        byte[] data = new byte[size];
        Random r = new Random(seed);
        r.nextBytes(data);
        StreamingHasher h = new StreamingHasher(props());
        try {
            h.start("u1");
            int at = 0;
            while (at < size) {
                // one request: pieces hashed later on the hasher threads, and now and then (with nothing pending,
                // as the writer does for the ragged edges) a piece hashed on this thread
                StreamingHasher.Feed feed = h.feed("u1", at);
                assertThat(feed).isNotNull();
                int end = Math.min(size, at + 1 + r.nextInt(200_000));
                List<CompletableFuture<Void>> pending = new ArrayList<>();
                while (at < end) {
                    int n = Math.min(end - at, 1 + r.nextInt(40_000));
                    if (r.nextInt(4) == 0) {
                        pending.forEach(CompletableFuture::join);
                        pending.clear();
                        feed.now(ByteBuffer.wrap(data, at, n));
                    } else {
                        // a direct buffer, as the writer's; it must stay unchanged until its hash is done
                        ByteBuffer b = ByteBuffer.allocateDirect(n).put(data, at, n).flip();
                        pending.add(feed.later(b));
                    }
                    at += n;
                }
                feed.close(at);
            }
            StreamingHasher.Digest d = h.finish("u1").orElseThrow();
            assertThat(d.size()).isEqualTo(size);
            assertThat(d.sha256()).isEqualTo(sha256(data));
        } finally {
            h.destroy();
        }
    }

    @Test
    void aHashThatCannotGoOnGivesNothingSoThePartFileIsHashedAtCompletion() {
        StreamingHasher h = new StreamingHasher(props());
        try {
            h.start("aborted");
            h.feed("aborted", 0).close(0);
            h.abort("aborted");
            assertThat(h.feed("aborted", 0)).isNull();
            assertThat(h.finish("aborted")).isEmpty();

            // a request that ends with fewer bytes in the file than were hashed (a failed write)
            h.start("short");
            StreamingHasher.Feed f = h.feed("short", 0);
            f.now(ByteBuffer.wrap(new byte[1000]));
            f.close(600);
            assertThat(h.finish("short")).isEmpty();

            // a request from another offset than the hash stands at (the part file was cut back)
            h.start("moved");
            StreamingHasher.Feed g = h.feed("moved", 0);
            g.now(ByteBuffer.wrap(new byte[1000]));
            g.close(1000);
            assertThat(h.feed("moved", 400)).isNull();
            assertThat(h.finish("moved")).isEmpty();

            // two requests at once for one upload: the second gets no feed, and a busy hash gives no digest
            h.start("twice");
            StreamingHasher.Feed first = h.feed("twice", 0);
            assertThat(first).isNotNull();
            assertThat(h.feed("twice", 0)).isNull();
            assertThat(h.finish("twice")).isEmpty();

            assertThat(h.finish("never-started")).isEmpty();
        } finally {
            h.destroy();
        }
    }

    @Test
    void afterShutdownTheFeedStillHashesEverythingItWasGiven() throws Exception {
        StreamingHasher h = new StreamingHasher(props());
        h.start("u");
        StreamingHasher.Feed feed = h.feed("u", 0);
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        feed.later(ByteBuffer.wrap(data, 0, 100_000));
        h.destroy(); // the application stops while a request is writing
        CompletableFuture<Void> last = feed.later(ByteBuffer.wrap(data, 100_000, 200_000));
        last.get(10, java.util.concurrent.TimeUnit.SECONDS); // hashed on this thread: nobody waits forever
    }
}
