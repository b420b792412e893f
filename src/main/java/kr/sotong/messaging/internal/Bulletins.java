package kr.sotong.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulletins (정기 발송), Kakao/text templates and the weekly schedule: compose, schedule, start (one
 * delivery row per recipient, in one transaction), cancel, retry failures, report.
 */
@Service
public class Bulletins {

    private final JdbcClient jdbc;
    private final Composer composer;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final FileStore files;
    private final Clock clock;
    private final DeliveryEngine engine;

    Bulletins(JdbcClient jdbc, Composer composer, AuditLog audit, StaffDirectory staff, FileStore files, Clock clock,
              DeliveryEngine engine) {
        this.jdbc = jdbc;
        this.composer = composer;
        this.audit = audit;
        this.staff = staff;
        this.files = files;
        this.clock = clock;
        this.engine = engine;
    }

    // ---------------- templates ----------------

    public record Template(long id, String name, SubscriberChannel channel, String kakaoCode, String subject, String body,
                           boolean approved) {
        public List<String> variables() {
            return Composer.variablesIn(body);
        }
    }

    public List<Template> templates() {
        return jdbc.sql("select id, name, channel, kakao_code, subject, body, approved from messaging_template order by channel, name")
                .query((rs, i) -> new Template(rs.getLong(1), rs.getString(2), SubscriberChannel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7))).list();
    }

    public Optional<Template> template(long id) {
        return templates().stream().filter(t -> t.id() == id).findFirst();
    }

    public Optional<Template> kakaoTemplate(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return templates().stream().filter(t -> code.strip().equals(t.kakaoCode())).findFirst();
    }

    @Transactional
    public long saveTemplate(Long id, String name, SubscriberChannel channel, String kakaoCode, String subject, String body,
                             boolean approved) {
        String n = Texts.required("템플릿 이름", name, 100);
        String b = Texts.required("내용", body, 4000);
        if (channel == null) {
            throw new DomainException("messaging.template.channel", "채널을 고르세요.");
        }
        String code = kakaoCode == null || kakaoCode.isBlank() ? null : kakaoCode.strip();
        if (channel == SubscriberChannel.KAKAO && code == null) {
            throw new DomainException("messaging.template.kakao-code", "알림톡 템플릿은 카카오에 등록한 템플릿 코드가 있어야 합니다.");
        }
        if (code != null && !code.matches("[A-Za-z0-9_-]{1,60}")) {
            throw new DomainException("messaging.template.kakao-code-format", "템플릿 코드는 영문·숫자·-·_ 60자 이내입니다.");
        }
        if (channel == SubscriberChannel.KAKAO && b.length() > Composer.KAKAO_MAX_CHARS) {
            throw new DomainException("messaging.template.kakao-length", "알림톡 템플릿은 1,000자 이내입니다.");
        }
        Long clash = code == null ? null : jdbc.sql("select id from messaging_template where kakao_code = :c").param("c", code)
                .query(Long.class).optional().orElse(null);
        if (clash != null && !clash.equals(id)) {
            throw DomainException.conflict("messaging.template.code-taken", "이미 등록된 템플릿 코드입니다: " + code);
        }
        long saved;
        if (id == null) {
            saved = jdbc.sql("""
                            insert into messaging_template (name, channel, kakao_code, subject, body, approved, created_at)
                            values (:n, :ch, :c, :s, :b, :a, :now) returning id""")
                    .param("n", n).param("ch", channel.name()).param("c", channel == SubscriberChannel.KAKAO ? code : null)
                    .param("s", subject).param("b", b).param("a", approved).param("now", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        } else {
            int u = jdbc.sql("""
                            update messaging_template set name = :n, channel = :ch, kakao_code = :c, subject = :s, body = :b,
                                   approved = :a, version = version + 1 where id = :id""")
                    .param("n", n).param("ch", channel.name()).param("c", channel == SubscriberChannel.KAKAO ? code : null)
                    .param("s", subject).param("b", b).param("a", approved).param("id", id).update();
            if (u == 0) {
                throw DomainException.notFound("템플릿", id);
            }
            saved = id;
        }
        audit.record("messaging.template.save", "MessageTemplate", saved, n + (approved ? " (승인)" : ""));
        return saved;
    }

    // ---------------- weekly schedule ----------------

    public record Slot(SubscriberChannel channel, DayOfWeek day, LocalTime time, boolean enabled) {
        public String label() {
            String[] days = {"월", "화", "수", "목", "금", "토", "일"};
            return "매주 " + days[day.getValue() - 1] + "요일 " + time;
        }
    }

    public List<Slot> slots() {
        return jdbc.sql("select channel, day_of_week, send_time, enabled from messaging_schedule order by channel")
                .query((rs, i) -> new Slot(SubscriberChannel.valueOf(rs.getString(1)), DayOfWeek.of(rs.getInt(2)),
                        rs.getTime(3).toLocalTime(), rs.getBoolean(4))).list();
    }

    @Transactional
    public void saveSlot(SubscriberChannel channel, DayOfWeek day, LocalTime time, boolean enabled) {
        if (channel == null || day == null || time == null) {
            throw new DomainException("messaging.slot.fields", "채널, 요일, 시각을 모두 입력하세요.");
        }
        jdbc.sql("""
                        insert into messaging_schedule (channel, day_of_week, send_time, enabled) values (:c, :d, :t, :e)
                        on conflict (channel) do update set day_of_week = :d, send_time = :t, enabled = :e""")
                .param("c", channel.name()).param("d", day.getValue()).param("t", java.sql.Time.valueOf(time)).param("e", enabled)
                .update();
        audit.record("messaging.slot.save", "BulletinSchedule", channel.name(), day + " " + time + (enabled ? "" : " (중지)"));
    }

    /** The next weekly slot of the channel after now (Monday for SMS, Thursday for Kakao by default). */
    public Optional<Instant> nextSlot(SubscriberChannel channel) {
        return slots().stream().filter(s -> s.channel() == channel && s.enabled()).findFirst().map(s -> {
            ZonedDateTime now = clock.instant().atZone(NightRule.SEOUL);
            ZonedDateTime at = now.with(TemporalAdjusters.nextOrSame(s.day())).with(s.time()).withSecond(0).withNano(0);
            if (!at.isAfter(now)) {
                at = at.plusWeeks(1);
            }
            return at.toInstant();
        });
    }

    // ---------------- bulletins ----------------

    public record Draft(String title, SubscriberChannel channel, boolean advertising, Long templateId, String kakaoCode,
                        String subject, String body, String variables, String imageSha256) {
    }

    private static final String COLUMNS = """
            id, title, channel, category, template_id, kakao_code, subject, body, variables, rendered, message_type,
            byte_length, image_sha256, gateway_image_id, status, scheduled_at, started_at, finished_at, recipients,
            created_by, created_at, version""";

    static Bulletin map(ResultSet rs) throws SQLException {
        Long tpl = rs.getObject(5, Long.class);
        return new Bulletin(rs.getLong(1), rs.getString(2), SubscriberChannel.valueOf(rs.getString(3)),
                "ADVERTISING".equals(rs.getString(4)), tpl, rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), MessageType.valueOf(rs.getString(11)), rs.getInt(12),
                rs.getString(13), rs.getString(14), Bulletin.Status.valueOf(rs.getString(15)),
                Subscribers.instant(rs.getTimestamp(16)), Subscribers.instant(rs.getTimestamp(17)),
                Subscribers.instant(rs.getTimestamp(18)), rs.getInt(19), rs.getString(20),
                rs.getTimestamp(21).toInstant(), rs.getInt(22));
    }

    public Bulletin bulletin(long id) {
        return jdbc.sql("select " + COLUMNS + " from messaging_bulletin where id = :id").param("id", id)
                .query((rs, i) -> map(rs)).optional().orElseThrow(() -> DomainException.notFound("발송", id));
    }

    public List<Bulletin> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from messaging_bulletin order by id desc limit :l").param("l", limit)
                .query((rs, i) -> map(rs)).list();
    }

    /** Composes a draft without saving (editor preview and live counter). */
    public Composer.Result preview(Draft d) {
        Optional<Template> kakao = d.channel() == SubscriberChannel.KAKAO ? kakaoTemplate(d.kakaoCode()) : Optional.empty();
        boolean image = d.imageSha256() != null && !d.imageSha256().isBlank();
        return composer.compose(new Composer.Input(d.channel(), d.advertising(), d.subject(), d.body(), d.variables(), image,
                d.kakaoCode(), kakao.map(Template::body).orElse(null), kakao.map(Template::approved).orElse(false)));
    }

    private Composer.Result checked(Draft d) {
        Texts.required("제목", d.title(), 200);
        if (d.channel() == null) {
            throw new DomainException("messaging.bulletin.channel", "채널(문자, 카카오톡, 이메일)을 고르세요.");
        }
        if (d.body() != null && d.body().length() > 20_000) {
            throw new DomainException("messaging.bulletin.too-long", "내용이 너무 깁니다.");
        }
        if (d.imageSha256() != null && !d.imageSha256().isBlank()) {
            if (d.channel() != SubscriberChannel.SMS) {
                throw new DomainException("messaging.bulletin.image-channel", "이미지(MMS)는 문자 발송에만 붙일 수 있습니다.");
            }
            var f = files.find(d.imageSha256()).orElseThrow(() -> DomainException.notFound("이미지", d.imageSha256()));
            if (!f.mediaType().equals("image/jpeg") || f.size() > 300 * 1024) {
                throw new DomainException("messaging.bulletin.image", "MMS 이미지는 300KB 이하 JPEG만 보낼 수 있습니다.");
            }
        }
        Composer.Result r = preview(d);
        if (!r.ok()) {
            throw new DomainException("messaging.bulletin.invalid", String.join(" ", r.errors()));
        }
        return r;
    }

    @Transactional
    public long create(Draft d) {
        Composer.Result r = checked(d);
        long id = jdbc.sql("""
                        insert into messaging_bulletin (title, channel, category, template_id, kakao_code, subject, body, variables,
                               rendered, message_type, byte_length, image_sha256, status, created_by, created_at)
                        values (:t, :ch, :cat, :tpl, :kc, :s, :b, :v, :r, :type, :bytes, :img, 'DRAFT', :by, :now) returning id""")
                .param("t", d.title().strip()).param("ch", d.channel().name()).param("cat", d.advertising() ? "ADVERTISING" : "INFORMATION")
                .param("tpl", d.templateId()).param("kc", d.channel() == SubscriberChannel.KAKAO ? d.kakaoCode() : null)
                .param("s", r.subject()).param("b", SmsText.normalise(d.body())).param("v", d.variables() == null ? "" : d.variables())
                .param("r", r.text()).param("type", r.type().name()).param("bytes", r.bytes())
                .param("img", d.imageSha256() == null || d.imageSha256().isBlank() ? null : d.imageSha256())
                .param("by", staff.currentActor()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("messaging.bulletin.create", "Bulletin", id, d.title().strip() + " (" + d.channel().label() + ", " + r.type().label() + ")");
        return id;
    }

    @Transactional
    public void update(long id, Draft d, int version) {
        Bulletin b = bulletin(id);
        b.requireEditable();
        Composer.Result r = checked(d);
        int u = jdbc.sql("""
                        update messaging_bulletin set title = :t, channel = :ch, category = :cat, template_id = :tpl, kakao_code = :kc,
                               subject = :s, body = :b, variables = :v, rendered = :r, message_type = :type, byte_length = :bytes,
                               image_sha256 = :img, gateway_image_id = null, version = version + 1
                         where id = :id and version = :ver and status = 'DRAFT'""")
                .param("t", d.title().strip()).param("ch", d.channel().name()).param("cat", d.advertising() ? "ADVERTISING" : "INFORMATION")
                .param("tpl", d.templateId()).param("kc", d.channel() == SubscriberChannel.KAKAO ? d.kakaoCode() : null)
                .param("s", r.subject()).param("b", SmsText.normalise(d.body())).param("v", d.variables() == null ? "" : d.variables())
                .param("r", r.text()).param("type", r.type().name()).param("bytes", r.bytes())
                .param("img", d.imageSha256() == null || d.imageSha256().isBlank() ? null : d.imageSha256())
                .param("id", id).param("ver", version).update();
        if (u == 0) {
            throw DomainException.conflict("messaging.bulletin.stale", "다른 사람이 먼저 고쳤습니다. 새로 고친 뒤 다시 저장하세요.");
        }
        audit.record("messaging.bulletin.update", "Bulletin", id, d.title().strip());
    }

    @Transactional
    public void schedule(long id, Instant at) {
        Bulletin b = bulletin(id);
        b.requireSchedulable(at, clock.instant());
        jdbc.sql("update messaging_bulletin set status = 'SCHEDULED', scheduled_at = :at, version = version + 1 where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
        audit.record("messaging.bulletin.schedule", "Bulletin", id, b.title() + " → " + at.atZone(NightRule.SEOUL).toLocalDateTime()
                + (b.advertising() && NightRule.isNight(at) ? " (야간: 야간 동의자에게만 즉시, 나머지는 08:00)" : ""));
    }

    @Transactional
    public void unschedule(long id) {
        Bulletin b = bulletin(id);
        if (b.status() != Bulletin.Status.SCHEDULED) {
            throw DomainException.conflict("messaging.bulletin.not-scheduled", "예약된 발송이 아닙니다.");
        }
        jdbc.sql("update messaging_bulletin set status = 'DRAFT', scheduled_at = null, version = version + 1 where id = :id")
                .param("id", id).update();
        audit.record("messaging.bulletin.unschedule", "Bulletin", id, b.title() + " 예약 해제");
    }

    @Transactional
    public void cancel(long id) {
        Bulletin b = bulletin(id);
        b.requireCancellable();
        jdbc.sql("update messaging_bulletin set status = 'CANCELLED', version = version + 1 where id = :id").param("id", id).update();
        audit.record("messaging.bulletin.cancel", "Bulletin", id, b.title() + " 취소");
    }

    /**
     * Starts sending: one delivery row per eligible subscriber (active, not suppressed; for advertising
     * with valid 2-year consent), in one transaction with the status change. Advertising at night goes
     * at once only to night consenters; the rest wait until 08:00.
     * @return number of recipients
     */
    @Transactional
    public int start(long id, String actor) {
        Bulletin b = jdbc.sql("select " + COLUMNS + " from messaging_bulletin where id = :id for update").param("id", id)
                .query((rs, i) -> map(rs)).optional().orElseThrow(() -> DomainException.notFound("발송", id));
        b.requireStartable();
        Instant now = clock.instant();
        boolean night = NightRule.isNight(now);
        int n = jdbc.sql("""
                        insert into messaging_delivery (bulletin_id, subscriber_id, channel, message_type, recipient, idempotency_key,
                               advertising, night_allowed, status, next_attempt_at)
                        select :b, s.id, s.channel, :type, s.contact, 'b' || cast(:b as text) || '-s' || cast(s.id as text), :ad, s.night, 'PENDING',
                               case when :ad and :night and not s.night then cast(:morning as timestamptz) else cast(:now as timestamptz) end
                          from messaging_subscriber s
                         where s.status = 'ACTIVE' and s.channel = :ch
                           and (not :ad or (s.advertising and s.advertising_confirmed_at > :adSince))
                           and not exists (select 1 from messaging_suppression x
                                            where x.contact_hash = s.contact_hash and x.channel in (s.channel, 'ALL'))
                         order by s.id
                        on conflict (idempotency_key) do nothing""")
                .param("b", id).param("type", b.type().name()).param("ad", b.advertising()).param("night", night)
                .param("morning", Timestamp.from(NightRule.nextDaytime(now))).param("now", Timestamp.from(now))
                .param("ch", b.channel().name()).param("adSince", Timestamp.from(now.minus(Subscribers.ADVERTISING_VALIDITY)))
                .update();
        if (n == 0) {
            throw new DomainException("messaging.bulletin.no-recipients", "받을 구독자가 없습니다(" + b.channel().label()
                    + (b.advertising() ? ", 광고 수신 동의자" : "") + "). 발송하지 않았습니다.");
        }
        jdbc.sql("""
                        update messaging_bulletin set status = 'SENDING', started_at = :now, recipients = :n, version = version + 1
                         where id = :id""")
                .param("now", Timestamp.from(now)).param("n", n).param("id", id).update();
        audit.recordAs(actor, "messaging.bulletin.start", "Bulletin", id, b.title() + ": " + n + "명에게 " + b.type().label() + " 발송 시작");
        engine.wakeUpAfterCommit();
        return n;
    }

    /** Starts every scheduled bulletin whose time has come (scheduler; safe on several nodes). */
    public int startDue() {
        List<Long> due = jdbc.sql("select id from messaging_bulletin where status = 'SCHEDULED' and scheduled_at <= :now order by scheduled_at")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        int started = 0;
        for (long id : due) {
            try {
                self().start(id, "scheduler");
                started++;
            } catch (DomainException e) {
                jdbc.sql("update messaging_bulletin set status = 'DRAFT', version = version + 1 where id = :id and status = 'SCHEDULED'")
                        .param("id", id).update();
                audit.recordAs("scheduler", "messaging.bulletin.start-failed", "Bulletin", id, e.getMessage());
            }
        }
        return started;
    }

    private Bulletins self;

    @org.springframework.beans.factory.annotation.Autowired
    void setSelf(@org.springframework.context.annotation.Lazy Bulletins self) {
        this.self = self;
    }

    private Bulletins self() {
        return self;
    }

    /** Sends failed deliveries of a bulletin again (same idempotency keys: the gateway never delivers twice). */
    @Transactional
    public int retryFailed(long id) {
        Bulletin b = bulletin(id);
        int n = jdbc.sql("""
                        update messaging_delivery set status = 'PENDING', next_attempt_at = :now, attempts = 0, last_error = null
                         where bulletin_id = :id and status = 'FAILED' and provider_id is null""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (n > 0) {
            jdbc.sql("update messaging_bulletin set status = 'SENDING', finished_at = null where id = :id and status = 'SENT'")
                    .param("id", id).update();
            audit.record("messaging.bulletin.retry", "Bulletin", id, b.title() + ": 실패 " + n + "건 재발송");
            engine.wakeUpAfterCommit();
        }
        return n;
    }

    // ---------------- report ----------------

    /**
     * @param recipients one row per recipient (fallbacks not counted)
     * @param accepted   handed to the gateway and accepted (incl. by fallback)
     * @param delivered  delivery report: delivered to the handset
     * @param failed     finally failed (no successful fallback)
     * @param optedOut   opted out after the bulletin started: not sent
     * @param fallback   Kakao failures re-sent as SMS/LMS
     * @param pending    still waiting or in flight
     */
    public record Report(long bulletinId, String title, String status, String statusLabel, int recipients, int accepted,
                         int delivered, int failed, int optedOut, int fallback, int pending, Instant startedAt,
                         Instant finishedAt, Map<String, Integer> byStatus) {
        public int percentDone() {
            return recipients == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * (recipients - pending) / recipients));
        }
    }

    public Report report(long id) {
        Bulletin b = bulletin(id);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        int[] c = new int[7];
        jdbc.sql("""
                        select status, fallback_of is not null, provider_id is not null, count(*) from messaging_delivery
                         where bulletin_id = :id group by 1, 2, 3""")
                .param("id", id).query(rs -> {
                    String st = rs.getString(1);
                    boolean fb = rs.getBoolean(2);
                    boolean acc = rs.getBoolean(3);
                    int n = rs.getInt(4);
                    byStatus.merge((fb ? "대체 " : "") + st, n, Integer::sum);
                    if (!fb) {
                        c[0] += n;
                    } else {
                        c[5] += n;
                    }
                    switch (st) {
                        case "SENT" -> c[1] += n;
                        case "DELIVERED" -> {
                            c[1] += n;
                            c[2] += n;
                        }
                        case "FAILED" -> c[3] += n;
                        case "OPTED_OUT" -> c[4] += n;
                        case "PENDING", "SENDING" -> c[6] += n;
                        default -> {
                        }
                    }
                });
        return new Report(id, b.title(), b.status().name(), b.status().label(), c[0], c[1], c[2], c[3], c[4], c[5], c[6],
                b.startedAt(), b.finishedAt(), byStatus);
    }
}
