package kr.sotong.channels.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SNS events (SNS 이벤트): rules and period, entrants from the public form (phone proven by a one-time
 * code) or imported from the platform's export, one entry per person (phone or account hash), and the
 * commit–reveal prize draw ({@link PrizeDraw}); winners are notified and shown masked.
 */
@Service
public class SnsEvents {

    public static final String OTP_PURPOSE = "channels.event-entry";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    SnsEvents(JdbcClient jdbc, PersonalDataCipher cipher, OneTimeCodes codes, Notifications notifications, AuditLog audit,
              StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.codes = codes;
        this.notifications = notifications;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    public enum Status {
        DRAFT("준비"), OPEN("응모 중"), CLOSED("응모 마감"), COMMITTED("추첨 준비(시드 공개)"), DRAWN("추첨 완료");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Event(long id, String slug, String title, String rules, String prize, int winnersCount, Instant startAt,
                        Instant endAt, boolean entryForm, Status status, String seedHash, String seed, String entrantsHash,
                        Instant committedAt, Instant drawnAt) {
        public boolean acceptingEntries(Instant now) {
            return status == Status.OPEN && !now.isBefore(startAt) && now.isBefore(endAt);
        }
    }

    public record Entry(long id, int seq, String masked, String source, Instant enteredAt, Integer winnerRank, Instant notifiedAt) {
    }

    private static Event map(ResultSet rs) throws SQLException {
        return new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getBoolean(9), Status.valueOf(rs.getString(10)),
                rs.getString(11), rs.getString(12), rs.getString(13), ts(rs.getTimestamp(14)), ts(rs.getTimestamp(15)));
    }

    static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static final String COLS = """
            id, slug, title, rules, prize, winners_count, start_at, end_at, entry_form, status, seed_hash, seed, entrants_hash,
            committed_at, drawn_at""";

    public List<Event> events() {
        return jdbc.sql("select " + COLS + " from channels_event order by start_at desc").query((rs, i) -> map(rs)).list();
    }

    public List<Event> publicEvents() {
        return jdbc.sql("select " + COLS + " from channels_event where status <> 'DRAFT' order by start_at desc").query((rs, i) -> map(rs)).list();
    }

    public Event event(long id) {
        return jdbc.sql("select " + COLS + " from channels_event where id = :id").param("id", id).query((rs, i) -> map(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("SNS 이벤트", id));
    }

    public Optional<Event> bySlug(String slug) {
        return jdbc.sql("select " + COLS + " from channels_event where slug = :s and status <> 'DRAFT'").param("s", slug)
                .query((rs, i) -> map(rs)).optional();
    }

    @Transactional
    public long create(String slug, String title, String rules, String prize, int winners, Instant start, Instant end, boolean form) {
        String s = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (!s.matches("[a-z0-9][a-z0-9-]{2,59}")) {
            throw new DomainException("channels.event.slug", "주소 이름은 영문 소문자·숫자·하이픈 3~60자입니다(예: youtube-2025).");
        }
        String t = Forms.required("이벤트 이름", title, 200);
        String r = Forms.required("참여 방법·규칙", rules, 5000);
        String p = Forms.required("경품", prize, 300);
        if (winners < 1 || winners > 10_000) {
            throw new DomainException("channels.event.winners", "당첨자 수는 1명 이상이어야 합니다.");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new DomainException("channels.event.period", "응모 기간을 올바르게 입력하세요(종료가 시작보다 뒤).");
        }
        if (jdbc.sql("select count(*) from channels_event where slug = :s").param("s", s).query(Long.class).single() > 0) {
            throw DomainException.conflict("channels.event.slug-taken", "이미 쓰는 주소 이름입니다: " + s);
        }
        long id = jdbc.sql("""
                        insert into channels_event (slug, title, rules, prize, winners_count, start_at, end_at, entry_form, status, created_by, created_at)
                        values (:s, :t, :r, :p, :w, :a, :b, :f, 'DRAFT', :by, :now) returning id""")
                .param("s", s).param("t", t).param("r", r).param("p", p).param("w", winners).param("a", Timestamp.from(start))
                .param("b", Timestamp.from(end)).param("f", form).param("by", staff.currentActor()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("channels.event.create", "SnsEvent", id, t);
        return id;
    }

    private void status(long id, Status from, Status to) {
        int u = jdbc.sql("update channels_event set status = :to where id = :id and status = :from").param("to", to.name())
                .param("id", id).param("from", from.name()).update();
        if (u == 0) {
            throw DomainException.conflict("channels.event.state", "'" + from.label() + "' 상태에서만 할 수 있습니다(현재: " + event(id).status().label() + ").");
        }
    }

    @Transactional
    public void open(long id) {
        status(id, Status.DRAFT, Status.OPEN);
        audit.record("channels.event.open", "SnsEvent", id, "응모 시작");
    }

    @Transactional
    public void close(long id) {
        status(id, Status.OPEN, Status.CLOSED);
        audit.record("channels.event.close", "SnsEvent", id, "응모 마감");
    }

    // ---------------- entries ----------------

    private Entry entry(ResultSet rs) throws SQLException {
        Integer rank = rs.getObject(6, Integer.class);
        return new Entry(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rank, ts(rs.getTimestamp(7)));
    }

    public List<Entry> entries(long eventId) {
        return jdbc.sql("select id, seq, masked, source, entered_at, winner_rank, notified_at from channels_entry where event_id = :e order by seq")
                .param("e", eventId).query((rs, i) -> entry(rs)).list();
    }

    public int entryCount(long eventId) {
        return jdbc.sql("select count(*) from channels_entry where event_id = :e").param("e", eventId).query(Integer.class).single();
    }

    private int nextSeq(long eventId) {
        jdbc.sql("select id from channels_event where id = :e for update").param("e", eventId).query(Long.class).single();
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from channels_entry where event_id = :e").param("e", eventId)
                .query(Integer.class).single();
    }

    /** Public form, step 1: proves the phone with a one-time code. */
    @Transactional
    public OneTimeCodes.Issued requestEntry(String slug, String rawPhone) {
        Event e = bySlug(slug).orElseThrow(() -> DomainException.notFound("SNS 이벤트", slug));
        if (!e.entryForm() || !e.acceptingEntries(clock.instant())) {
            throw new DomainException("channels.event.closed", "지금은 응모할 수 없습니다(응모 기간: 이벤트 안내 참고).");
        }
        PhoneNumber p = PhoneNumber.parse(rawPhone);
        if (!p.isMobile()) {
            throw new DomainException("channels.event.mobile", "휴대전화 번호로 응모해 주세요.");
        }
        if (jdbc.sql("select count(*) from channels_entry where event_id = :e and identity_hash = :h").param("e", e.id())
                .param("h", cipher.lookupHash(p.digits())).query(Long.class).single() > 0) {
            throw DomainException.conflict("channels.event.duplicate", "이미 응모하셨습니다(1인 1회).");
        }
        return codes.issue(OTP_PURPOSE, p.digits());
    }

    /** Public form, step 2: the code is right → one entry for this phone. */
    @Transactional
    public Entry confirmEntry(String slug, String rawPhone, String code) {
        Event e = bySlug(slug).orElseThrow(() -> DomainException.notFound("SNS 이벤트", slug));
        if (!e.entryForm() || !e.acceptingEntries(clock.instant())) {
            throw new DomainException("channels.event.closed", "응모 기간이 끝났습니다.");
        }
        PhoneNumber p = PhoneNumber.parse(rawPhone);
        codes.verify(OTP_PURPOSE, p.digits(), code);
        String hash = cipher.lookupHash(p.digits());
        int seq = nextSeq(e.id());
        int u = jdbc.sql("""
                        insert into channels_entry (event_id, seq, identity_hash, contact, masked, source, entered_at)
                        values (:e, :s, :h, :c, :m, 'FORM', :now) on conflict (event_id, identity_hash) do nothing""")
                .param("e", e.id()).param("s", seq).param("h", hash).param("c", cipher.encrypt(p.digits())).param("m", p.masked())
                .param("now", Timestamp.from(clock.instant())).update();
        if (u == 0) {
            throw DomainException.conflict("channels.event.duplicate", "이미 응모하셨습니다(1인 1회).");
        }
        audit.recordAs("resident:" + p.masked(), "channels.event.entry", "SnsEvent", e.id(), "응모 #" + seq);
        return entries(e.id()).stream().filter(x -> x.seq() == seq).findFirst().orElseThrow();
    }

    public record EntrantImport(int rows, int added, int duplicates, int ineligible, List<String> errors) {
    }

    /**
     * Imports entrants exported from the platform (CSV/XLSX with 휴대전화/전화번호 and/or 계정/아이디,
     * optional 응모일시). One entry per person: rows whose phone or account was already entered are
     * counted as duplicates; a broken row stops the import with nothing added.
     */
    @Transactional
    public EntrantImport importEntrants(long eventId, String platform, String fileName, byte[] bytes) {
        Event e = event(eventId);
        if (e.status() != Status.OPEN && e.status() != Status.CLOSED) {
            throw DomainException.conflict("channels.event.import-state", "응모 중이거나 마감된(추첨 전) 이벤트에만 응모자를 가져올 수 있습니다.");
        }
        String plat = platform == null || platform.isBlank() ? "sns" : platform.strip().toLowerCase(Locale.ROOT);
        List<TableFile.Line> lines = TableFile.read(fileName, bytes);
        List<String> header = lines.get(0).cells();
        int cPhone = TableFile.column(header, "휴대전화", "전화번호", "연락처", "phone");
        int cAccount = TableFile.column(header, "계정", "아이디", "닉네임", "account", "username", "id");
        int cAt = TableFile.column(header, "응모일시", "참여일시", "작성일", "date", "timestamp");
        if (cPhone < 0 && cAccount < 0) {
            throw new DomainException("channels.entrants.header", "머리글에 휴대전화(전화번호) 또는 계정(아이디) 열이 있어야 합니다.");
        }
        List<String> errors = new ArrayList<>();
        record Candidate(String hash, String contact, String masked, Instant at) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seenInFile = new HashSet<>();
        int dup = 0;
        int ineligible = 0;
        for (TableFile.Line l : lines.subList(1, lines.size())) {
            String phone = l.get(cPhone);
            String account = l.get(cAccount);
            String hash;
            String contact = null;
            String masked;
            if (!phone.isEmpty()) {
                var parsed = PhoneNumber.tryParse(phone);
                if (!parsed.valid()) {
                    errors.add(l.number() + "행: " + parsed.reason());
                    continue;
                }
                if (!parsed.number().isMobile()) {
                    ineligible++;
                    continue;
                }
                hash = cipher.lookupHash(parsed.number().digits());
                contact = parsed.number().digits();
                masked = parsed.number().masked();
            } else if (!account.isEmpty()) {
                if (account.length() > 100) {
                    errors.add(l.number() + "행: 계정 이름이 너무 깁니다.");
                    continue;
                }
                hash = cipher.lookupHash("account:" + plat + ":" + account.toLowerCase(Locale.ROOT));
                masked = plat + ":" + Masking.name(account);
            } else {
                errors.add(l.number() + "행: 휴대전화와 계정이 모두 비어 있습니다.");
                continue;
            }
            Instant at = clock.instant();
            if (cAt >= 0 && !l.get(cAt).isEmpty()) {
                var d = TableFile.date(l.get(cAt));
                if (d == null) {
                    errors.add(l.number() + "행: 응모일시를 읽을 수 없습니다: '" + l.get(cAt) + "'");
                    continue;
                }
                at = d.atStartOfDay(clock.getZone()).toInstant();
            }
            if (!seenInFile.add(hash)) {
                dup++;
                continue;
            }
            candidates.add(new Candidate(hash, contact, masked, at));
        }
        if (!errors.isEmpty()) {
            return new EntrantImport(lines.size() - 1, 0, dup, ineligible, errors);
        }
        int seq = nextSeq(eventId);
        int added = 0;
        for (Candidate c : candidates) {
            int u = jdbc.sql("""
                            insert into channels_entry (event_id, seq, identity_hash, contact, masked, source, entered_at)
                            values (:e, :s, :h, :c, :m, 'IMPORT', :at) on conflict (event_id, identity_hash) do nothing""")
                    .param("e", eventId).param("s", seq).param("h", c.hash()).param("c", c.contact() == null ? null : cipher.encrypt(c.contact()))
                    .param("m", c.masked()).param("at", Timestamp.from(c.at())).update();
            if (u == 1) {
                seq++;
                added++;
            } else {
                dup++;
            }
        }
        audit.record("channels.event.import", "SnsEvent", eventId, plat + " 응모자 " + added + "명 가져옴 (중복 " + dup + ", 대상 아님 " + ineligible + ")");
        return new EntrantImport(lines.size() - 1, added, dup, ineligible, List.of());
    }

    // ---------------- commit–reveal draw ----------------

    /** The entrant list as published (entry number and masked identity), and its hash. */
    public String entrantList(long eventId) {
        List<Entry> es = entries(eventId);
        return PrizeDraw.entrantList(es.stream().map(Entry::seq).toList(), es.stream().map(Entry::masked).toList());
    }

    /** Freezes the entrant list and publishes SHA-256 of a fresh random seed (the seed stays secret). */
    @Transactional
    public String commit(long eventId) {
        Event e = event(eventId);
        if (e.status() != Status.CLOSED) {
            throw DomainException.conflict("channels.event.commit-state", "응모를 마감한 뒤에 추첨을 준비할 수 있습니다.");
        }
        if (entryCount(eventId) == 0) {
            throw new DomainException("channels.event.no-entries", "응모자가 없습니다.");
        }
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        String seedHex = HexFormat.of().formatHex(seed);
        String hash = PrizeDraw.commitment(seedHex);
        String listHash = PrizeDraw.listHash(entrantList(eventId));
        jdbc.sql("""
                        update channels_event set status = 'COMMITTED', seed_hash = :h, seed_secret = :s, entrants_hash = :l, committed_at = :now
                         where id = :id and status = 'CLOSED'""")
                .param("h", hash).param("s", cipher.encrypt(seedHex)).param("l", listHash).param("now", Timestamp.from(clock.instant()))
                .param("id", eventId).update();
        audit.record("channels.event.commit", "SnsEvent", eventId, "추첨 시드 해시 공개 " + hash + ", 응모자 명단 해시 " + listHash);
        return hash;
    }

    /** Reveals the seed, computes the winners with the published algorithm and notifies them. */
    @Transactional
    public List<Entry> draw(long eventId) {
        Event e = event(eventId);
        if (e.status() != Status.COMMITTED) {
            throw DomainException.conflict("channels.event.draw-state", "추첨 준비(시드 해시 공개) 뒤에 추첨할 수 있습니다.");
        }
        String seedHex = jdbc.sql("select seed_secret from channels_event where id = :id").param("id", eventId).query(String.class).single();
        seedHex = cipher.decrypt(seedHex);
        if (!PrizeDraw.listHash(entrantList(eventId)).equals(e.entrantsHash())) {
            throw new IllegalStateException("응모자 명단이 추첨 준비 뒤에 바뀌었습니다.");
        }
        List<Entry> es = entries(eventId);
        List<Integer> winners = PrizeDraw.winners(seedHex, es.stream().map(Entry::seq).toList(), e.winnersCount());
        for (int i = 0; i < winners.size(); i++) {
            jdbc.sql("update channels_entry set winner_rank = :r where event_id = :e and seq = :s").param("r", i + 1).param("e", eventId)
                    .param("s", winners.get(i)).update();
        }
        jdbc.sql("update channels_event set status = 'DRAWN', seed = :s, seed_secret = null, drawn_at = :now where id = :id")
                .param("s", seedHex).param("now", Timestamp.from(clock.instant())).param("id", eventId).update();
        for (int i = 0; i < winners.size(); i++) {
            int seq = winners.get(i);
            var row = jdbc.sql("select id, contact from channels_entry where event_id = :e and seq = :s").param("e", eventId).param("s", seq)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
            if (row[1] != null) {
                String phone = cipher.decrypt((String) row[1]);
                notifications.send(Notification.sms(phone, "[금천구] '" + e.title() + "' 이벤트에 당첨되셨습니다(경품: " + e.prize()
                        + "). 안내에 따라 수령해 주세요.", "channels.event-winner").withIdempotencyKey("event-" + eventId + "-winner-" + row[0]));
                jdbc.sql("update channels_entry set notified_at = :now where id = :id").param("now", Timestamp.from(clock.instant()))
                        .param("id", row[0]).update();
            }
        }
        audit.record("channels.event.draw", "SnsEvent", eventId, "추첨: 시드 " + seedHex + ", 당첨 번호 " + winners);
        return entries(eventId).stream().filter(x -> x.winnerRank() != null)
                .sorted(java.util.Comparator.comparing(Entry::winnerRank)).toList();
    }

    /** Contact of a winner (for coupon issuing), access-logged. */
    public Optional<String> winnerPhone(long entryId, String purpose) {
        var c = jdbc.sql("select contact from channels_entry where id = :id and winner_rank is not null").param("id", entryId)
                .query(String.class).optional();
        if (c.isEmpty() || c.get() == null) {
            return Optional.empty();
        }
        audit.recordAccess("SnsEventEntry", entryId, purpose);
        return Optional.of(cipher.decrypt(c.get()));
    }

    public List<Entry> winners(long eventId) {
        return entries(eventId).stream().filter(x -> x.winnerRank() != null).sorted(java.util.Comparator.comparing(Entry::winnerRank)).toList();
    }
}
