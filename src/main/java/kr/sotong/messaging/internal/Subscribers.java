package kr.sotong.messaging.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribers and their consent: double opt-in with a one-time code, consent records for every grant
 * and withdrawal, opt-out by link, reply keyword or 080 list (all three end on the suppression list),
 * advertising consent re-confirmed every two years, bulk import with consent evidence.
 */
@Service
public class Subscribers {

    public static final String OTP_PURPOSE = "messaging.subscribe";
    public static final String WORDING_VERSION = "2025-01";
    /** 정보통신망법 제50조 제8항: 광고성 정보 수신동의 여부를 2년마다 확인. */
    public static final Duration ADVERTISING_VALIDITY = Duration.ofDays(730);
    public static final Duration RECONFIRM_NOTICE = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PersonalDataCipher cipher;
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final String baseUrl;

    Subscribers(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, OneTimeCodes codes,
                Notifications notifications, AuditLog audit, Clock clock, @Value("${sotong.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
        this.codes = codes;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public record SubscriberView(long id, SubscriberChannel channel, String masked, String status, String source,
                                 boolean advertising, Instant advertisingConfirmedAt, boolean night, Instant createdAt,
                                 Instant confirmedAt, Instant optedOutAt, String optOutReason) {
        public String statusLabel() {
            return switch (status) {
                case "PENDING" -> "인증 대기";
                case "ACTIVE" -> "구독 중";
                default -> "수신 거부";
            };
        }
    }

    public record ConsentView(String purpose, boolean granted, String wordingVersion, Instant at, String source,
                              String evidence) {
        public String purposeLabel() {
            return switch (purpose) {
                case "INFORMATION" -> "구정 소식(정보성)";
                case "ADVERTISING" -> "광고성 정보";
                default -> "야간(21~08시) 광고성 정보";
            };
        }
    }

    static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String hash(Contact c) {
        return cipher.lookupHash(c.value());
    }

    // ---------------- double opt-in ----------------

    /** Step 1: records the request (pending) and sends a one-time code to the phone or e-mail. */
    @Transactional
    public OneTimeCodes.Issued requestSubscription(SubscriberChannel channel, String rawContact, boolean advertising,
                                                    boolean night) {
        Contact c = Contact.of(channel, rawContact);
        if (night && !advertising) {
            throw new DomainException("messaging.night.needs-ad", "야간 광고 수신은 광고성 정보 수신에 동의한 경우에만 고를 수 있습니다.");
        }
        String h = hash(c);
        Optional<String> status = jdbc.sql("select status from messaging_subscriber where channel = :ch and contact_hash = :h")
                .param("ch", channel.name()).param("h", h).query(String.class).optional();
        Instant now = clock.instant();
        if (status.isPresent() && status.get().equals("ACTIVE")) {
            throw DomainException.conflict("messaging.already", "이미 " + channel.label() + " 소식을 받고 있습니다.");
        }
        if (status.isEmpty()) {
            jdbc.sql("""
                            insert into messaging_subscriber (channel, contact, contact_hash, contact_masked, status, source,
                                                              advertising, night, token, created_at)
                            values (:ch, :c, :h, :m, 'PENDING', 'WEB', :ad, :night, :t, :now)""")
                    .param("ch", channel.name()).param("c", cipher.encrypt(c.value())).param("h", h).param("m", c.masked())
                    .param("ad", advertising).param("night", night).param("t", newToken()).param("now", Timestamp.from(now))
                    .update();
        } else {
            jdbc.sql("update messaging_subscriber set advertising = :ad, night = :night where channel = :ch and contact_hash = :h")
                    .param("ad", advertising).param("night", night).param("ch", channel.name()).param("h", h).update();
        }
        return codes.issue(OTP_PURPOSE, c.value());
    }

    /** Step 2: the code proves the resident holds the number/address; the subscription becomes active. */
    @Transactional
    public SubscriberView confirm(SubscriberChannel channel, String rawContact, String code) {
        Contact c = Contact.of(channel, rawContact);
        String h = hash(c);
        var row = jdbc.sql("select id, status, advertising, night from messaging_subscriber where channel = :ch and contact_hash = :h for update")
                .param("ch", channel.name()).param("h", h)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)})
                .optional().orElseThrow(() -> new DomainException("messaging.confirm.none", "먼저 구독 신청을 하고 인증번호를 받아 주세요."));
        if ("ACTIVE".equals(row[1])) {
            throw DomainException.conflict("messaging.already", "이미 " + channel.label() + " 소식을 받고 있습니다.");
        }
        codes.verify(OTP_PURPOSE, c.value(), code);
        long id = (Long) row[0];
        boolean ad = (Boolean) row[2];
        boolean night = (Boolean) row[3];
        Instant now = clock.instant();
        jdbc.sql("""
                        update messaging_subscriber set status = 'ACTIVE', confirmed_at = :now, opted_out_at = null,
                               opt_out_reason = null, advertising_confirmed_at = :adAt, version = version + 1 where id = :id""")
                .param("now", Timestamp.from(now)).param("adAt", ad ? Timestamp.from(now) : null).param("id", id).update();
        String evidence = "웹 구독 신청, 인증번호 확인(" + c.masked() + ")";
        consent(id, "INFORMATION", true, WORDING_VERSION, now, "WEB", evidence);
        if (ad) {
            consent(id, "ADVERTISING", true, WORDING_VERSION, now, "WEB", evidence);
        }
        if (night) {
            consent(id, "NIGHT_ADVERTISING", true, WORDING_VERSION, now, "WEB", evidence);
        }
        jdbc.sql("delete from messaging_suppression where contact_hash = :h and channel in (:ch, 'ALL')")
                .param("h", h).param("ch", channel.name()).update();
        audit.recordAs("resident:" + c.masked(), "messaging.subscribe", "Subscriber", id,
                channel.label() + " 구독 (광고 " + (ad ? "동의" : "미동의") + ", 야간 " + (night ? "동의" : "미동의") + ")");
        return view(id).orElseThrow();
    }

    private void consent(long subscriberId, String purpose, boolean granted, String wording, Instant at, String source,
                         String evidence) {
        jdbc.sql("""
                        insert into messaging_consent (subscriber_id, purpose, granted, wording_version, at, source, evidence)
                        values (:s, :p, :g, :w, :at, :src, :e)""")
                .param("s", subscriberId).param("p", purpose).param("g", granted).param("w", wording)
                .param("at", Timestamp.from(at)).param("src", source)
                .param("e", evidence == null ? null : evidence.length() > 500 ? evidence.substring(0, 500) : evidence).update();
    }

    // ---------------- opt-out ----------------

    public Optional<SubscriberView> byToken(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return jdbc.sql("select id from messaging_subscriber where token = :t").param("t", token).query(Long.class)
                .optional().flatMap(this::view);
    }

    /** Opt-out by the link in a message (one click). Idempotent. */
    @Transactional
    public SubscriberView optOutByToken(String token) {
        SubscriberView s = byToken(token).orElseThrow(() -> DomainException.notFound("구독 정보", "링크"));
        String h = jdbc.sql("select contact_hash from messaging_subscriber where id = :id").param("id", s.id())
                .query(String.class).single();
        optOut(List.of(s.id()), h, s.channel().name(), "LINK", "수신거부 링크");
        return view(s.id()).orElseThrow();
    }

    /**
     * Opt-out of every subscription of a number or address (reply keyword, 080 list, staff). The contact
     * goes on the suppression list even when it has no subscription, so an old list cannot re-add it.
     * @return number of subscriptions ended
     */
    @Transactional
    public int optOutContact(String rawContact, String source, String evidence) {
        String value;
        if (rawContact != null && rawContact.contains("@")) {
            value = Contact.of(SubscriberChannel.EMAIL, rawContact).value();
        } else {
            value = kr.sotong.shared.PhoneNumber.parse(rawContact).digits();
        }
        String h = cipher.lookupHash(value);
        List<Long> ids = jdbc.sql("select id from messaging_subscriber where contact_hash = :h and status <> 'OPTED_OUT'")
                .param("h", h).query(Long.class).list();
        optOut(ids, h, "ALL", source, evidence);
        return ids.size();
    }

    private void optOut(List<Long> ids, String hash, String suppressionChannel, String source, String evidence) {
        Instant now = clock.instant();
        for (long id : ids) {
            int changed = jdbc.sql("""
                            update messaging_subscriber set status = 'OPTED_OUT', opted_out_at = :now, opt_out_reason = :r,
                                   version = version + 1 where id = :id and status <> 'OPTED_OUT'""")
                    .param("now", Timestamp.from(now)).param("r", source).param("id", id).update();
            if (changed > 0) {
                consent(id, "INFORMATION", false, WORDING_VERSION, now, source, evidence);
                consent(id, "ADVERTISING", false, WORDING_VERSION, now, source, evidence);
            }
        }
        jdbc.sql("""
                        insert into messaging_suppression (contact_hash, channel, reason, at) values (:h, :ch, :r, :now)
                        on conflict (contact_hash, channel) do nothing""")
                .param("h", hash).param("ch", suppressionChannel).param("r", source).param("now", Timestamp.from(now)).update();
        if (!ids.isEmpty()) {
            audit.record("messaging.opt-out", "Subscriber", ids.size() == 1 ? ids.get(0) : ids.toString(),
                    "수신 거부 (" + source + ", " + ids.size() + "건)");
        }
    }

    public record OptOutListResult(int lines, int optedOut, int suppressedOnly, List<String> errors) {
    }

    /** Numbers that called the free 080 opt-out line (one per line or CSV first column). All or nothing. */
    @Transactional
    public OptOutListResult importOptOutList(byte[] csv) {
        List<CsvRows.Row> rows = CsvRows.read(csv);
        List<String> errors = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (CsvRows.Row r : rows) {
            String v = r.get(0);
            if (r.line() == 1 && !v.isEmpty() && !Character.isDigit(v.charAt(0)) && !v.startsWith("+")) {
                continue; // header
            }
            var p = kr.sotong.shared.PhoneNumber.tryParse(v);
            if (!p.valid()) {
                errors.add(r.line() + "행: " + p.reason());
            } else {
                numbers.add(p.number().digits());
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException("messaging.optout-list.errors", "080 수신거부 목록에 잘못된 행이 있어 아무것도 반영하지 않았습니다: "
                    + String.join("; ", errors.subList(0, Math.min(10, errors.size()))) + (errors.size() > 10 ? " 외 " + (errors.size() - 10) + "건" : ""));
        }
        int ended = 0;
        int only = 0;
        for (String n : new java.util.LinkedHashSet<>(numbers)) {
            int e = optOutContact(n, "LIST_080", "080 수신거부 목록");
            ended += e;
            if (e == 0) {
                only++;
            }
        }
        return new OptOutListResult(numbers.size(), ended, only, List.of());
    }

    /** Reply keywords that end a subscription (MO message to the sender number). */
    public static boolean isOptOutKeyword(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return t.equals("수신거부") || t.equals("거부") || t.equals("구독취소") || t.equals("해지") || t.equals("STOP")
                || t.equals("080수신거부") || t.startsWith("수신거부");
    }

    // ---------------- advertising re-confirmation (every 2 years) ----------------

    /** Confirms advertising consent again (link in the 2-year notice). */
    @Transactional
    public SubscriberView reconfirmAdvertising(String token, boolean keep) {
        SubscriberView s = byToken(token).orElseThrow(() -> DomainException.notFound("구독 정보", "링크"));
        if (!"ACTIVE".equals(s.status())) {
            throw new DomainException("messaging.reconfirm.inactive", "구독 중이 아니어서 광고 수신 동의를 확인할 수 없습니다.");
        }
        Instant now = clock.instant();
        if (keep) {
            jdbc.sql("update messaging_subscriber set advertising = true, advertising_confirmed_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", s.id()).update();
        } else {
            jdbc.sql("update messaging_subscriber set advertising = false, night = false where id = :id").param("id", s.id()).update();
            consent(s.id(), "NIGHT_ADVERTISING", false, WORDING_VERSION, now, "RECONFIRM", "2년 주기 확인에서 철회");
        }
        consent(s.id(), "ADVERTISING", keep, WORDING_VERSION, now, "RECONFIRM", "2년 주기 수신동의 확인");
        audit.recordAs("resident:" + s.masked(), "messaging.ad-reconfirm", "Subscriber", s.id(), keep ? "광고 수신 동의 유지" : "광고 수신 동의 철회");
        return view(s.id()).orElseThrow();
    }

    /** Sends the 2-year re-confirmation notice to advertising consents that expire within 30 days. */
    @Transactional
    public int sendReconfirmationNotices() {
        Instant now = clock.instant();
        Instant threshold = now.minus(ADVERTISING_VALIDITY).plus(RECONFIRM_NOTICE);
        var due = jdbc.sql("""
                        select id, channel, contact, token, advertising_confirmed_at from messaging_subscriber
                         where status = 'ACTIVE' and advertising and advertising_confirmed_at < :t
                           and (reconfirm_sent_at is null or reconfirm_sent_at < advertising_confirmed_at)
                         order by id limit 1000""")
                .param("t", Timestamp.from(threshold))
                .query((rs, i) -> new Object[] {rs.getLong(1), SubscriberChannel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()})
                .list();
        for (Object[] r : due) {
            long id = (Long) r[0];
            SubscriberChannel ch = (SubscriberChannel) r[1];
            String contact = cipher.decrypt((String) r[2]);
            String link = baseUrl + "/subscribe/reconfirm/" + r[3];
            LocalDate until = ((Instant) r[4]).plus(ADVERTISING_VALIDITY).atZone(clock.getZone()).toLocalDate();
            String text = "[금천구] 광고성 정보 수신동의 확인 안내: " + until + "까지 다시 동의하지 않으면 광고성 소식 발송이 중단됩니다. 확인 " + link;
            Notification n = ch == SubscriberChannel.EMAIL
                    ? Notification.email(contact, "[금천구] 광고성 정보 수신동의 확인(2년 주기)", text, "messaging.reconfirm")
                    : Notification.sms(contact, text, "messaging.reconfirm");
            notifications.send(n.withIdempotencyKey("messaging-reconfirm-" + id + "-" + ((Instant) r[4]).getEpochSecond()));
            jdbc.sql("update messaging_subscriber set reconfirm_sent_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", id).update();
        }
        if (!due.isEmpty()) {
            audit.recordAs("scheduler", "messaging.reconfirm-notices", "Subscriber", null, due.size() + "명에게 2년 주기 광고 수신동의 확인 안내");
        }
        return due.size();
    }

    // ---------------- staff views ----------------

    private static final String VIEW_COLUMNS = """
            id, channel, contact_masked, status, source, advertising, advertising_confirmed_at, night, created_at,
            confirmed_at, opted_out_at, opt_out_reason""";

    private static SubscriberView map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SubscriberView(rs.getLong(1), SubscriberChannel.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), instant(rs.getTimestamp(7)), rs.getBoolean(8),
                instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getString(12));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public Optional<SubscriberView> view(long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from messaging_subscriber where id = :id").param("id", id)
                .query((rs, i) -> map(rs)).optional();
    }

    /** Newest first, masked. */
    public List<SubscriberView> list(SubscriberChannel channel, String status, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + VIEW_COLUMNS + " from messaging_subscriber where 1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (channel != null) {
            sql.append(" and channel = :ch");
            p.put("ch", channel.name());
        }
        if (status != null && !status.isBlank()) {
            sql.append(" and status = :st");
            p.put("st", status);
        }
        sql.append(" order by id desc limit :lim offset :off");
        p.put("lim", limit);
        p.put("off", offset);
        return jdbc.sql(sql.toString()).params(p).query((rs, i) -> map(rs)).list();
    }

    /** Finds subscriptions of a phone number or e-mail by its keyed hash; the look-up is access-logged. */
    public List<SubscriberView> find(String rawContact) {
        String value;
        if (rawContact != null && rawContact.contains("@")) {
            value = Contact.of(SubscriberChannel.EMAIL, rawContact).value();
        } else {
            value = kr.sotong.shared.PhoneNumber.parse(rawContact).digits();
        }
        List<SubscriberView> found = jdbc.sql("select " + VIEW_COLUMNS + " from messaging_subscriber where contact_hash = :h order by id")
                .param("h", cipher.lookupHash(value)).query((rs, i) -> map(rs)).list();
        audit.recordAccess("Subscriber", found.isEmpty() ? "none" : found.stream().map(s -> Long.toString(s.id())).reduce((a, b) -> a + "," + b).get(),
                "구독자 검색(연락처)");
        return found;
    }

    public List<ConsentView> consents(long subscriberId) {
        audit.recordAccess("Subscriber", subscriberId, "수신 동의 이력 열람");
        return jdbc.sql("select purpose, granted, wording_version, at, source, evidence from messaging_consent where subscriber_id = :s order by at, id")
                .param("s", subscriberId)
                .query((rs, i) -> new ConsentView(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getString(6))).list();
    }

    public Map<SubscriberChannel, Long> activeCounts() {
        Map<SubscriberChannel, Long> m = new LinkedHashMap<>();
        for (SubscriberChannel c : SubscriberChannel.values()) {
            m.put(c, 0L);
        }
        jdbc.sql("select channel, count(*) from messaging_subscriber where status = 'ACTIVE' group by channel")
                .query(rs -> {
                    m.put(SubscriberChannel.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return m;
    }

    public long suppressionCount() {
        return jdbc.sql("select count(*) from messaging_suppression").query(Long.class).single();
    }

    // ---------------- bulk import ----------------

    public record ImportRow(long line, Contact contact, Instant consentAt, String wording, String source,
                            boolean advertising, Instant advertisingAt, boolean night) {
    }

    public record ImportReport(int rows, int imported, int alreadySubscribed, int suppressed, List<String> errors,
                               boolean applied) {
    }

    private static final DateTimeFormatter[] DATE_TIMES = {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm"), DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")};
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ofPattern("yyyy-MM-dd"),
            DateTimeFormatter.ofPattern("yyyy.MM.dd"), DateTimeFormatter.ofPattern("yyyy/MM/dd"),
            DateTimeFormatter.ofPattern("yyyyMMdd")};

    Instant parseTime(String s) {
        String v = s.strip();
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        v = v.replaceAll("\\.\\s+", ".");
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(v, f).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v, f).atTime(LocalTime.MIDNIGHT).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return null;
    }

    static SubscriberChannel channelOf(String s) {
        String v = s.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "SMS", "문자", "문자알림", "문자 알림" -> SubscriberChannel.SMS;
            case "KAKAO", "카카오", "카카오톡", "알림톡" -> SubscriberChannel.KAKAO;
            case "EMAIL", "E-MAIL", "이메일", "메일" -> SubscriberChannel.EMAIL;
            default -> null;
        };
    }

    static Boolean yesNo(String s) {
        String v = s.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("N") || v.equals("NO") || v.equals("아니오") || v.equals("미동의") || v.equals("0") || v.equals("FALSE")) {
            return false;
        }
        if (v.equals("Y") || v.equals("YES") || v.equals("예") || v.equals("동의") || v.equals("1") || v.equals("TRUE")) {
            return true;
        }
        return null;
    }

    /** Parses and checks an import file; nothing is written. */
    public List<ImportRow> parseImport(byte[] csv, List<String> errors) {
        List<CsvRows.Row> rows = CsvRows.read(csv);
        List<String> header = rows.get(0).fields();
        int cContact = CsvRows.column(header, "연락처", "휴대전화", "전화번호", "이메일", "contact", "phone", "email");
        int cChannel = CsvRows.column(header, "채널", "구분", "channel");
        int cAt = CsvRows.column(header, "동의일시", "동의일", "consent_at", "consented_at");
        int cWording = CsvRows.column(header, "동의문구버전", "문구버전", "wording_version");
        int cSource = CsvRows.column(header, "동의경로", "수집경로", "source");
        int cAd = CsvRows.column(header, "광고동의", "광고성수신동의", "advertising");
        int cAdAt = CsvRows.column(header, "광고동의일시", "advertising_at");
        int cNight = CsvRows.column(header, "야간동의", "야간광고동의", "night");
        List<String> missing = new ArrayList<>();
        if (cContact < 0) missing.add("연락처");
        if (cChannel < 0) missing.add("채널");
        if (cAt < 0) missing.add("동의일시");
        if (cWording < 0) missing.add("동의문구버전");
        if (cSource < 0) missing.add("동의경로");
        if (!missing.isEmpty()) {
            throw new DomainException("messaging.import.header", "첫 행(머리글)에 필수 열이 없습니다: " + String.join(", ", missing)
                    + ". 필수: 연락처, 채널, 동의일시, 동의문구버전, 동의경로 (선택: 광고동의, 광고동의일시, 야간동의)");
        }
        List<ImportRow> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant now = clock.instant();
        for (CsvRows.Row r : rows.subList(1, rows.size())) {
            String where = r.line() + "행: ";
            SubscriberChannel ch = channelOf(r.get(cChannel));
            if (ch == null) {
                errors.add(where + "채널은 문자/카카오톡/이메일(SMS/KAKAO/EMAIL) 중 하나여야 합니다: '" + r.get(cChannel) + "'");
                continue;
            }
            Contact c;
            try {
                c = Contact.of(ch, r.get(cContact));
            } catch (DomainException e) {
                errors.add(where + e.getMessage());
                continue;
            }
            Instant at = parseTime(r.get(cAt));
            if (at == null || at.isAfter(now)) {
                errors.add(where + "동의일시가 없거나 형식이 틀렸거나 미래입니다(예: 2024-03-05 14:30): '" + r.get(cAt) + "'");
                continue;
            }
            String wording = r.get(cWording);
            String source = r.get(cSource);
            if (wording.isEmpty() || wording.length() > 40 || source.isEmpty() || source.length() > 40) {
                errors.add(where + "동의문구버전과 동의경로는 1~40자로 입력해야 합니다(동의 증빙).");
                continue;
            }
            Boolean ad = cAd < 0 ? Boolean.FALSE : yesNo(r.get(cAd));
            Boolean night = cNight < 0 ? Boolean.FALSE : yesNo(r.get(cNight));
            if (ad == null || night == null) {
                errors.add(where + "광고동의·야간동의는 Y 또는 N으로 입력하세요.");
                continue;
            }
            if (night && !ad) {
                errors.add(where + "야간동의는 광고동의가 Y인 경우에만 Y일 수 있습니다.");
                continue;
            }
            Instant adAt = null;
            if (ad) {
                adAt = cAdAt >= 0 && !r.get(cAdAt).isEmpty() ? parseTime(r.get(cAdAt)) : at;
                if (adAt == null) {
                    errors.add(where + "광고동의일시 형식이 틀렸습니다: '" + r.get(cAdAt) + "'");
                    continue;
                }
            }
            if (!seen.add(ch + "|" + c.value())) {
                errors.add(where + "파일 안에서 중복된 연락처입니다(" + c.masked() + ", " + ch.label() + ").");
                continue;
            }
            out.add(new ImportRow(r.line(), c, at, wording, source, ad, adAt, night));
        }
        if (out.isEmpty() && errors.isEmpty()) {
            errors.add("가져올 행이 없습니다(머리글만 있음).");
        }
        return out;
    }

    /**
     * Imports an existing list with its consent evidence. With {@code apply=false} only checks (preview);
     * with {@code apply=true} imports every row or — when any row is broken — nothing. Numbers on the
     * suppression list and existing subscriptions are skipped and counted.
     */
    @Transactional
    public ImportReport importList(byte[] csv, boolean apply) {
        List<String> errors = new ArrayList<>();
        List<ImportRow> rows = parseImport(csv, errors);
        if (!errors.isEmpty()) {
            return new ImportReport(rows.size() + errors.size(), 0, 0, 0, errors, false);
        }
        Set<String> suppressed = new HashSet<>(jdbc.sql("select contact_hash || '|' || channel from messaging_suppression")
                .query(String.class).list());
        Set<String> existing = new HashSet<>(jdbc.sql("select contact_hash || '|' || channel from messaging_subscriber")
                .query(String.class).list());
        List<Object[]> subs = new ArrayList<>();
        List<ImportRow> accepted = new ArrayList<>();
        int already = 0;
        int supp = 0;
        Instant now = clock.instant();
        for (ImportRow r : rows) {
            String h = hash(r.contact());
            if (suppressed.contains(h + "|" + r.contact().channel()) || suppressed.contains(h + "|ALL")) {
                supp++;
                continue;
            }
            if (existing.contains(h + "|" + r.contact().channel())) {
                already++;
                continue;
            }
            accepted.add(r);
            subs.add(new Object[] {r.contact().channel().name(), cipher.encrypt(r.contact().value()), h, r.contact().masked(),
                    r.advertising(), r.advertisingAt() == null ? null : Timestamp.from(r.advertisingAt()), r.night(), newToken(),
                    Timestamp.from(now), Timestamp.from(r.consentAt())});
        }
        if (!apply) {
            return new ImportReport(rows.size(), accepted.size(), already, supp, List.of(), false);
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < subs.size(); i += 1000) {
            List<Object[]> chunk = subs.subList(i, Math.min(subs.size(), i + 1000));
            StringBuilder sql = new StringBuilder("""
                    insert into messaging_subscriber (channel, contact, contact_hash, contact_masked, status, source, advertising,
                           advertising_confirmed_at, night, token, created_at, confirmed_at) values """);
            for (int j = 0; j < chunk.size(); j++) {
                sql.append(j == 0 ? "" : ",").append("(?, ?, ?, ?, 'ACTIVE', 'IMPORT', ?, ?, ?, ?, ?, ?)");
            }
            sql.append(" returning id");
            ids.addAll(template.queryForList(sql.toString(), Long.class, flatten(chunk)));
        }
        List<Object[]> consents = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            ImportRow r = accepted.get(i);
            long id = ids.get(i);
            String ev = "일괄 가져오기 " + r.line() + "행 (" + r.source() + ")";
            consents.add(new Object[] {id, "INFORMATION", true, r.wording(), Timestamp.from(r.consentAt()), "IMPORT", ev});
            if (r.advertising()) {
                consents.add(new Object[] {id, "ADVERTISING", true, r.wording(), Timestamp.from(r.advertisingAt()), "IMPORT", ev});
            }
            if (r.night()) {
                consents.add(new Object[] {id, "NIGHT_ADVERTISING", true, r.wording(), Timestamp.from(r.advertisingAt()), "IMPORT", ev});
            }
        }
        template.batchUpdate("insert into messaging_consent (subscriber_id, purpose, granted, wording_version, at, source, evidence) values (?, ?, ?, ?, ?, ?, ?)",
                consents, 1000, (ps, row) -> {
                    for (int k = 0; k < row.length; k++) {
                        ps.setObject(k + 1, row[k]);
                    }
                });
        audit.record("messaging.import", "Subscriber", null, "구독자 일괄 가져오기: " + accepted.size() + "명 (이미 구독 " + already
                + ", 수신거부 목록 " + supp + ")");
        return new ImportReport(rows.size(), accepted.size(), already, supp, List.of(), true);
    }

    private static Object[] flatten(List<Object[]> rows) {
        List<Object> all = new ArrayList<>();
        for (Object[] r : rows) {
            all.addAll(java.util.Arrays.asList(r));
        }
        return all.toArray();
    }

    /** Decrypted contact of one subscriber (for sending through {@link Notifications}); access-logged. */
    public Optional<Contact> contactForSending(long subscriberId, String purpose) {
        var row = jdbc.sql("select channel, contact, contact_masked, status from messaging_subscriber where id = :id")
                .param("id", subscriberId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).optional();
        if (row.isEmpty() || !"ACTIVE".equals(row.get()[3])) {
            return Optional.empty();
        }
        audit.recordAccess("Subscriber", subscriberId, purpose);
        return Optional.of(new Contact(SubscriberChannel.valueOf(row.get()[0]), cipher.decrypt(row.get()[1]), row.get()[2]));
    }

    /** True when the number/address opted out (suppression list) for the channel or all channels. */
    public boolean suppressed(String normalisedContact, SubscriberChannel channel) {
        return jdbc.sql("select count(*) from messaging_suppression where contact_hash = :h and channel in (:ch, 'ALL')")
                .param("h", cipher.lookupHash(normalisedContact)).param("ch", channel.name()).query(Long.class).single() > 0;
    }
}
