package kr.sotong.contests.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ffprobe} and {@code ffmpeg} when installed (Debian package ffmpeg). Availability is checked once;
 * features that need a missing tool say so in Korean instead of failing obscurely.
 */
public final class ExternalTools {

    private static final Logger log = LoggerFactory.getLogger(ExternalTools.class);

    private final String ffprobe;
    private final String ffmpeg;
    private final Duration timeout;
    private volatile Boolean ffprobeAvailable;
    private volatile Boolean ffmpegAvailable;

    public ExternalTools(String ffprobe, String ffmpeg, Duration timeout) {
        this.ffprobe = ffprobe;
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    public boolean hasFfprobe() {
        Boolean a = ffprobeAvailable;
        if (a == null) {
            a = probe(ffprobe);
            ffprobeAvailable = a;
        }
        return a;
    }

    public boolean hasFfmpeg() {
        Boolean a = ffmpegAvailable;
        if (a == null) {
            a = probe(ffmpeg);
            ffmpegAvailable = a;
        }
        return a;
    }

    private boolean probe(String tool) {
        try {
            Result r = run(List.of(tool, "-version"), 64 * 1024, Duration.ofSeconds(20));
            boolean ok = r.exitCode() == 0;
            if (!ok) {
                log.warn("{} is not usable (exit {})", tool, r.exitCode());
            }
            return ok;
        } catch (IOException | RuntimeException e) {
            log.info("{} is not installed: media checks that need it will say so ({})", tool, e.getMessage());
            return false;
        }
    }

    public record Result(int exitCode, byte[] stdout, String stderr) {
    }

    /** ffprobe's JSON description of a file (format and streams). */
    public Result ffprobeJson(Path file) throws IOException {
        return run(List.of(ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toAbsolutePath().toString()), 4 * 1024 * 1024, timeout);
    }

    /** Runs ffmpeg with the given arguments (after {@code -hide_banner -loglevel error -nostdin}). */
    public Result ffmpeg(List<String> args, int maxStdout) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin"));
        cmd.addAll(args);
        return run(cmd, maxStdout, timeout);
    }

    static Result run(List<String> command, int maxStdout, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> drain(p.getErrorStream(), err, 64 * 1024), "tool-stderr");
        errReader.setDaemon(true);
        errReader.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outReader = new Thread(() -> drain(p.getInputStream(), out, maxStdout), "tool-stdout");
        outReader.setDaemon(true);
        outReader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " timed out after " + timeout.toSeconds() + " s");
            }
            outReader.join(5000);
            errReader.join(5000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        synchronized (out) {
            synchronized (err) {
                return new Result(p.exitValue(), out.toByteArray(), err.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink, int max) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (sink) {
                    int room = max - sink.size();
                    if (room > 0) {
                        sink.write(buf, 0, Math.min(room, n));
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }
}
