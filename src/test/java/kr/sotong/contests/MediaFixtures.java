package kr.sotong.contests;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real media for tests. Videos and songs are generated with the installed {@code ffmpeg} (Debian package, installed
 * by {@code .ci/run}); photos are drawn in Java and written with ImageIO.
 */
public final class MediaFixtures {

    private static Path dir;

    private MediaFixtures() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("contests-media-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** Runs ffmpeg; fails the test with a clear message when it is not installed. */
    public static void ffmpeg(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg가 설치되어 있지 않습니다: apt-get install -y ffmpeg (.ci/run이 설치합니다)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An H.264 MP4 of exactly {@code tenths}/10 seconds: 10 frames per second, so 149 frames are 14.9 s in the movie
     * header. Optional AAC sound.
     */
    public static synchronized Path video(int tenths, String ext, boolean sound) {
        Path out = dir().resolve("v" + tenths + (sound ? "s" : "") + "." + ext);
        if (Files.exists(out)) {
            return out;
        }
        String seconds = String.format(Locale.ROOT, "%d.%d", tenths / 10, tenths % 10);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=s=96x64:r=10:d=" + seconds));
        if (sound) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds));
        }
        if (ext.equals("webm")) {
            args.addAll(List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"));
        } else {
            args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        }
        if (sound) {
            args.addAll(List.of(ext.equals("webm") ? "-c:a" : "-c:a", ext.equals("webm") ? "libopus" : "aac", "-shortest"));
        }
        args.addAll(List.of("-metadata", "artist=홍길동", "-metadata", "title=홍길동의 영상"));
        args.add(out.toString());
        ffmpeg(args.toArray(String[]::new));
        return out;
    }

    /** A sine tone of {@code seconds} in the given audio container (mp3, wav, m4a, flac). */
    public static synchronized Path song(int seconds, String ext) {
        Path out = dir().resolve("s" + seconds + "." + ext);
        if (!Files.exists(out)) {
            ffmpeg("-f", "lavfi", "-i", "sine=frequency=523:duration=" + seconds, "-metadata", "artist=홍길동", out.toString());
        }
        return out;
    }

    /** A photo-like picture: gradients, shapes and text from a seed (different seeds, different pictures). */
    public static BufferedImage picture(long seed, int width, int height) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xFFFFFF)), width, height, new Color(r.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 120 + r.nextInt(135)));
            int w = width / 8 + r.nextInt(width / 3);
            int h = height / 8 + r.nextInt(height / 3);
            int x = r.nextInt(width - w / 2);
            int y = r.nextInt(height - h / 2);
            switch (r.nextInt(3)) {
                case 0 -> g.fillOval(x, y, w, h);
                case 1 -> g.fillRect(x, y, w, h);
                default -> {
                    g.setStroke(new BasicStroke(4 + r.nextInt(20)));
                    g.drawLine(x, y, x + w, y + h);
                }
            }
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 10)));
        g.drawString("GEUMCHEON " + seed, width / 10, height / 2);
        g.dispose();
        return img;
    }

    public static Path jpeg(BufferedImage img, float quality, String name) {
        Path out = dir().resolve(name);
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream os = ImageIO.createImageOutputStream(out.toFile())) {
            w.setOutput(os);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        return out;
    }

    public static Path png(BufferedImage img, String name) {
        Path out = dir().resolve(name);
        try {
            ImageIO.write(img, "png", new File(out.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static BufferedImage resize(BufferedImage img, double factor) {
        int w = (int) Math.round(img.getWidth() * factor);
        int h = (int) Math.round(img.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    public static BufferedImage read(Path p) {
        try {
            return ImageIO.read(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir().resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A small ZIP archive (as appended to make a polyglot). */
    public static byte[] zip() {
        var bos = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(bos)) {
            z.putNextEntry(new java.util.zip.ZipEntry("evil.class"));
            z.write("not really a class".getBytes());
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }
}
