package kr.sotong.contests.media;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A buffered big-endian reader that knows its position; running off the end is an {@link EOFException}. */
final class Bytes implements AutoCloseable {

    private final InputStream in;
    private long position;

    Bytes(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    long position() {
        return position;
    }

    int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        position++;
        return b;
    }

    /** Next byte or -1 at the end. */
    int next() throws IOException {
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    int u16() throws IOException {
        return (u8() << 8) | u8();
    }

    long u32() throws IOException {
        return ((long) u8() << 24) | ((long) u8() << 16) | ((long) u8() << 8) | u8();
    }

    long u64() throws IOException {
        return (u32() << 32) | u32();
    }

    byte[] bytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        position += b.length;
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }

    void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                s = 1;
            }
            left -= s;
            position += s;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
