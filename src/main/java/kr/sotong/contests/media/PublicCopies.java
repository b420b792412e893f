package kr.sotong.contests.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;

/**
 * Copies of videos and songs without metadata (title, artist, comments, location, cover art, data tracks), for
 * judges (blind) and the public gallery. Made with {@code ffmpeg -c copy} (no re-encoding); photos get theirs
 * from {@link MediaInspector}.
 */
public final class PublicCopies {

    private final ExternalTools tools;

    public PublicCopies(ExternalTools tools) {
        this.tools = tools;
    }

    /** @return the media type of the copy written to {@code out} */
    public String strip(Path original, MediaFormat format, Path out) {
        if (!tools.hasFfmpeg()) {
            throw new DomainException("contests.media.no-ffmpeg",
                    "메타데이터를 지운 공개본을 만들 도구(ffmpeg)가 서버에 없습니다. 관리자에게 ffmpeg 설치를 요청하세요.");
        }
        try {
            List<String> common = new ArrayList<>(List.of("-y", "-i", original.toAbsolutePath().toString()));
            if (format.category() == MediaFormat.Category.VIDEO) {
                common.addAll(List.of("-map", "0:V?", "-map", "0:a?"));
            } else {
                common.addAll(List.of("-map", "0:a"));
            }
            common.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-c", "copy"));
            return switch (format) {
                case MP4, MOV -> {
                    if (run(common, List.of("-movflags", "+faststart", "-f", "mp4"), out)) {
                        yield "video/mp4";
                    }
                    if (run(common, List.of("-f", "mov"), out)) {
                        yield "video/quicktime";
                    }
                    throw failed();
                }
                case WEBM -> ok(run(common, List.of("-f", "webm"), out), "video/webm");
                case MKV -> ok(run(common, List.of("-f", "matroska"), out), "video/x-matroska");
                case MP3 -> ok(run(common, List.of("-id3v2_version", "0", "-write_id3v1", "0", "-f", "mp3"), out), "audio/mpeg");
                case WAV -> ok(run(common, List.of("-bitexact", "-f", "wav"), out), "audio/wav");
                case M4A -> ok(run(common, List.of("-movflags", "+faststart", "-f", "ipod"), out), "audio/mp4");
                case FLAC -> ok(run(common, List.of("-f", "flac"), out), "audio/flac");
                default -> throw new IllegalArgumentException(format.name());
            };
        } catch (IOException e) {
            throw failed();
        }
    }

    private boolean run(List<String> common, List<String> tail, Path out) throws IOException {
        List<String> args = new ArrayList<>(common);
        args.addAll(tail);
        args.add(out.toAbsolutePath().toString());
        ExternalTools.Result r = tools.ffmpeg(args, 64 * 1024);
        return r.exitCode() == 0 && Files.exists(out) && Files.size(out) > 0;
    }

    private static String ok(boolean done, String type) {
        if (!done) {
            throw failed();
        }
        return type;
    }

    private static DomainException failed() {
        return new DomainException("contests.media.public-copy-failed", "메타데이터를 지운 공개본을 만들지 못했습니다(ffmpeg 오류).");
    }
}
