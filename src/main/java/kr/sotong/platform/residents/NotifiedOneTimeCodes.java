package kr.sotong.platform.residents;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class NotifiedOneTimeCodes implements OneTimeCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_PER_HOUR = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Notifications notifications;
    private final Clock clock;

    NotifiedOneTimeCodes(JdbcClient jdbc, PersonalDataCipher cipher, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.notifications = notifications;
        this.clock = clock;
    }

    private record Destination(String value, Notification.Channel channel, String masked) {
    }

    private static Destination destination(String raw) {
        if (raw != null && raw.contains("@")) {
            String e = EmailAddress.normalise(raw);
            return new Destination(e, Notification.Channel.EMAIL, Masking.email(e));
        }
        PhoneNumber p = PhoneNumber.parse(raw);
        if (!p.isMobile()) {
            throw new DomainException("otp.phone.not-mobile", "인증번호는 휴대전화 번호로만 받을 수 있습니다.");
        }
        return new Destination(p.digits(), Notification.Channel.SMS, p.masked());
    }

    @Override
    @Transactional
    public Issued issue(String purpose, String rawDestination) {
        Destination d = destination(rawDestination);
        String destHash = cipher.lookupHash(d.value());
        Instant now = clock.instant();
        long recent = jdbc.sql("""
                        select count(*) from platform_one_time_code
                         where purpose = :p and destination_hash = :d and created_at > :since""")
                .param("p", purpose).param("d", destHash).param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
                .query(Long.class).single();
        if (recent >= MAX_PER_HOUR) {
            throw DomainException.rateLimited("인증번호 요청이 너무 많습니다. 1시간 뒤 다시 시도해 주세요.");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expires = now.plus(LIFETIME);
        jdbc.sql("""
                        insert into platform_one_time_code (purpose, destination_hash, code_hash, created_at, expires_at)
                        values (:p, :d, :c, :now, :exp)""")
                .param("p", purpose).param("d", destHash).param("c", codeHash(purpose, d.value(), code))
                .param("now", Timestamp.from(now)).param("exp", Timestamp.from(expires)).update();
        String text = "[금천구 소통] 인증번호 " + code + " (10분 안에 입력하세요)";
        Notification n = d.channel() == Notification.Channel.EMAIL
                ? Notification.email(d.value(), "[금천구] 인증번호 안내", text + "\n\n본인이 요청하지 않았다면 이 메일을 무시하세요.", "otp." + purpose)
                : Notification.sms(d.value(), text, "otp." + purpose);
        notifications.send(n);
        return new Issued(d.masked(), expires);
    }

    @Override
    @Transactional(noRollbackFor = DomainException.class)
    public void verify(String purpose, String rawDestination, String code) {
        Destination d = destination(rawDestination);
        String destHash = cipher.lookupHash(d.value());
        Instant now = clock.instant();
        var row = jdbc.sql("""
                        select id, code_hash, expires_at, attempts, consumed_at from platform_one_time_code
                         where purpose = :p and destination_hash = :d order by created_at desc, id desc limit 1 for update""")
                .param("p", purpose).param("d", destHash)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                        rs.getTimestamp(5)})
                .optional()
                .orElseThrow(() -> new DomainException("otp.none", "인증번호를 먼저 요청해 주세요."));
        long id = (Long) row[0];
        if (row[4] != null) {
            throw new DomainException("otp.used", "이미 사용한 인증번호입니다. 새 인증번호를 요청해 주세요.");
        }
        if (((Instant) row[2]).isBefore(now)) {
            throw new DomainException("otp.expired", "인증번호 입력 시간(10분)이 지났습니다. 새 인증번호를 요청해 주세요.");
        }
        if ((Integer) row[3] >= MAX_ATTEMPTS) {
            throw new DomainException("otp.too-many", "인증번호를 5번 잘못 입력했습니다. 새 인증번호를 요청해 주세요.");
        }
        String clean = code == null ? "" : code.replaceAll("\\s", "");
        if (!codeHash(purpose, d.value(), clean).equals(row[1])) {
            jdbc.sql("update platform_one_time_code set attempts = attempts + 1 where id = :id").param("id", id).update();
            throw new DomainException("otp.wrong", "인증번호가 맞지 않습니다. 다시 확인해 주세요.");
        }
        jdbc.sql("update platform_one_time_code set consumed_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    private String codeHash(String purpose, String destination, String code) {
        return cipher.lookupHash("otp|" + purpose + "|" + destination + "|" + code);
    }
}
