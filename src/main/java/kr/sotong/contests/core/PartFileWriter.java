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

    private final Path file;
    private final FileChannel buffered;
    private FileChannel direct;
    private ByteBuffer pending; // aligned; bytes not yet written, to be written at {@code position}
    private long position;

    PartFileWriter(Path file, long offset) throws IOException {
        this.file = file;
        this.position = offset;
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

    /** Where the next byte goes; every byte before it is in the file (written, not necessarily flushed to disk). */
    long position() {
        return position + (pending == null ? 0 : pending.position());
    }

    /** The bytes written so far are in the file: what {@link #position()} says, not only buffered here. */
    long written() {
        return position;
    }

    void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (direct == null) {
                writeBuffered(ByteBuffer.wrap(b, off, len));
                return;
            }
            if (pending.position() == 0 && position % BLOCK != 0) {
                // up to the next block boundary through the page cache
                int head = (int) Math.min(len, BLOCK - position % BLOCK);
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
                flushBlocks();
            }
        }
    }

    /** Writes what is held here: whole blocks directly, the rest through the page cache. */
    void flush() throws IOException {
        if (pending == null || pending.position() == 0) {
            return;
        }
        flushBlocks();
        if (pending != null && pending.position() > 0) {
            pending.flip();
            writeBuffered(pending);
            pending.clear();
        }
    }

    private void flushBlocks() throws IOException {
        int whole = pending.position() / BLOCK * BLOCK;
        if (whole == 0) {
            return;
        }
        pending.flip();
        int end = pending.limit();
        pending.limit(whole);
        try {
            while (pending.hasRemaining()) {
                position += direct.write(pending, position);
            }
        } catch (IOException e) {
            // the file system refused a direct write after all: write what is held here, and the rest, the usual way
            directUnsupported = true;
            pending.limit(end);
            closeDirect();
            return;
        }
        pending.limit(end);
        pending.compact();
    }

    private void writeBuffered(ByteBuffer bb) throws IOException {
        while (bb.hasRemaining()) {
            position += buffered.write(bb, position);
        }
    }

    private void closeDirect() throws IOException {
        if (direct != null) {
            direct.close();
            direct = null;
        }
        if (pending != null) {
            ByteBuffer rest = pending;
            pending = null;
            ByteBuffer copy = ByteBuffer.allocate(rest.remaining());
            copy.put(rest).flip();
            POOL.offerFirst(rest.clear());
            writeBuffered(copy);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            try {
                if (direct != null) {
                    direct.close();
                }
            } finally {
                if (pending != null) {
                    POOL.offerFirst(pending.clear());
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
