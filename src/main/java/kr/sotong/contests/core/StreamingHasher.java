package kr.sotong.contests.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hashes an upload (SHA-256, the file store's content address) while its chunks are still arriving: a background
 * reader follows the part file up to the bytes already received (256 KB at a time from the page cache, nothing held
 * whole in memory), on the other core, so that when the last chunk lands the hash is nearly done and the part file
 * can be adopted by the {@link kr.sotong.platform.FileStore} by renaming it, without writing the bytes a second time.
 * If the reader is gone (restart, another node, a pause longer than the stall timeout, all threads busy) the part
 * file is hashed at completion instead — same result, just not overlapped.
 */
@Component
class StreamingHasher implements DisposableBean {

    /** The hash of the bytes read and how many there were. */
    record Digest(String sha256, long size) {
    }

    private static final int BUFFER = 256 * 1024;

    private final ThreadPoolExecutor pool;
    private final Duration stall;
    private final ConcurrentHashMap<String, Assembly> active = new ConcurrentHashMap<>();

    StreamingHasher(ContestsProperties properties) {
        this.stall = properties.stallTimeout();
        this.pool = new ThreadPoolExecutor(0, properties.assemblerThreads(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "contests-hasher");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Starts following a new upload from offset 0; false when no reader thread is free. */
    boolean start(String uploadId, Path part, long length) {
        Assembly a = new Assembly(part, length, stall);
        try {
            a.future = CompletableFuture.supplyAsync(() -> digest(a), pool);
        } catch (RejectedExecutionException e) {
            return false;
        }
        active.put(uploadId, a);
        return true;
    }

    boolean following(String uploadId) {
        return active.containsKey(uploadId);
    }

    void advance(String uploadId, long committed) {
        Assembly a = active.get(uploadId);
        if (a != null) {
            a.advance(committed);
        }
    }

    void abort(String uploadId) {
        Assembly a = active.remove(uploadId);
        if (a != null) {
            a.abort();
        }
    }

    /** SHA-256 of a stream, read to its end. */
    static Digest digest(InputStream in) {
        try (in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[BUFFER];
            long size = 0;
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
                size += n;
            }
            return new Digest(HexFormat.of().formatHex(md.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the reader reach the end and returns the digest; empty when it could not (hash the part file then). */
    Optional<Digest> finish(String uploadId) {
        Assembly a = active.remove(uploadId);
        if (a == null) {
            return Optional.empty();
        }
        a.complete();
        try {
            return Optional.of(a.future.get(stall.toMillis() * 5, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a.abort();
            return Optional.empty();
        } catch (Exception e) {
            a.abort();
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        active.values().forEach(Assembly::abort);
        pool.shutdownNow();
    }

    /** The part file as a stream that waits for bytes still to come. */
    static final class Assembly extends InputStream {

        private final Path part;
        private final long length;
        private final Duration stall;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition moved = lock.newCondition();
        private long committed;
        private boolean completed;
        private boolean aborted;
        private long position;
        private FileChannel channel;
        volatile CompletableFuture<Digest> future;

        Assembly(Path part, long length, Duration stall) {
            this.part = part;
            this.length = length;
            this.stall = stall;
        }

        void advance(long to) {
            lock.lock();
            try {
                committed = Math.max(committed, Math.min(to, length));
                moved.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void complete() {
            lock.lock();
            try {
                completed = true;
                moved.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void abort() {
            lock.lock();
            try {
                aborted = true;
                moved.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            long available;
            lock.lock();
            try {
                long waitNanos = stall.toNanos();
                while (position >= committed && !completed && !aborted) {
                    if (waitNanos <= 0) {
                        aborted = true;
                        throw new IOException("upload stalled");
                    }
                    try {
                        waitNanos = moved.awaitNanos(waitNanos);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                if (aborted) {
                    throw new IOException("upload aborted");
                }
                available = committed - position;
                if (available <= 0) {
                    return -1; // completed and everything read
                }
            } finally {
                lock.unlock();
            }
            int want = (int) Math.min(len, available);
            int total = directRead(b, off, want, position);
            if (total < 0) {
                if (channel == null) {
                    channel = FileChannel.open(part, StandardOpenOption.READ);
                }
                ByteBuffer buf = ByteBuffer.wrap(b, off, want);
                total = 0;
                while (buf.hasRemaining()) {
                    int n = channel.read(buf, position + total);
                    if (n < 0) {
                        throw new IOException("part file shorter than received bytes");
                    }
                    total += n;
                }
            }
            position += total;
            return total;
        }

        private static final int READ_AHEAD = 4 * 1024 * 1024;
        private FileChannel direct;
        private ByteBuffer aligned; // holds the file's bytes [alignedAt, alignedAt + alignedLength), all received ones
        private long alignedAt;
        private int alignedLength;
        private boolean noDirect = !PartFileWriter.directSupported();

        /**
         * Reads with {@code O_DIRECT} when the part file is written that way ({@link PartFileWriter}): up to 4 MB of
         * received bytes at a time come from the disk into one buffer, instead of filling the page cache with the
         * whole upload. Returns -1 when direct reads are not possible here (the caller then reads through the page
         * cache).
         */
        private int directRead(byte[] b, int off, int want, long at) throws IOException {
            if (noDirect) {
                return -1;
            }
            if (at < alignedAt || at >= alignedAt + alignedLength) {
                long received = at + want; // the caller never asks beyond the received bytes
                int block = PartFileWriter.BLOCK;
                long start = at - at % block;
                int read;
                long end;
                try {
                    if (direct == null) {
                        direct = FileChannel.open(part, StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
                        aligned = ByteBuffer.allocateDirect(READ_AHEAD + block).alignedSlice(block);
                    }
                    end = Math.max(received, Math.min(committedNow(), start + aligned.capacity()));
                    aligned.clear().limit((int) Math.min(aligned.capacity(), (end - start + block - 1) / block * block));
                    read = 0;
                    while (read < received - start) {
                        if (direct.read(aligned, start + read) <= 0) {
                            break;
                        }
                        read = aligned.position();
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    noDirect = true; // this file system takes no direct reads: the caller reads through the page cache
                    closeDirect();
                    return -1;
                }
                if (read <= at - start) {
                    throw new IOException("part file shorter than received bytes");
                }
                alignedAt = start;
                alignedLength = (int) Math.min(read, end - start); // never bytes not yet received
            }
            int got = (int) Math.min(want, alignedAt + alignedLength - at);
            aligned.limit(alignedLength).position((int) (at - alignedAt));
            aligned.get(b, off, got);
            return got;
        }

        private long committedNow() {
            lock.lock();
            try {
                return committed;
            } finally {
                lock.unlock();
            }
        }

        private void closeDirect() throws IOException {
            aligned = null;
            alignedLength = 0;
            if (direct != null) {
                direct.close();
                direct = null;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                closeDirect();
            } finally {
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }
}
