package kr.sotong.messaging.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.messaging.SubscriberChannel;
import org.springframework.stereotype.Component;

/**
 * Turns a bulletin draft into the text every recipient gets: variables {@code #{이름}} filled, the
 * advertising prefix "(광고)" with the sender name and the free opt-out footer added, byte-exact
 * size and automatic type (SMS ≤ 90 bytes, LMS ≤ 2,000 bytes, MMS with image; 알림톡 for Kakao).
 */
@Component
public class Composer {

    public static final Pattern VARIABLE = Pattern.compile("#\\{([^{}\\s]{1,30})}");
    public static final int KAKAO_MAX_CHARS = 1000;
    public static final String UNSUBSCRIBE_PLACEHOLDER = "{수신거부링크}";

    private final MessagingProperties properties;
    private final MessagingSettings settings;

    Composer(MessagingProperties properties, MessagingSettings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    public record Input(SubscriberChannel channel, boolean advertising, String subject, String body, String variables,
                        boolean hasImage, String kakaoCode, String kakaoTemplateBody, boolean kakaoApproved) {
    }

    public record Result(String text, String subject, MessageType type, int bytes, List<String> unencodable,
                         List<String> missingVariables, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Map<String, String> parseVariables(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text == null) {
            return m;
        }
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip().replaceAll("^#\\{|}$", ""), line.substring(eq + 1).strip());
            }
        }
        return m;
    }

    public static List<String> variablesIn(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(body == null ? "" : body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    static String fill(String body, Map<String, String> values, List<String> missing) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null || v.isBlank()) {
                if (!missing.contains(m.group(1))) {
                    missing.add(m.group(1));
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public String advertisingPrefix() {
        return "(광고)" + properties.senderName() + " ";
    }

    public String advertisingFooter() {
        return "\n무료수신거부 " + (settings.optOutNumber() == null ? "" : settings.optOutNumber());
    }

    public Result compose(Input in) {
        List<String> errors = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String body = SmsText.normalise(in.body()).strip();
        String subject = in.subject() == null ? "" : in.subject().strip();
        Map<String, String> values = parseVariables(in.variables());
        if (in.channel() == SubscriberChannel.KAKAO) {
            if (in.kakaoCode() == null || in.kakaoCode().isBlank()) {
                errors.add("카카오 알림톡은 승인된 템플릿 코드를 골라야 보낼 수 있습니다.");
            } else if (in.kakaoTemplateBody() == null) {
                errors.add("등록되지 않은 알림톡 템플릿 코드입니다: " + in.kakaoCode());
            } else if (!in.kakaoApproved()) {
                errors.add("카카오 검수 승인이 나지 않은 알림톡 템플릿입니다: " + in.kakaoCode());
            } else {
                body = SmsText.normalise(in.kakaoTemplateBody()).strip();
            }
            if (in.advertising()) {
                errors.add("알림톡으로는 광고성 메시지를 보낼 수 없습니다(카카오 정책). 문자(SMS/LMS)로 보내세요.");
            }
        }
        if (body.isEmpty()) {
            errors.add("보낼 내용을 입력하세요.");
        }
        String text = fill(body, values, missing);
        if (!missing.isEmpty()) {
            errors.add("값이 없는 변수가 있습니다: " + String.join(", ", missing.stream().map(v -> "#{" + v + "}").toList()));
        }
        if (in.advertising() && in.channel() != SubscriberChannel.EMAIL) {
            if (settings.optOutNumber() == null || settings.optOutNumber().isBlank()) {
                errors.add("광고성 문자에는 무료 수신거부 번호(080)가 필요합니다: sotong.messaging.opt-out-number를 설정하세요.");
            }
            text = advertisingPrefix() + text + advertisingFooter();
        }
        if (in.channel() == SubscriberChannel.EMAIL) {
            if (subject.isEmpty()) {
                errors.add("이메일 제목을 입력하세요.");
            }
            subject = fill(subject, values, missing);
            if (in.advertising()) {
                subject = "(광고) " + subject;
            }
            text = text + "\n\n--\n" + properties.senderName() + " 소식 수신을 원하지 않으면: " + UNSUBSCRIBE_PLACEHOLDER;
            return new Result(text, subject, MessageType.EMAIL, text.length(), List.of(), missing, errors);
        }
        SmsText.Size size = SmsText.measure(text);
        if (in.channel() == SubscriberChannel.KAKAO) {
            if (text.length() > KAKAO_MAX_CHARS) {
                errors.add("알림톡은 " + KAKAO_MAX_CHARS + "자까지 보낼 수 있습니다(현재 " + text.length() + "자).");
            }
            if (SmsText.typeFor(size.bytes(), false, false) == null) {
                errors.add("알림톡 실패 시 대체 발송할 문자(LMS)가 2,000바이트를 넘습니다.");
            }
            return new Result(text, subject, MessageType.ATA, size.bytes(), size.unencodable(), missing, errors);
        }
        if (!size.sendable()) {
            errors.add("문자(SMS/LMS)로 보낼 수 없는 문자가 있습니다(이모지 등 EUC-KR 밖의 문자): " + String.join(" ", size.unencodable()));
        }
        if (SmsText.bytes(subject) > SmsText.SUBJECT_MAX_BYTES) {
            errors.add("문자 제목은 " + SmsText.SUBJECT_MAX_BYTES + "바이트까지입니다(현재 " + SmsText.bytes(subject) + "바이트).");
        }
        MessageType type = SmsText.typeFor(size.bytes(), !subject.isEmpty(), in.hasImage());
        if (type == null) {
            errors.add("문자는 " + SmsText.LMS_MAX_BYTES + "바이트까지 보낼 수 있습니다(현재 " + size.bytes() + "바이트).");
            type = MessageType.LMS;
        }
        return new Result(text, subject, type, size.bytes(), size.unencodable(), missing, errors);
    }
}
