package kr.sotong.contests.core;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Writes an upload's bytes into its part file from a given offset, bypassing the page cache ({@code O_DIRECT}) for
 * whole aligned blocks: a 500 MB video is written once to the disk and never occupies 500 MB of page cache, which on a
 * virtual machine means fresh memory (slow to touch) for every upload. The bytes before the first block boundary and
 * after the last one (a resumed upload can stop anywhere) go through the page cache as usual. Where the file system
 * does not take {@code O_DIRECT} (tmpfs, some network file systems) everything is written the usual way.
 * Not thread-safe: one writer per request.
 */
final class PartFileWriter implements AutoCloseable {

    static final int BLOCK = 4096;
    static final int DIRECT_BUFFER = 1024 * 1024;
    private static final ConcurrentLinkedDeque<ByteBuffer> POOL = new ConcurrentLinkedDeque<>();
    private static volatile boolean directUnsupported;

    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "contests-part-writer");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final FileChannel buffered;
    private FileChannel direct;
    private ByteBuffer pending; // aligned; bytes to be written after those in flight
    private long done; // every byte before this offset is in the file
    private java.util.concurrent.Future<?> inflight; // a direct write of inflightBuf at done, on a writer thread
    private ByteBuffer inflightBuf;

    PartFileWriter(Path file, long offset) throws IOException {
        this.file = file;
        this.done = offset;
        this.buffered = FileChannel.open(file, StandardOpenOption.WRITE);
        if (buffered.size() > offset) {
            buffered.truncate(offset); // a longer part file holds bytes the server never confirmed
        }
        if (!directUnsupported) {
            try {
                direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
                pending = borrow();
            } catch (IOException | UnsupportedOperationException e) {
                directUnsupported = true;
                direct = null;
            }
        }
    }

    /** Where the next byte goes. */
    long position() {
        return done + (inflightBuf == null ? 0 : inflightBuf.limit()) + (pending == null ? 0 : pending.position());
    }

    /** Every byte before this offset is in the file (written, not necessarily flushed to disk). */
    long written() {
        return done;
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
     * Hands the whole blocks held here to a writer thread (after the previous direct write has finished) and keeps
     * filling another buffer meanwhile: reading the network and writing the disk overlap.
     */
    private void startBlocks() throws IOException {
        awaitInflight();
        if (direct == null) {
            return;
        }
        int whole = pending.position() / BLOCK * BLOCK;
        if (whole == 0) {
            return;
        }
        ByteBuffer out = pending;
        ByteBuffer next = borrow();
        out.flip();
        if (out.limit() > whole) {
            next.put(out.duplicate().position(whole)); // the ragged rest stays for the next round
        }
        out.limit(whole);
        long at = done;
        FileChannel ch = direct;
        inflightBuf = out;
        pending = next;
        inflight = WRITERS.submit(() -> {
            while (out.hasRemaining()) {
                ch.write(out, at + out.position());
            }
            return null;
        });
    }

    private void awaitInflight() throws IOException {
        if (inflight == null) {
            return;
        }
        ByteBuffer out = inflightBuf;
        try {
            inflight.get();
            done += out.limit();
            giveBack(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the part file");
        } catch (java.util.concurrent.ExecutionException e) {
            // the file system refused a direct write after all: write these bytes, and the rest, the usual way
            directUnsupported = true;
            done += out.position(); // what the direct write got into the file
            ByteBuffer rest = ByteBuffer.allocate(out.remaining());
            rest.put(out).flip();
            giveBack(out);
            writeBuffered(rest);
            closeDirect();
        } finally {
            inflight = null;
            inflightBuf = null;
        }
    }

    private void writeBuffered(ByteBuffer bb) throws IOException {
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
            ByteBuffer copy = ByteBuffer.allocate(held.remaining());
            copy.put(held).flip();
            giveBack(held);
            writeBuffered(copy);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            try {
                if (inflight != null) {
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
                    giveBack(pending);
                    pending = null;
                }
                buffered.close();
            }
        }
    }

    /** A pooled, block-aligned direct buffer (the pool keeps them warm: a few uploads at a time share a few MB). */
    static ByteBuffer borrow() {
        ByteBuffer b = POOL.pollFirst();
        return b != null ? b : ByteBuffer.allocateDirect(DIRECT_BUFFER + BLOCK).alignedSlice(BLOCK).limit(DIRECT_BUFFER);
    }

    static void giveBack(ByteBuffer b) {
        POOL.offerFirst(b.clear());
    }

    static boolean directSupported() {
        return !directUnsupported;
    }

    @Override
    public String toString() {
        return "PartFileWriter[" + file + " @" + position() + (direct == null ? ", page cache" : ", direct") + "]";
    }
}
