package kr.sotong.contests.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import kr.sotong.shared.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an uploaded file by its content against a contest's {@link MediaRules}: format from the bytes,
 * structure (cut-off, appended or disguised data), size, resolution and duration. Photos are decoded once for
 * a perceptual hash and a metadata-free public copy; MP4/MOV/M4A, MP3, WAV and FLAC are read in Java; WebM and
 * MKV need {@code ffprobe}. Every refusal is a {@link DomainException} with the reason in Korean.
 */
public final class MediaInspector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExternalTools tools;
    private final ImageInspector images;

    public MediaInspector(ExternalTools tools, long maxPixels, int maxSide, int publicMaxSide) {
        this.tools = tools;
        this.images = new ImageInspector(maxPixels, maxSide, publicMaxSide);
    }

    public ExternalTools tools() {
        return tools;
    }

    /** @param publicCopy photos only: where the metadata-free public JPEG is written */
    public record Inspection(MediaReport report, Path publicCopy) {
    }

    public Inspection inspect(Path file, MediaRules rules, Path publicCopy) {
        try {
            return doInspect(file, rules, publicCopy);
        } catch (DomainException e) {
            throw e;
        } catch (IOException e) {
            throw Rejections.reject("unreadable", "파일을 읽는 중 오류가 났습니다: 전송이 끊겼거나 손상된 파일입니다.");
        } catch (RuntimeException e) {
            throw Rejections.reject("unreadable", "파일을 검사하지 못했습니다: 손상되었거나 지원하지 않는 파일입니다.");
        }
    }

    private Inspection doInspect(Path file, MediaRules rules, Path publicCopy) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw Rejections.reject("empty", "빈 파일(0바이트)은 올릴 수 없습니다.");
        }
        if (size > rules.maxBytes()) {
            throw Rejections.reject("too-large", "파일이 너무 큽니다: " + human(size) + " (최대 " + human(rules.maxBytes()) + ")");
        }
        Signature sig = Signature.of(file);
        String allowed = MediaFormat.labels(rules.formats());
        if (!sig.known()) {
            String what = sig.otherKind() == null ? "알 수 없는 형식" : sig.otherKind();
            throw Rejections.reject("format",
                    "받을 수 없는 파일입니다. 파일 내용은 " + what + "입니다(이름이 아니라 내용으로 판단합니다). 허용 형식: " + allowed);
        }
        MediaFormat format = sig.format();
        if (!rules.formats().contains(format)) {
            throw Rejections.reject("format",
                    "이 공모전은 " + allowed + " 형식만 받습니다. 올린 파일은 내용상 " + format.label() + "입니다.");
        }
        if (format.category() == MediaFormat.Category.IMAGE) {
            return new Inspection(images.inspect(file, format, rules, publicCopy), publicCopy);
        }
        Polyglots.checkZipTail(file, size, format.category() == MediaFormat.Category.VIDEO ? "동영상" : "음원");
        MediaReport report = format.category() == MediaFormat.Category.VIDEO ? video(file, size, format)
                : audio(file, size, format);
        checkDuration(report, rules);
        return new Inspection(report, null);
    }

    private MediaReport video(Path file, long size, MediaFormat format) throws IOException {
        Map<String, String> details = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long ms;
        int width;
        int height;
        if (format == MediaFormat.MP4 || format == MediaFormat.MOV) {
            IsoMedia.Info info = IsoMedia.read(file, size);
            if (!info.handlers().contains("vide")) {
                throw Rejections.reject("video.no-track", "영상 트랙이 없습니다: 소리만 있는 파일은 영상 공모전에 낼 수 없습니다.");
            }
            ms = info.durationMs();
            if (info.fragmented()) {
                Probe p = ffprobe(file, format);
                ms = p.durationMs();
            }
            width = info.width();
            height = info.height();
            if (!info.codec().isBlank()) {
                details.put("코덱", info.codec());
            }
            if (!info.brand().isBlank()) {
                details.put("규격", info.brand());
            }
            details.put("소리", info.handlers().contains("soun") ? "있음" : "없음");
            details.put("판독", "Java(isoparser)");
        } else {
            Probe p = ffprobe(file, format);
            if (p.width() == 0) {
                throw Rejections.reject("video.no-track", "영상 트랙이 없습니다: 소리만 있는 파일은 영상 공모전에 낼 수 없습니다.");
            }
            ms = p.durationMs();
            width = p.width();
            height = p.height();
            details.putAll(p.details());
            details.put("판독", "ffprobe");
        }
        if (ms <= 0) {
            throw Rejections.reject("video.no-duration", "영상의 재생 시간을 확인할 수 없습니다: 손상된 파일입니다.");
        }
        if (width > 0) {
            details.put("해상도", width + "×" + height);
        }
        return new MediaReport(format, width, height, ms, details, warnings, null, null);
    }

    private MediaReport audio(Path file, long size, MediaFormat format) throws IOException {
        Map<String, String> details = new LinkedHashMap<>();
        long ms;
        switch (format) {
            case MP3 -> {
                Mp3Frames.Info i = Mp3Frames.read(file, size);
                ms = i.durationMs();
                details.putAll(i.details());
            }
            case WAV -> {
                AudioFormats.Info i = AudioFormats.wav(file, size);
                ms = i.durationMs();
                details.putAll(i.details());
            }
            case FLAC -> {
                AudioFormats.Info i = AudioFormats.flac(file, size);
                ms = i.durationMs();
                details.putAll(i.details());
            }
            case M4A -> {
                IsoMedia.Info i = IsoMedia.read(file, size);
                if (!i.handlers().contains("soun")) {
                    throw Rejections.reject("audio.no-track", "소리 트랙이 없는 파일입니다.");
                }
                ms = i.fragmented() ? ffprobe(file, format).durationMs() : i.durationMs();
                if (!i.codec().isBlank()) {
                    details.put("코덱", i.codec());
                }
            }
            default -> throw new IllegalStateException(format.name());
        }
        if (ms <= 0) {
            throw Rejections.reject("audio.no-duration", "음원의 재생 시간을 확인할 수 없습니다: 손상된 파일입니다.");
        }
        details.put("판독", "Java");
        return new MediaReport(format, 0, 0, ms, details, List.of(), null, null);
    }

    /** The duration rule, judged on the duration rounded to 0.1 s (so 60.04 s passes as 60.0 s, 60.05 s does not). */
    static void checkDuration(MediaReport report, MediaRules rules) {
        if (report.durationMs() == null) {
            return;
        }
        long tenths = Math.round(report.durationMs() / 100.0);
        String kind = report.format().category() == MediaFormat.Category.VIDEO ? "영상" : "음원";
        String range = range(rules);
        if (rules.minDurationMs() != null && tenths < Math.round(rules.minDurationMs() / 100.0)
                || rules.maxDurationMs() != null && tenths > Math.round(rules.maxDurationMs() / 100.0)) {
            throw Rejections.reject("duration", kind + " 길이가 " + MediaReport.seconds(report.durationMs())
                    + "입니다. 이 공모전은 " + range + "만 받습니다.");
        }
    }

    static String range(MediaRules r) {
        if (r.minDurationMs() != null && r.maxDurationMs() != null) {
            return MediaReport.seconds(r.minDurationMs()) + " 이상 " + MediaReport.seconds(r.maxDurationMs()) + " 이하";
        }
        if (r.minDurationMs() != null) {
            return MediaReport.seconds(r.minDurationMs()) + " 이상";
        }
        if (r.maxDurationMs() != null) {
            return MediaReport.seconds(r.maxDurationMs()) + " 이하";
        }
        return "길이 제한 없음";
    }

    record Probe(long durationMs, int width, int height, Map<String, String> details) {
    }

    private Probe ffprobe(Path file, MediaFormat format) throws IOException {
        if (!tools.hasFfprobe()) {
            throw Rejections.reject("no-ffprobe", format.label()
                    + " 파일을 검사할 도구(ffprobe)가 서버에 설치되어 있지 않습니다. MP4 파일로 올려 주세요. (관리자: ffmpeg 패키지 설치)");
        }
        ExternalTools.Result r = tools.ffprobeJson(file);
        if (r.exitCode() != 0) {
            throw Rejections.reject("ffprobe-failed", format.label() + " 파일을 읽을 수 없습니다: 손상되었거나 잘린 파일입니다.");
        }
        JsonNode root = JSON.readTree(r.stdout());
        String formatName = root.path("format").path("format_name").asText("");
        if (format == MediaFormat.WEBM || format == MediaFormat.MKV) {
            if (!formatName.contains("matroska") && !formatName.contains("webm")) {
                throw Rejections.reject("ffprobe-mismatch", "파일 내용이 " + format.label() + " 형식이 아닙니다.");
            }
        }
        double seconds = parseDouble(root.path("format").path("duration").asText(""));
        int width = 0;
        int height = 0;
        Map<String, String> details = new LinkedHashMap<>();
        boolean sound = false;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asText("");
            if (type.equals("video") && width == 0 && !s.path("disposition").path("attached_pic").asBoolean(false)) {
                width = s.path("width").asInt(0);
                height = s.path("height").asInt(0);
                details.put("코덱", s.path("codec_name").asText(""));
                if (Double.isNaN(seconds)) {
                    seconds = parseDouble(s.path("duration").asText(""));
                }
            } else if (type.equals("audio")) {
                sound = true;
            }
        }
        details.put("소리", sound ? "있음" : "없음");
        details.put("규격", formatName);
        long ms = Double.isNaN(seconds) ? 0 : Math.round(seconds * 1000);
        return new Probe(ms, width, height, details);
    }

    private static double parseDouble(String s) {
        try {
            return s.isBlank() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Perceptual hash of the frame in the middle of a video (ffmpeg), for near-duplicate videos; null when ffmpeg is
     * missing or the frame cannot be read. Run after the entry is in (it decodes video, the resident need not wait).
     */
    public Long frameHash(Path file, long durationMs) {
        return frameHash(file, durationMs, new ArrayList<>());
    }

    private Long frameHash(Path file, long durationMs, List<String> warnings) {
        if (!tools.hasFfmpeg()) {
            return null;
        }
        try {
            String at = String.format(Locale.ROOT, "%.3f", durationMs / 2000.0);
            ExternalTools.Result r = tools.ffmpeg(List.of("-ss", at, "-i", file.toAbsolutePath().toString(),
                    "-frames:v", "1", "-vf", "scale=256:-2", "-f", "image2pipe", "-vcodec", "png", "-"), 8 * 1024 * 1024);
            if (r.exitCode() != 0 || r.stdout().length == 0) {
                warnings.add("영상의 대표 장면을 추출하지 못해 유사 영상 비교에서 빠집니다.");
                return null;
            }
            BufferedImage frame = ImageIO.read(new ByteArrayInputStream(r.stdout()));
            return frame == null ? null : PerceptualHash.of(frame);
        } catch (IOException | RuntimeException e) {
            warnings.add("영상의 대표 장면을 추출하지 못해 유사 영상 비교에서 빠집니다.");
            return null;
        }
    }

    static String human(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1fMB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + "KB";
        }
        return bytes + "바이트";
    }
}
