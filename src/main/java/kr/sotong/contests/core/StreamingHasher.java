package kr.sotong.contests.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hashes an upload (SHA-256, the file store's content address) while its chunks arrive, from the bytes in memory on
 * their way to the part file: the {@link PartFileWriter} hands each buffer to this upload's {@link Feed}, which hashes
 * the buffers in file order on a hasher thread (the other core) while the request thread reads on. When the last chunk
 * lands the hash is done, and the part file is adopted by the {@link kr.sotong.platform.FileStore} by renaming it —
 * the bytes are never read back nor written a second time.
 * <p>
 * The hash state of an upload lives in this process between its requests. When it is gone (restart, another node, a
 * request that did not end cleanly) the part file is hashed at completion instead: same result, just not overlapped.
 */
@Component
class StreamingHasher implements DisposableBean {

    /** The hash of the bytes read and how many there were. */
    record Digest(String sha256, long size) {
    }

    private static final int BUFFER = 1024 * 1024;

    private final ThreadPoolExecutor pool;
    private final ConcurrentHashMap<String, Running> active = new ConcurrentHashMap<>();

    StreamingHasher(ContestsProperties properties) {
        int threads = properties.hasherThreads();
        // a full queue cannot happen (unbounded), a shut-down pool can: the caller then hashes, so no feed waits forever
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "contests-hasher");
                    t.setDaemon(true);
                    return t;
                }, (task, executor) -> task.run());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** An upload's hash so far, between its requests. */
    private static final class Running {
        final MessageDigest md = sha256();
        long hashed; // guarded by this between feeds; written by the feed's hashing in order
        boolean busy; // a request is feeding it
    }

    /** Starts hashing a new upload from offset 0. */
    void start(String uploadId) {
        active.put(uploadId, new Running());
    }

    /**
     * The feed for a request that writes this upload from {@code offset}, or null when the hash cannot continue there
     * (not followed, or the hash stands elsewhere: the part file is hashed at completion then).
     */
    Feed feed(String uploadId, long offset) {
        Running r = active.get(uploadId);
        if (r == null) {
            return null;
        }
        synchronized (r) {
            if (r.busy || r.hashed != offset) {
                active.remove(uploadId, r);
                return null;
            }
            r.busy = true;
        }
        return new Feed(uploadId, r);
    }

    void abort(String uploadId) {
        active.remove(uploadId);
    }

    /** The digest of every byte fed; empty when the upload was not followed to here (hash the part file then). */
    Optional<Digest> finish(String uploadId) {
        Running r = active.remove(uploadId);
        if (r == null) {
            return Optional.empty();
        }
        synchronized (r) {
            if (r.busy) {
                return Optional.empty();
            }
            return Optional.of(new Digest(HexFormat.of().formatHex(r.md.digest()), r.hashed));
        }
    }

    /** SHA-256 of a stream, read to its end. */
    static Digest digest(InputStream in) {
        try (in) {
            MessageDigest md = sha256();
            byte[] buf = new byte[BUFFER];
            long size = 0;
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
                size += n;
            }
            return new Digest(HexFormat.of().formatHex(md.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        active.clear();
        pool.shutdown(); // hashing already queued still runs: no feed is left waiting
    }

    /**
     * One request's bytes into the upload's hash, in file order. Not thread-safe: used by the request's writer.
     */
    final class Feed {

        private final String uploadId;
        private final Running running;
        private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

        private Feed(String uploadId, Running running) {
            this.uploadId = uploadId;
            this.running = running;
        }

        /**
         * Hashes {@code bytes} (position to limit) after everything handed over before, on a hasher thread. The
         * bytes must not change until the returned future completes.
         */
        CompletableFuture<Void> later(ByteBuffer bytes) {
            ByteBuffer view = bytes.duplicate();
            last = last.thenRunAsync(() -> update(view), pool);
            return last;
        }

        /** Hashes {@code bytes} now, on this thread; whatever was handed over with {@link #later} must be hashed already. */
        void now(ByteBuffer bytes) {
            if (!last.isDone()) {
                throw new IllegalStateException("bytes handed over before are still being hashed");
            }
            update(bytes.duplicate());
        }

        private void update(ByteBuffer b) {
            running.hashed += b.remaining();
            running.md.update(b);
        }

        /**
         * Ends this request's part: the upload's hash goes on with the next request only when it covers exactly the
         * bytes in the part file.
         */
        void close(long written) {
            boolean whole;
            try {
                last.join();
                whole = true;
            } catch (RuntimeException e) {
                whole = false;
            }
            synchronized (running) {
                running.busy = false;
                if (!whole || running.hashed != written) {
                    active.remove(uploadId, running);
                }
            }
        }
    }
}
