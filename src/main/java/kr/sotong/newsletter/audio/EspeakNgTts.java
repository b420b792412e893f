package kr.sotong.newsletter.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.sotong.newsletter.support.NewsletterProperties;
import kr.sotong.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Offline TTS: runs {@code espeak-ng -v ko} and returns a WAV file. */
@Component
public class EspeakNgTts implements TtsEngine {

    private final String command;
    private final String voice;
    private final int speed;
    private final long timeoutMillis;
    private volatile Availability cached;
    private volatile String version = "";

    @Autowired
    EspeakNgTts(NewsletterProperties properties) {
        this(properties.tts().espeakCommand(), properties.tts().voice(), properties.tts().speed(),
                properties.tts().timeout().toMillis());
    }

    public EspeakNgTts(String command, String voice, int speed, long timeoutMillis) {
        this.command = command;
        this.voice = voice;
        this.speed = speed;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String name() {
        return ("espeak-ng " + version).strip() + " (" + voice + ")";
    }

    @Override
    public Availability availability() {
        Availability a = cached;
        if (a == null) {
            a = probe();
            cached = a;
        }
        return a;
    }

    private Availability probe() {
        try {
            Result v = run(List.of(command, "--version"), null, 10_000);
            if (v.exit != 0) {
                return Availability.missing(missingMessage());
            }
            String out = v.output.strip();
            var m = java.util.regex.Pattern.compile("(\\d+\\.\\d+(\\.\\d+)?)").matcher(out);
            version = m.find() ? m.group(1) : "";
            Result voices = run(List.of(command, "--voices=" + voice), null, 10_000);
            boolean hasVoice = voices.output.lines().skip(1).anyMatch(l -> l.trim().split("\\s+").length > 1
                    && l.trim().split("\\s+")[1].equals(voice));
            if (!hasVoice) {
                return Availability.missing("espeak-ng에 한국어 음성(" + voice + ")이 없습니다. espeak-ng-data 패키지를 확인하거나, "
                        + "녹음한 음성 파일을 직접 올려 주세요.");
            }
            return Availability.ok("espeak-ng " + version + " 한국어 음성(" + voice + ")을 사용할 수 있습니다.");
        } catch (IOException e) {
            return Availability.missing(missingMessage());
        }
    }

    private String missingMessage() {
        return "이 서버에 음성 합성 프로그램 espeak-ng가 설치되어 있지 않습니다(" + command + "). 관리자에게 "
                + "'apt-get install espeak-ng' 설치를 요청하거나, 녹음한 음성 파일을 직접 올려 주세요.";
    }

    @Override
    public Speech synthesize(String text) {
        String clean = TtsEngine.requireText(text);
        Availability a = availability();
        if (!a.available()) {
            throw new DomainException("newsletter.tts.unavailable", a.message());
        }
        Path wav = null;
        try {
            wav = Files.createTempFile("sotong-tts-", ".wav");
            Result r = run(List.of(command, "-v", voice, "-s", Integer.toString(speed), "-w", wav.toString(), "--stdin"),
                    clean, timeoutMillis);
            byte[] audio = Files.readAllBytes(wav);
            if (r.exit != 0 || audio.length < 100) {
                throw new DomainException("newsletter.tts.failed",
                        "espeak-ng가 음성을 만들지 못했습니다(종료 코드 " + r.exit + "). 본문에 특수 문자가 많은지 확인해 주세요.");
            }
            return new Speech(audio, "audio/wav", "wav");
        } catch (IOException e) {
            throw new DomainException("newsletter.tts.failed", "espeak-ng 실행 중 오류가 났습니다: " + e.getMessage());
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // temporary file
                }
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd, String stdin, long timeoutMillis) throws IOException {
        Path out = Files.createTempFile("sotong-tts-", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            try {
                if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new DomainException("newsletter.tts.timeout", "음성 합성이 제한 시간 안에 끝나지 않았습니다. 기사를 나누어 주세요.");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
