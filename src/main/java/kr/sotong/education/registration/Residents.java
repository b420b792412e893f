package kr.sotong.education.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Residents by name + phone, encrypted at rest and found by keyed hashes. */
@Repository
public class Residents {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Residents(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Decrypted contact details of a resident. */
    public record Contact(long id, String name, PhoneNumber phone, String email) {
    }

    public String phoneHash(PhoneNumber phone) {
        return cipher.lookupHash(phone.digits());
    }

    /**
     * Finds or creates the resident and locks the row for the rest of the transaction (so two simultaneous
     * registrations of one person are serialised).
     */
    public long upsert(Applicant a, Instant now) {
        return jdbc.sql("""
                        insert into education_resident (phone_hash, name_hash, phone_enc, name_enc, email_enc, created_at, updated_at)
                        values (:ph, :nh, :p, :n, :e, :now, :now)
                        on conflict (phone_hash, name_hash) do update
                           set updated_at = excluded.updated_at,
                               email_enc = coalesce(excluded.email_enc, education_resident.email_enc)
                        returning id""")
                .param("ph", cipher.lookupHash(a.phone().digits())).param("nh", cipher.lookupHash(a.name()))
                .param("p", cipher.encrypt(a.phone().digits())).param("n", cipher.encrypt(a.name()))
                .param("e", a.email() == null ? null : cipher.encrypt(a.email())).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Locks the residents' rows (in id order) for the rest of the transaction. */
    public void lock(List<Long> sortedIds) {
        if (!sortedIds.isEmpty()) {
            jdbc.sql("select id from education_resident where id in (:ids) order by id for update").param("ids", sortedIds)
                    .query(Long.class).list();
        }
    }

    public Optional<Contact> contact(long id) {
        return jdbc.sql("select id, phone_enc, name_enc, email_enc from education_resident where id = :id").param("id", id)
                .query((rs, i) -> new Contact(rs.getLong(1), cipher.decrypt(rs.getString(3)),
                        PhoneNumber.parse(cipher.decrypt(rs.getString(2))),
                        rs.getString(4) == null ? null : cipher.decrypt(rs.getString(4))))
                .optional();
    }

    /** Every resident using this phone number (a shared phone may belong to two people). */
    public List<Long> idsByPhone(PhoneNumber phone) {
        return jdbc.sql("select id from education_resident where phone_hash = :h").param("h", phoneHash(phone))
                .query(Long.class).list();
    }

    public Optional<Long> find(String name, PhoneNumber phone) {
        return jdbc.sql("select id from education_resident where phone_hash = :ph and name_hash = :nh")
                .param("ph", phoneHash(phone)).param("nh", cipher.lookupHash(name)).query(Long.class).optional();
    }
}
