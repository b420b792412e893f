package kr.sotong.contests.media;

import static kr.sotong.contests.MediaFixtures.bytes;
import static kr.sotong.contests.MediaFixtures.concat;
import static kr.sotong.contests.MediaFixtures.song;
import static kr.sotong.contests.MediaFixtures.video;
import static kr.sotong.contests.MediaFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32;
import kr.sotong.contests.MediaFixtures;
import kr.sotong.shared.DomainException;
import org.junit.jupiter.api.Test;

/**
 * Content checks with real files: videos and songs made by ffmpeg (10 frames per second, so the movie header holds
 * exactly 14.9 s, 15.0 s, 60.0 s or 60.1 s), photos drawn and written with ImageIO, and hand-made bad files.
 */
class MediaInspectorTest {

    static final ExternalTools TOOLS = new ExternalTools("ffprobe", "ffmpeg", Duration.ofSeconds(60));
    static final MediaInspector INSPECTOR = new MediaInspector(TOOLS, 100_000_000L, 30_000, 2560);
    static final MediaRules SHORT_FORM = new MediaRules(EnumSet.of(MediaFormat.MP4, MediaFormat.MOV, MediaFormat.WEBM),
            500L * 1024 * 1024, null, 15_000L, 60_000L);
    static final MediaRules PHOTO = new MediaRules(EnumSet.of(MediaFormat.JPEG, MediaFormat.PNG), 30L * 1024 * 1024, 400,
            null, null);
    static final MediaRules SONG = new MediaRules(EnumSet.of(MediaFormat.MP3, MediaFormat.WAV, MediaFormat.M4A, MediaFormat.FLAC),
            50L * 1024 * 1024, null, 2_000L, 600_000L);

    private static MediaReport check(Path file, MediaRules rules) {
        return INSPECTOR.inspect(file, rules, file.resolveSibling(file.getFileName() + ".public.jpg")).report();
    }

