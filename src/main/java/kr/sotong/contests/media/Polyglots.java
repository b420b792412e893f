package kr.sotong.contests.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Files that are two things at once (a JPEG that is also a ZIP archive or a web page): data hidden after the
 * end of the media, or a ZIP directory at the end of the file, is refused; harmless trailers are reported.
 */
final class Polyglots {

    private static final String[] MARKUP = {"<html", "<!doctype", "<script", "<?php", "<svg", "<iframe", "<?xml", "%pdf-"};

    private Polyglots() {
    }

    /** Refuses a trailer after {@code end} that is an archive, document, program or markup. */
    static void checkTrailer(Path file, long end, long size, List<String> warnings, String what) throws IOException {
        if (size <= end) {
            return;
        }
        long trailer = size - end;
        byte[] head = read(file, end, (int) Math.min(4096, trailer));
        Signature sig = Signature.of(head);
        if (sig.otherKind() != null && (sig.otherKind().contains("ZIP") || sig.otherKind().contains("PDF")
                || sig.otherKind().contains("실행"))) {
            throw polyglot(what, sig.otherKind());
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String m : MARKUP) {
            if (text.contains(m)) {
                throw polyglot(what, "웹 문서/스크립트");
            }
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            warnings.add("사진 뒤에 미리보기용 이미지가 붙어 있습니다(" + trailer + "바이트). 공개본에서는 제거됩니다.");
        } else {
            warnings.add(what + " 끝 뒤에 추가 데이터가 " + trailer + "바이트 붙어 있습니다. 공개본에서는 제거됩니다.");
        }
    }

    /** Refuses a file that ends with a valid ZIP end-of-central-directory record (a ZIP polyglot). */
    static void checkZipTail(Path file, long size, String what) throws IOException {
        int window = (int) Math.min(size, 22 + 65535);
        if (window < 22) {
            return;
        }
        byte[] tail = read(file, size - window, window);
        for (int i = tail.length - 22; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                int commentLength = (tail[i + 20] & 0xFF) | ((tail[i + 21] & 0xFF) << 8);
                if (i + 22 + commentLength == tail.length) {
                    throw polyglot(what, "ZIP 압축 파일");
                }
            }
        }
    }

    private static kr.sotong.shared.DomainException polyglot(String what, String other) {
        return Rejections.reject("polyglot",
                "이 파일은 " + what + "이면서 동시에 " + other + "이기도 한 위장 파일입니다. 원본 " + what + " 파일을 올려 주세요.");
    }

    static byte[] read(Path file, long offset, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(length);
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
            byte[] out = new byte[buf.position()];
            buf.flip();
            buf.get(out);
            return out;
        }
    }
}
