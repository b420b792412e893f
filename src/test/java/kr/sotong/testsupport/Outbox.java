package kr.sotong.testsupport;

import java.util.List;
import kr.sotong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the platform's notification outbox in tests (e.g. the one-time code sent to a phone). */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    public Outbox(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public record Message(long id, String channel, String recipient, String subject, String body, String purpose,
                          String status, String lastError) {
    }

    /** All notifications to a recipient (phone digits or lower-case e-mail), oldest first. */
    public List<Message> to(String recipient) {
        return jdbc.sql("select id, channel, recipient, subject, body, purpose, status, last_error from platform_notification order by id")
                .query((rs, i) -> new Message(rs.getLong(1), rs.getString(2), cipher.decrypt(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list().stream().filter(m -> m.recipient().equals(recipient)).toList();
    }

    /** The six-digit code of the latest one-time-code message to the recipient. */
    public String lastCode(String recipient) {
        List<Message> all = to(recipient);
        for (int i = all.size() - 1; i >= 0; i--) {
            var m = java.util.regex.Pattern.compile("인증번호 (\\d{6})").matcher(all.get(i).body());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no one-time code sent to " + recipient);
    }
}
