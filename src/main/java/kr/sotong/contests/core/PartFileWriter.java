package kr.sotong.contests.core;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an upload's bytes into its part file from a given offset, bypassing the page cache ({@code O_DIRECT}) for
 * whole aligned blocks: a 500 MB video is written once to the disk and never occupies 500 MB of page cache, which on a
 * virtual machine means fresh memory (slow to touch) for every upload. The bytes before the first block boundary and
 * after the last one (a resumed upload can stop anywhere) go through the page cache as usual. Where the file system
 * does not take {@code O_DIRECT} (tmpfs, some network file systems) everything is written the usual way.
 * <p>
 * Each writer takes {@code DEPTH + 1} aligned 1 MiB buffers (one filling, up to {@code DEPTH} being written on writer
 * threads) from a process-wide pool of at most {@link #BUDGET} buffers; when the pool is spent (many uploads at once)
 * a writer goes through the page cache instead of waiting. Not thread-safe: one writer per request.
 * <p>
 * Every byte also goes, in file order, to the upload's {@link StreamingHasher.Feed} when there is one: whole blocks are
 * hashed on a hasher thread while they are being written, the ragged edges on the request thread. A buffer is used
 * again only when it is both written and hashed.
 */
final class PartFileWriter implements AutoCloseable {

    static final int BLOCK = 4096;
    static final int DIRECT_BUFFER = 1024 * 1024;
    /** Direct writes in flight at once per upload (the virtual disk serves them in parallel). */
    static final int DEPTH = 3;
    /** Direct buffers the process holds at most (64 MiB): 16 uploads at full speed at once. */
    static final int BUDGET = 64;
    private static final ArrayDeque<ByteBuffer> POOL = new ArrayDeque<>(); // guarded by itself
    private static int allocated; // guarded by POOL
    private static volatile boolean directUnsupported;

    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "contests-part-writer");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final StreamingHasher.Feed feed; // null: nobody hashes on the way
    private final FileChannel buffered;
    private FileChannel direct;
    private ByteBuffer pending; // aligned; bytes to be written after those in flight
    private byte[] scratch; // bytes read for the page cache path
    private final ArrayDeque<ByteBuffer> spare = new ArrayDeque<>(); // this writer's buffers not in use
    private long done; // every byte before this offset is in the file
    /** Direct writes on writer threads, oldest first; together they cover [done, done + queued). */
    private final ArrayDeque<Inflight> inflight = new ArrayDeque<>();
    private long queued;

    private record Inflight(Future<?> future, Future<?> hashed, ByteBuffer buffer, long at) {
    }

    PartFileWriter(Path file, long offset) throws IOException {
        this(file, offset, null);
    }

    PartFileWriter(Path file, long offset, StreamingHasher.Feed feed) throws IOException {
        this.file = file;
        this.feed = feed;
        this.done = offset;
        this.buffered = FileChannel.open(file, StandardOpenOption.WRITE);
        if (buffered.size() > offset) {
            buffered.truncate(offset); // a longer part file holds bytes the server never confirmed
        }
        if (!directUnsupported && take(DEPTH + 1, spare)) {
            try {
                direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
                pending = spare.poll();
            } catch (IOException | UnsupportedOperationException e) {
                directUnsupported = true;
                release(spare);
            }
        }
    }

    /** Where the next byte goes. */
    long position() {
        return done + queued + (pending == null ? 0 : pending.position());
    }

    /** Every byte before this offset is in the file (written, not necessarily flushed to disk). */
    long written() {
        return done;
    }

    /**
     * Reads once from {@code source}, at most {@code max} bytes, straight into the buffer that goes to the disk when
     * whole blocks are written directly (no copy in between), and returns how many bytes came (-1 at the end).
     */
    int receive(UploadBody source, long max) throws IOException {
        if (max <= 0) {
            return 0;
        }
        long at = position();
        if (direct == null || pending.position() == 0 && at % BLOCK != 0) {
            // through the page cache, or up to the next block boundary
            if (scratch == null) {
                scratch = new byte[16 * 1024];
            }
            int room = (int) Math.min(max, direct == null ? scratch.length : BLOCK - at % BLOCK);
            int n = read(source, ByteBuffer.wrap(scratch, 0, room));
            if (n > 0) {
                write(scratch, 0, n);
            }
            return n;
        }
        int room = (int) Math.min(max, pending.remaining());
        int n = read(source, pending.duplicate().limit(pending.position() + room));
        if (n > 0) {
            pending.position(pending.position() + n);
            if (!pending.hasRemaining()) {
                startBlocks();
            }
        }
        return n;
    }

    private static int read(UploadBody source, ByteBuffer into) throws IOException {
        int room = into.remaining();
        int n = source.read(into);
        if (n > room) {
            throw new IOException("the source claims " + n + " bytes read into room for " + room);
        }
        return n;
    }

    void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (direct == null) {
                awaitInflight();
                writeBuffered(ByteBuffer.wrap(b, off, len));
                return;
            }
            long at = position();
            if (pending.position() == 0 && at % BLOCK != 0) {
                // up to the next block boundary through the page cache
                awaitInflight();
                int head = (int) Math.min(len, BLOCK - at % BLOCK);
                writeBuffered(ByteBuffer.wrap(b, off, head));
                off += head;
                len -= head;
                continue;
            }
            int n = Math.min(len, pending.remaining());
            pending.put(b, off, n);
            off += n;
            len -= n;
            if (!pending.hasRemaining()) {
                startBlocks();
            }
        }
    }

    /** Writes everything held here and waits for it: whole blocks directly, the rest through the page cache. */
    void flush() throws IOException {
        if (pending != null && pending.position() > 0) {
            startBlocks();
        }
        awaitInflight();
        if (pending != null && pending.position() > 0) {
            pending.flip();
            writeBuffered(pending);
            pending.clear();
        }
    }

    /**
     * Hands the whole blocks held here to a writer thread (waiting while {@link #DEPTH} writes are in flight) and keeps
     * filling another buffer meanwhile: reading the network and writing the disk overlap.
     */
    private void startBlocks() throws IOException {
        while (inflight.size() >= DEPTH) {
            awaitOldest();
        }
        if (direct == null) {
            return;
        }
        int whole = pending.position() / BLOCK * BLOCK;
        if (whole == 0) {
            return;
        }
        ByteBuffer out = pending;
        ByteBuffer next = spare.poll(); // DEPTH + 1 buffers: at most DEPTH - 1 in flight here, so one is spare
        out.flip();
        if (out.limit() > whole) {
            next.put(out.duplicate().position(whole)); // the ragged rest stays for the next round
        }
        out.limit(whole);
        long at = done + queued;
        FileChannel ch = direct;
        pending = next;
        Future<?> hashed = feed == null ? null : feed.later(out);
        Future<?> f = WRITERS.submit(() -> {
            ByteBuffer view = out.duplicate();
            while (view.hasRemaining()) {
                ch.write(view, at + view.position());
            }
            return null;
        });
        inflight.addLast(new Inflight(f, hashed, out, at));
        queued += whole;
    }

    private void awaitInflight() throws IOException {
        while (!inflight.isEmpty()) {
            awaitOldest();
        }
    }

    private void awaitOldest() throws IOException {
        Inflight x = inflight.peekFirst();
        try {
            x.future().get();
            awaitHash(x);
            inflight.removeFirst();
            done += x.buffer().limit();
            queued -= x.buffer().limit();
            spare.add(x.buffer().clear());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the part file");
        } catch (ExecutionException e) {
            // the file system refused a direct write after all: write every block in flight again, and the rest,
            // the usual way (writing the same bytes at the same place twice is harmless)
            directUnsupported = true;
            while (!inflight.isEmpty()) {
                Inflight y = inflight.removeFirst();
                try {
                    y.future().get();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // rewritten below either way
                }
                awaitHash(y);
                ByteBuffer again = y.buffer().duplicate();
                again.position(0);
                while (again.hasRemaining()) {
                    buffered.write(again, y.at() + again.position());
                }
                done = y.at() + y.buffer().limit();
                spare.add(y.buffer().clear());
            }
            queued = 0;
            closeDirect();
        }
    }

    /** Waits until the buffer's bytes are hashed (a failed hash is the feed's to report: it then covers less). */
    private static void awaitHash(Inflight x) {
        if (x.hashed() == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                x.hashed().get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the buffer cannot go back to the pool while it is being read
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes through the page cache at the current end (nothing in flight), hashing the bytes on this thread. */
    private void writeBuffered(ByteBuffer bb) throws IOException {
        if (feed != null) {
            feed.now(bb);
        }
        while (bb.hasRemaining()) {
            done += buffered.write(bb, done);
        }
    }

    private void closeDirect() throws IOException {
        if (direct != null) {
            direct.close();
            direct = null;
        }
        if (pending != null) {
            ByteBuffer held = pending;
            pending = null;
            held.flip();
            writeBuffered(held);
            spare.add(held.clear());
        }
        release(spare);
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            try {
                if (!inflight.isEmpty()) {
                    try {
                        awaitInflight();
                    } catch (IOException ignored) {
                        // already failing
                    }
                }
                if (direct != null) {
                    direct.close();
                }
            } finally {
                if (pending != null) {
                    spare.add(pending.clear());
                    pending = null;
                }
                if (inflight.isEmpty()) { // a buffer still being written (interrupted) is not given back
                    release(spare);
                }
                buffered.close();
            }
        }
    }

    /** Takes {@code n} aligned direct buffers from the pool (allocating within {@link #BUDGET}), or none. */
    private static boolean take(int n, ArrayDeque<ByteBuffer> into) {
        synchronized (POOL) {
            if (POOL.size() + (BUDGET - allocated) < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                ByteBuffer b = POOL.pollFirst();
                if (b == null) {
                    b = ByteBuffer.allocateDirect(DIRECT_BUFFER + BLOCK).alignedSlice(BLOCK);
                    allocated++;
                }
                into.add(b);
            }
            return true;
        }
    }

    private static void release(ArrayDeque<ByteBuffer> buffers) {
        synchronized (POOL) {
            for (ByteBuffer b = buffers.poll(); b != null; b = buffers.poll()) {
                POOL.offerFirst(b.clear());
            }
        }
    }

    /** False once a file system here refused {@code O_DIRECT}: every writer goes through the page cache then. */
    static boolean directSupported() {
        return !directUnsupported;
    }

    @Override
    public String toString() {
        return "PartFileWriter[" + file + " @" + position() + (direct == null ? ", page cache" : ", direct") + "]";
    }
}
