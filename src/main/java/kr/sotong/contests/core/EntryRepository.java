package kr.sotong.contests.core;

import static kr.sotong.contests.core.ContestRepository.instant;
import static kr.sotong.contests.core.ContestRepository.intOrNull;
import static kr.sotong.contests.core.ContestRepository.longOrNull;
import static kr.sotong.contests.core.ContestRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EntryRepository {

    private static final String COLUMNS = """
            id, contest_id, receipt_no, blind_code, panel_id, title, description, status, status_reason, eligibility_basis,
            name_enc, phone_enc, email_enc, birth_date_enc, minor, guardian_name_enc, guardian_phone_enc, ai_service,
            ai_licence, lyrics, media_sha256, media_type, media_size, media_name, media_format, width, height, duration_ms,
            phash, frame_hash, details, warnings, public_sha256, public_type, public_error, submitted_at""";

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from contests_entry where id = :id").param("id", id)
                .query(EntryRepository::map).optional();
    }

    Entry get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("응모작", id));
    }

    Optional<Entry> byReceipt(String receiptNo) {
        return jdbc.sql("select " + COLUMNS + " from contests_entry where receipt_no = :r").param("r", receiptNo)
                .query(EntryRepository::map).optional();
    }

    Optional<Entry> byBlindCode(long contestId, String code) {
        return jdbc.sql("select " + COLUMNS + " from contests_entry where contest_id = :c and blind_code = :b")
                .param("c", contestId).param("b", code).query(EntryRepository::map).optional();
    }

    List<Entry> ofContest(long contestId) {
        return jdbc.sql("select " + COLUMNS + " from contests_entry where contest_id = :c order by id").param("c", contestId)
                .query(EntryRepository::map).list();
    }

    List<Entry> activeOfContest(long contestId) {
        return jdbc.sql("select " + COLUMNS + " from contests_entry where contest_id = :c and status = 'SUBMITTED' order by id")
                .param("c", contestId).query(EntryRepository::map).list();
    }

    long countActive(long contestId) {
        return jdbc.sql("select count(*) from contests_entry where contest_id = :c and status = 'SUBMITTED'")
                .param("c", contestId).query(Long.class).single();
    }

    long countAll(long contestId) {
        return jdbc.sql("select count(*) from contests_entry where contest_id = :c").param("c", contestId)
                .query(Long.class).single();
    }

    long countByPhone(long contestId, String phoneHash) {
        return jdbc.sql("select count(*) from contests_entry where contest_id = :c and phone_hash = :p and status <> 'WITHDRAWN'")
                .param("c", contestId).param("p", phoneHash).query(Long.class).single();
    }

    boolean sameFileEntered(long contestId, String sha256) {
        return jdbc.sql("select count(*) from contests_entry where contest_id = :c and media_sha256 = :s and status <> 'WITHDRAWN'")
                .param("c", contestId).param("s", sha256).query(Long.class).single() > 0;
    }

    int nextSequence(long contestId) {
        return jdbc.sql("select count(*) + 1 from contests_entry where contest_id = :c").param("c", contestId)
                .query(Integer.class).single();
    }

    record NewEntry(long contestId, String receiptNo, String title, String description, String basis, String nameEnc,
                    String nameHash, String phoneEnc, String phoneHash, String emailEnc, String emailHash,
                    String birthDateEnc, boolean minor, String guardianNameEnc, String guardianPhoneEnc, String aiService,
                    String aiLicence, String lyrics, Upload upload, Instant submittedAt) {
    }

    long insert(NewEntry e) {
        Upload u = e.upload();
        return jdbc.sql("""
                        insert into contests_entry (contest_id, receipt_no, title, description, eligibility_basis, name_enc, name_hash,
                          phone_enc, phone_hash, email_enc, email_hash, birth_date_enc, minor, guardian_name_enc, guardian_phone_enc,
                          ai_service, ai_licence, lyrics, media_sha256, media_type, media_size, media_name, media_format, width,
                          height, duration_ms, phash, frame_hash, details, warnings, public_sha256, public_type, submitted_at)
                        values (:c, :r, :t, :d, :b, :ne, :nh, :pe, :ph, :ee, :eh, :bd, :minor, :gn, :gp, :ai, :al, :ly, :sha, :mt,
                          :ms, :mn, :mf, :w, :h, :dur, :phash, :fh, :details, :warnings, :psha, :ptype, :at)
                        returning id""")
                .param("c", e.contestId()).param("r", e.receiptNo()).param("t", e.title()).param("d", e.description())
                .param("b", e.basis()).param("ne", e.nameEnc()).param("nh", e.nameHash()).param("pe", e.phoneEnc())
                .param("ph", e.phoneHash()).param("ee", e.emailEnc()).param("eh", e.emailHash())
                .param("bd", e.birthDateEnc()).param("minor", e.minor()).param("gn", e.guardianNameEnc())
                .param("gp", e.guardianPhoneEnc()).param("ai", e.aiService()).param("al", e.aiLicence())
                .param("ly", e.lyrics()).param("sha", u.mediaSha256()).param("mt", u.mediaType()).param("ms", u.mediaSize())
                .param("mn", u.originalName()).param("mf", u.format().name()).param("w", u.width()).param("h", u.height())
                .param("dur", u.durationMs()).param("phash", u.phash()).param("fh", u.frameHash())
                .param("details", Texts.mapToText(u.details())).param("warnings", String.join("\n", u.warnings()))
                .param("psha", u.publicSha256()).param("ptype", u.publicSha256() == null ? null : "image/jpeg")
                .param("at", ts(e.submittedAt())).query(Long.class).single();
    }

    void setStatus(long id, EntryStatus status, String reason) {
        jdbc.sql("update contests_entry set status = :s, status_reason = :r where id = :id").param("s", status.name())
                .param("r", reason).param("id", id).update();
    }

    void setBlindCodeAndPanel(long id, String code, Long panelId) {
        jdbc.sql("update contests_entry set blind_code = :b, panel_id = :p where id = :id").param("b", code)
                .param("p", panelId).param("id", id).update();
    }

    void setPanel(long id, long panelId) {
        jdbc.sql("update contests_entry set panel_id = :p where id = :id").param("p", panelId).param("id", id).update();
    }

    void setPublicCopy(long id, String sha, String type, String error) {
        jdbc.sql("update contests_entry set public_sha256 = :s, public_type = :t, public_error = :e where id = :id")
                .param("s", sha).param("t", type).param("e", error).param("id", id).update();
    }

    void setFrameHash(long id, long hash) {
        jdbc.sql("update contests_entry set frame_hash = :h where id = :id").param("h", hash).param("id", id).update();
    }

    /** Photo (or video-frame) hashes of a contest's live entries: the near-duplicate search space. */
    List<long[]> hashes(long contestId, boolean frames) {
        String col = frames ? "frame_hash" : "phash";
        return jdbc.sql("select id, " + col + " from contests_entry where contest_id = :c and " + col
                        + " is not null and status <> 'WITHDRAWN'")
                .param("c", contestId).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    void insertSimilarity(long contestId, long entryId, long otherId, String kind, int distance) {
        jdbc.sql("""
                        insert into contests_similarity (contest_id, entry_id, other_entry_id, kind, distance)
                        values (:c, :e, :o, :k, :d) on conflict do nothing""")
                .param("c", contestId).param("e", entryId).param("o", otherId).param("k", kind).param("d", distance).update();
    }

    record Similar(long entryId, long otherEntryId, String kind, int distance) {
    }

    List<Similar> similarities(long contestId) {
        return jdbc.sql("select entry_id, other_entry_id, kind, distance from contests_similarity where contest_id = :c order by distance, entry_id")
                .param("c", contestId).query((rs, i) -> new Similar(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    void insertConsent(long entryId, String kind, String version, Instant at) {
        jdbc.sql("insert into contests_consent (entry_id, kind, text_version, accepted_at) values (:e, :k, :v, :a)")
                .param("e", entryId).param("k", kind).param("v", version).param("a", ts(at)).update();
    }

    List<String> consents(long entryId) {
        return jdbc.sql("select kind from contests_consent where entry_id = :e order by kind").param("e", entryId)
                .query(String.class).list();
    }

    /** The prize name when the entry won an award. */
    Optional<String> award(long entryId) {
        return jdbc.sql("select p.name from contests_award a join contests_prize p on p.id = a.prize_id where a.entry_id = :e")
                .param("e", entryId).query(String.class).optional();
    }

    static Entry map(ResultSet rs, int i) throws SQLException {
        Entry.Media media = new Entry.Media(rs.getString("media_sha256"), rs.getString("media_type"), rs.getLong("media_size"),
                rs.getString("media_name"), MediaFormat.valueOf(rs.getString("media_format")), intOrNull(rs, "width"),
                intOrNull(rs, "height"), longOrNull(rs, "duration_ms"), longOrNull(rs, "phash"), longOrNull(rs, "frame_hash"),
                Texts.textToMap(rs.getString("details")), Texts.lines(rs.getString("warnings")));
        long panel = rs.getLong("panel_id");
        Long panelId = rs.wasNull() ? null : panel;
        return new Entry(rs.getLong("id"), rs.getLong("contest_id"), rs.getString("receipt_no"), rs.getString("blind_code"),
                panelId, rs.getString("title"), rs.getString("description"), EntryStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("eligibility_basis"), rs.getString("name_enc"),
                rs.getString("phone_enc"), rs.getString("email_enc"), rs.getString("birth_date_enc"), rs.getBoolean("minor"),
                rs.getString("guardian_name_enc"), rs.getString("guardian_phone_enc"), rs.getString("ai_service"),
                rs.getString("ai_licence"), rs.getString("lyrics"), media, rs.getString("public_sha256"),
                rs.getString("public_type"), rs.getString("public_error"), instant(rs, "submitted_at"));
    }

    static Map<String, String> details(String text) {
        return Texts.textToMap(text);
    }
}
