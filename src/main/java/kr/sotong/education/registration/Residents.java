package kr.sotong.education.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        return upsertAll(List.of(seal(a)), now).values().iterator().next();
    }

    /** A resident's stored values, encrypted and hashed (the CPU work, done by the request's own thread). */
    public record Sealed(String phoneHash, String nameHash, String phoneEnc, String nameEnc, String emailEnc) {
        String key() {
            return phoneHash + ":" + nameHash;
        }
    }

    public Sealed seal(Applicant a) {
        return new Sealed(cipher.lookupHash(a.phone().digits()), cipher.lookupHash(a.name()), cipher.encrypt(a.phone().digits()),
                cipher.encrypt(a.name()), a.email() == null ? null : cipher.encrypt(a.email()));
    }

    /**
     * Finds or creates many residents in one statement and locks their rows for the rest of the transaction; returns
     * the ids by {@link Sealed#key()}. Rows are written in key order, so two transactions upserting the same residents
     * lock them in the same order.
     */
    public Map<String, Long> upsertAll(Collection<Sealed> residents, Instant now) {
        Map<String, Sealed> byKey = new TreeMap<>();
        residents.forEach(r -> byKey.putIfAbsent(r.key(), r)); // one row per resident: a statement may not update a row twice
        int size = byKey.size();
        String[] ph = new String[size];
        String[] nh = new String[size];
        String[] p = new String[size];
        String[] n = new String[size];
        String[] e = new String[size];
        int i = 0;
        for (Sealed r : byKey.values()) {
            ph[i] = r.phoneHash();
            nh[i] = r.nameHash();
            p[i] = r.phoneEnc();
            n[i] = r.nameEnc();
            e[i] = r.emailEnc();
            i++;
        }
        Map<String, Long> ids = new HashMap<>();
        // arrays, not a VALUES list: the statement text is the same for any batch size, so it is parsed and planned once
        jdbc.sql("""
                        insert into education_resident (phone_hash, name_hash, phone_enc, name_enc, email_enc, created_at, updated_at)
                        select r.ph, r.nh, r.p, r.n, r.e, :now, :now
                          from unnest(:ph::text[], :nh::text[], :p::text[], :n::text[], :e::text[]) with ordinality as r(ph, nh, p, n, e, ord)
                         order by r.ord
                        on conflict (phone_hash, name_hash) do update
                           set updated_at = excluded.updated_at,
                               email_enc = coalesce(excluded.email_enc, education_resident.email_enc)
                        returning id, phone_hash, name_hash""")
                .param("ph", ph).param("nh", nh).param("p", p).param("n", n).param("e", e).param("now", Timestamp.from(now))
                .query(rs -> {
                    ids.put(rs.getString(2) + ":" + rs.getString(3), rs.getLong(1));
                });
        return ids;
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
