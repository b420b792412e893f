package kr.sotong.contests.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Where an upload's bytes come from, such as the request body ({@code ServletInputStream::read} with a
 * {@link ByteBuffer}, which the servlet container fills without a copy through a byte array): reads into {@code into}
 * from its position, at most its remaining bytes, blocking until at least one byte came, and returns how many (-1 at
 * the end of the body). The buffer's position and limit afterwards are not relied on.
 */
@FunctionalInterface
public interface UploadBody {

    int read(ByteBuffer into) throws IOException;

    /** Reads a stream through one 64 KB array (one per call of this method, so one per request). */
    static UploadBody of(InputStream in) {
        byte[] b = new byte[64 * 1024];
        return into -> {
            int n = in.read(b, 0, Math.min(into.remaining(), b.length));
            if (n > 0) {
                into.put(b, 0, n);
            }
            return n;
        };
    }
}