    private static String refusal(Path file, MediaRules rules) {
        try {
            check(file, rules);
        } catch (DomainException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted but should be refused: " + file);
    }

    @Test
    void durationRuleOnRealMp4FilesMadeWithFfmpeg() {
        assertThat(refusal(video(149, "mp4", false), SHORT_FORM))
                .contains("14.9초").contains("15.0초 이상 60.0초 이하");
        assertThat(check(video(150, "mp4", false), SHORT_FORM).durationMs()).isEqualTo(15_000);
        assertThat(check(video(600, "mp4", true), SHORT_FORM).durationMs()).isBetween(60_000L, 60_049L);
        assertThat(refusal(video(601, "mp4", false), SHORT_FORM)).contains("60.1초");
    }

    @Test
    void movAndSoundTrackAreReadInJava() {
        MediaReport mov = check(video(200, "mov", false), SHORT_FORM);
        assertThat(mov.format()).isEqualTo(MediaFormat.MOV);
        assertThat(mov.width()).isEqualTo(96);
        assertThat(mov.details()).containsEntry("판독", "Java(isoparser)").containsEntry("코덱", "avc1");
        MediaReport mp4 = check(video(200, "mp4", true), SHORT_FORM);
        assertThat(mp4.details()).containsEntry("소리", "있음");
        Long a = INSPECTOR.frameHash(video(200, "mp4", true), mp4.durationMs());
        Long b = INSPECTOR.frameHash(video(200, "mov", false), mov.durationMs());
        assertThat(a).as("middle frame hashed with ffmpeg").isNotNull();
        assertThat(PerceptualHash.distance(a, b)).as("same picture in another container").isLessThanOrEqualTo(6);
    }

    @Test
    void webmIsReadWithFfprobe() {
        MediaReport webm = check(video(200, "webm", false), SHORT_FORM);
        assertThat(webm.format()).isEqualTo(MediaFormat.WEBM);
        assertThat(webm.details()).containsEntry("판독", "ffprobe");
        assertThat(webm.durationMs()).isBetween(19_900L, 20_100L);
    }

    @Test
    void badVideosAreRefusedWithKoreanReasons() throws Exception {
        byte[] good = bytes(video(200, "mp4", false));
        assertThat(refusal(write("cut.mp4", Arrays.copyOf(good, good.length / 2)), SHORT_FORM)).contains("잘렸거나 손상");
        assertThat(refusal(write("zip.mp4", concat(good, MediaFixtures.zip())), SHORT_FORM)).contains("위장 파일");
        assertThat(refusal(write("empty.mp4", new byte[0]), SHORT_FORM)).contains("빈 파일");
        assertThat(refusal(write("text.mp4", "hello, this is not a video".getBytes(StandardCharsets.UTF_8)), SHORT_FORM))
                .contains("알 수 없는 형식");
        Path photoNamedMp4 = MediaFixtures.jpeg(MediaFixtures.picture(1, 300, 200), 0.9f, "photo.mp4");
        assertThat(refusal(photoNamedMp4, SHORT_FORM)).contains("JPEG").contains("MP4");
        byte[] garbageAfter = concat(good, "trailing garbage".getBytes(StandardCharsets.US_ASCII));
        assertThat(refusal(write("garbage.mp4", garbageAfter), SHORT_FORM)).contains("동영상");
    }

    @Test
    void songsDurationFormatAndDamage() {
        assertThat(check(song(5, "mp3"), SONG).durationMs()).isBetween(4_950L, 5_100L);
        assertThat(check(song(5, "wav"), SONG).durationMs()).isEqualTo(5_000);
        assertThat(check(song(5, "m4a"), SONG).durationMs()).isBetween(4_950L, 5_100L);
        assertThat(check(song(5, "flac"), SONG).durationMs()).isEqualTo(5_000);
        MediaRules shortSong = new MediaRules(SONG.formats(), SONG.maxBytes(), null, null, 3_000L);
        assertThat(refusal(song(5, "mp3"), shortSong)).contains("음원 길이가 5.0초");
        byte[] wav = bytes(song(5, "wav"));
        assertThat(refusal(write("cut.wav", Arrays.copyOf(wav, wav.length - 1000)), SONG)).contains("잘렸거나 손상");
        byte[] mp3 = bytes(song(5, "mp3"));
        assertThat(refusal(write("cut.mp3", Arrays.copyOf(mp3, mp3.length - 57)), SONG)).contains("잘렸거나 손상");
        assertThat(refusal(video(200, "mp4", false), SONG)).contains("MP3").contains("MP4");
    }

    @Test
    void photoGetsPerceptualHashAndMetadataFreePublicCopy() throws Exception {
        Path jpg = MediaFixtures.jpeg(MediaFixtures.picture(7, 1600, 1200), 0.92f, "seven.jpg");
        Path pub = jpg.resolveSibling("seven.public.jpg");
        MediaInspector.Inspection i = INSPECTOR.inspect(jpg, PHOTO, pub);
        assertThat(i.report().format()).isEqualTo(MediaFormat.JPEG);
        assertThat(i.report().width()).isEqualTo(1600);
        assertThat(i.report().phash()).isNotNull();
        byte[] copy = Files.readAllBytes(pub);
        assertThat(new String(copy, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        BufferedImage png = MediaFixtures.picture(7, 1600, 1200);
        MediaReport fromPng = check(MediaFixtures.png(png, "seven.png"), PHOTO);
        assertThat(PerceptualHash.distance(fromPng.phash(), i.report().phash())).isLessThanOrEqualTo(4);
        assertThat(refusal(MediaFixtures.jpeg(MediaFixtures.picture(8, 300, 200), 0.9f, "small.jpg"), PHOTO))
                .contains("해상도가 낮습니다");
    }

    @Test
    void decompressionBombIsRefusedBeforeDecoding() throws Exception {
        // a small JPEG whose frame header claims 60000 × 60000 pixels
        byte[] jpg = bytes(MediaFixtures.jpeg(MediaFixtures.picture(9, 640, 480), 0.8f, "bomb-src.jpg"));
        for (int i = 2; i + 9 < jpg.length; i++) {
            if ((jpg[i] & 0xFF) == 0xFF && (jpg[i + 1] & 0xFF) == 0xC0) {
                jpg[i + 5] = (byte) 0xEA;
                jpg[i + 6] = (byte) 0x60;
                jpg[i + 7] = (byte) 0xEA;
                jpg[i + 8] = (byte) 0x60;
                break;
            }
        }
        long t = System.nanoTime();
        assertThat(refusal(write("bomb.jpg", jpg), PHOTO)).contains("60000×60000").contains("너무 큽니다");
        assertThat(Duration.ofNanos(System.nanoTime() - t)).as("refused without decoding").isLessThan(Duration.ofSeconds(5));
        // a PNG declaring 100000 × 100000 with a valid header checksum
        byte[] png = bytes(MediaFixtures.png(MediaFixtures.picture(9, 64, 64), "bomb-src.png"));
        putInt(png, 16, 100_000);
        putInt(png, 20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        putInt(png, 29, (int) crc.getValue());
        assertThat(refusal(write("bomb.png", png), PHOTO)).contains("100000×100000");
    }

    @Test
    void truncatedAndPolyglotPhotosAreRefused() {
        byte[] jpg = bytes(MediaFixtures.jpeg(MediaFixtures.picture(10, 800, 600), 0.9f, "ten.jpg"));
        assertThat(refusal(write("cut.jpg", Arrays.copyOf(jpg, jpg.length * 2 / 3)), PHOTO)).contains("잘렸거나 손상");
        assertThat(refusal(write("html.jpg", concat(jpg, "<html><script>alert(1)</script></html>".getBytes())), PHOTO))
                .contains("위장 파일");
        assertThat(refusal(write("zip.jpg", concat(jpg, MediaFixtures.zip())), PHOTO)).contains("위장 파일");
        // harmless trailing bytes are accepted with a warning
        MediaReport r = check(write("tail.jpg", concat(jpg, new byte[] {0, 1, 2, 3, 4, 5, 6, 7})), PHOTO);
        assertThat(r.warnings()).anyMatch(w -> w.contains("추가 데이터"));
    }

    @Test
    void formatsNotAllowedAreNamed() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(write("a.jpg", gif), PHOTO)).contains("GIF");
        assertThat(refusal(MediaFixtures.png(MediaFixtures.picture(3, 500, 500), "only-jpeg.png"),
                new MediaRules(Set.of(MediaFormat.JPEG), PHOTO.maxBytes(), null, null, null))).contains("PNG");
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
