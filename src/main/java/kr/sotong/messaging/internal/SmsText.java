package kr.sotong.messaging.internal;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Byte-exact sizing of Korean SMS/LMS text as the carriers count it, in KS X 1001 (EUC-KR): ASCII
 * letters, digits, punctuation and line breaks are 1 byte, Hangul and other KS X 1001 characters
 * 2 bytes. Limits: SMS ≤ 90 bytes, LMS ≤ 2,000 bytes (subject ≤ 40 bytes), MMS = LMS text + image.
 * <p>
 * <b>Characters outside EUC-KR.</b> Modern Hangul syllables that KS X 1001 lacks (e.g. 똠, 햏) are
 * sent in the CP949 (UHC) extension that Korean carriers accept, and count 2 bytes. Characters that
 * neither EUC-KR nor CP949 can carry (emoji, most other scripts) cannot be sent by SMS/LMS: the bulletin
 * editor lists them and refuses to schedule an SMS bulletin containing them; system notifications
 * (other modules' {@code Notification.sms}) are sent with each such character replaced by {@code ?}
 * (1 byte), which is what is counted for them. CR LF is normalised to LF (1 byte).
 */
public final class SmsText {

    public static final int SMS_MAX_BYTES = 90;
    public static final int LMS_MAX_BYTES = 2000;
    public static final int SUBJECT_MAX_BYTES = 40;

    private static final Charset CP949 = Charset.forName("x-windows-949");

    private SmsText() {
    }

    /** Size of a text: bytes as sent, and the characters that SMS/LMS cannot carry. */
    public record Size(int bytes, List<String> unencodable) {
        public boolean sendable() {
            return unencodable.isEmpty();
        }
    }

    public static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static Size measure(String text) {
        String t = normalise(text);
        CharsetEncoder cp = CP949.newEncoder();
        int bytes = 0;
        Set<String> bad = new LinkedHashSet<>();
        for (int i = 0; i < t.length(); ) {
            int cp0 = t.codePointAt(i);
            int n = Character.charCount(cp0);
            String ch = t.substring(i, i + n);
            if (cp0 < 0x80) {
                bytes += 1;
            } else if (n == 1 && cp.canEncode(ch)) {
                bytes += ch.getBytes(CP949).length;
            } else {
                bytes += 1; // replaced by '?'
                bad.add(ch);
            }
            i += n;
        }
        return new Size(bytes, List.copyOf(bad));
    }

    public static int bytes(String text) {
        return measure(text).bytes();
    }

    /** The text as it is handed to the gateway: CR LF → LF, characters outside CP949 → '?'. */
    public static String sanitise(String text) {
        String t = normalise(text);
        CharsetEncoder cp = CP949.newEncoder();
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            int n = Character.charCount(c);
            String ch = t.substring(i, i + n);
            sb.append(c < 0x80 || n == 1 && cp.canEncode(ch) ? ch : "?");
            i += n;
        }
        return sb.toString();
    }

    /** SMS when it fits 90 bytes without subject or image, LMS up to 2,000 bytes, MMS with an image. */
    public static MessageType typeFor(int bytes, boolean hasSubject, boolean hasImage) {
        if (bytes > LMS_MAX_BYTES) {
            return null;
        }
        if (hasImage) {
            return MessageType.MMS;
        }
        return bytes <= SMS_MAX_BYTES && !hasSubject ? MessageType.SMS : MessageType.LMS;
    }

    /** Cuts a text to at most {@code maxBytes} (whole characters). */
    public static String cut(String text, int maxBytes) {
        String t = sanitise(text);
        List<String> out = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < t.length(); i++) {
            int b = t.charAt(i) < 0x80 ? 1 : 2;
            if (bytes + b > maxBytes) {
                break;
            }
            bytes += b;
            out.add(String.valueOf(t.charAt(i)));
        }
        return String.join("", out);
    }
}
