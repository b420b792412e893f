package kr.sotong.contests.core;

import static kr.sotong.contests.core.ContestRepository.instant;
import static kr.sotong.contests.core.ContestRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DraftRepository {

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, long contestId, Instant now, Instant expires) {
        jdbc.sql("insert into contests_draft (id, contest_id, created_at, expires_at) values (:id, :c, :now, :exp)")
                .param("id", id).param("c", contestId).param("now", ts(now)).param("exp", ts(expires)).update();
    }

    Optional<Draft> find(String id) {
        return jdbc.sql("""
                        select id, contest_id, eligibility_basis, birth_date_enc, name_enc, phone_enc, phone_hash, phone_verified,
                          email_enc, guardian_name_enc, guardian_phone_enc, title, description, ai_service, ai_licence, lyrics,
                          rights_statement, upload_id, consent_privacy, consent_usage, consent_guardian, expires_at
                        from contests_draft where id = :id""")
                .param("id", id).query(DraftRepository::map).optional();
    }

    void saveEligibility(String id, String basis, String birthEnc) {
        jdbc.sql("update contests_draft set eligibility_basis = :b, birth_date_enc = :bd where id = :id")
                .param("b", basis).param("bd", birthEnc).param("id", id).update();
    }

    void saveEntrant(String id, String nameEnc, String phoneEnc, String phoneHash, boolean verified, String emailEnc,
                     String guardianNameEnc, String guardianPhoneEnc) {
        jdbc.sql("""
                        update contests_draft set name_enc = :n, phone_enc = :p, phone_hash = :ph, phone_verified = :v,
                          email_enc = :e, guardian_name_enc = :gn, guardian_phone_enc = :gp where id = :id""")
                .param("n", nameEnc).param("p", phoneEnc).param("ph", phoneHash).param("v", verified).param("e", emailEnc)
                .param("gn", guardianNameEnc).param("gp", guardianPhoneEnc).param("id", id).update();
    }

    void markPhoneVerified(String id) {
        jdbc.sql("update contests_draft set phone_verified = true where id = :id").param("id", id).update();
    }

    void saveWork(String id, String title, String description, String aiService, String aiLicence, String lyrics,
                  boolean rights) {
        jdbc.sql("""
                        update contests_draft set title = :t, description = :d, ai_service = :ai, ai_licence = :al, lyrics = :l,
                          rights_statement = :r where id = :id""")
                .param("t", title).param("d", description).param("ai", aiService).param("al", aiLicence).param("l", lyrics)
                .param("r", rights).param("id", id).update();
    }

    void attachUpload(String id, String uploadId) {
        jdbc.sql("update contests_draft set upload_id = :u where id = :id").param("u", uploadId).param("id", id).update();
    }

    void saveConsents(String id, boolean privacy, boolean usage, boolean guardian) {
        jdbc.sql("update contests_draft set consent_privacy = :p, consent_usage = :u, consent_guardian = :g where id = :id")
                .param("p", privacy).param("u", usage).param("g", guardian).param("id", id).update();
    }

    /** Deletes the draft; false when it was already gone (a second submit of the same form). */
    boolean delete(String id) {
        return jdbc.sql("delete from contests_draft where id = :id").param("id", id).update() == 1;
    }

    Optional<Draft> lock(String id) {
        return jdbc.sql("select id from contests_draft where id = :id for update").param("id", id).query(String.class)
                .optional().flatMap(this::find);
    }

    List<String> expired(Instant now) {
        return jdbc.sql("select id from contests_draft where expires_at < :now").param("now", ts(now)).query(String.class).list();
    }

    private static Draft map(ResultSet rs, int i) throws SQLException {
        return new Draft(rs.getString("id"), rs.getLong("contest_id"), rs.getString("eligibility_basis"),
                rs.getString("birth_date_enc"), rs.getString("name_enc"), rs.getString("phone_enc"), rs.getString("phone_hash"),
                rs.getBoolean("phone_verified"), rs.getString("email_enc"), rs.getString("guardian_name_enc"),
                rs.getString("guardian_phone_enc"), rs.getString("title"), rs.getString("description"),
                rs.getString("ai_service"), rs.getString("ai_licence"), rs.getString("lyrics"),
                rs.getBoolean("rights_statement"), rs.getString("upload_id"), rs.getBoolean("consent_privacy"),
                rs.getBoolean("consent_usage"), rs.getBoolean("consent_guardian"), instant(rs, "expires_at"));
    }
}
