package kr.sotong.press;

import static kr.sotong.press.ReleaseRepository.instant;
import static kr.sotong.press.ReleaseRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outlets, reporters (encrypted columns), lists and contact history. */
@Repository
class ContactRepository {

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------- outlets ----------

    private static Contacts.Outlet outlet(ResultSet rs) throws SQLException {
        return new Contacts.Outlet(rs.getLong("id"), rs.getString("name"), OutletKind.valueOf(rs.getString("kind")),
                rs.getBoolean("local_press"), rs.getString("website"), rs.getString("phone"), rs.getString("address"),
                rs.getString("note"), rs.getBoolean("active"), rs.getInt("reporters"));
    }

    private static final String OUTLET_SELECT = """
            select o.*, (select count(*) from press_reporter r where r.outlet_id = o.id and r.active) as reporters
              from press_outlet o""";

    List<Contacts.Outlet> outlets() {
        return jdbc.sql(OUTLET_SELECT + " order by o.kind, o.name").query((rs, i) -> outlet(rs)).list();
    }

    Optional<Contacts.Outlet> outlet(long id) {
        return jdbc.sql(OUTLET_SELECT + " where o.id = :id").param("id", id).query((rs, i) -> outlet(rs)).optional();
    }

    Optional<Contacts.Outlet> outletByName(String name) {
        return jdbc.sql(OUTLET_SELECT + " where o.name = :n").param("n", name).query((rs, i) -> outlet(rs)).optional();
    }

    long insertOutlet(Contacts.OutletInput in) {
        return jdbc.sql("""
                        insert into press_outlet (name, kind, local_press, website, phone, address, note)
                        values (:n, :k, :l, :w, :p, :a, :note) returning id""")
                .param("n", in.name()).param("k", in.kind().name()).param("l", in.localPress()).param("w", in.website())
                .param("p", in.phone()).param("a", in.address()).param("note", in.note()).query(Long.class).single();
    }

    void updateOutlet(long id, Contacts.OutletInput in, boolean active) {
        jdbc.sql("""
                        update press_outlet set name = :n, kind = :k, local_press = :l, website = :w, phone = :p, address = :a,
                               note = :note, active = :active where id = :id""")
                .param("n", in.name()).param("k", in.kind().name()).param("l", in.localPress()).param("w", in.website())
                .param("p", in.phone()).param("a", in.address()).param("note", in.note()).param("active", active)
                .param("id", id).update();
    }

    // ---------- reporters ----------

    private static final String REPORTER_SELECT = """
            select r.*, o.name as outlet_name, o.kind as outlet_kind from press_reporter r
              join press_outlet o on o.id = r.outlet_id""";

    private static Contacts.Reporter reporter(ResultSet rs) throws SQLException {
        return new Contacts.Reporter(rs.getLong("id"), rs.getLong("outlet_id"), rs.getString("outlet_name"),
                OutletKind.valueOf(rs.getString("outlet_kind")), rs.getString("name_masked"),
                rs.getString("email_masked"), rs.getString("phone_masked"), rs.getString("beat"),
                rs.getBoolean("opt_in"), rs.getBoolean("active"), instant(rs, "bounced_at"),
                rs.getString("bounce_reason"), rs.getInt("lock_version"));
    }

    List<Contacts.Reporter> reporters(Long outletId, String listCode) {
        StringBuilder sql = new StringBuilder(REPORTER_SELECT).append(" where 1=1");
        if (outletId != null) {
            sql.append(" and r.outlet_id = :o");
        }
        if (listCode != null) {
            sql.append(" and exists (select 1 from press_contact_list_member m where m.reporter_id = r.id and m.list_code = :l)");
        }
        sql.append(" order by o.name, r.id");
        var q = jdbc.sql(sql.toString());
        if (outletId != null) {
            q = q.param("o", outletId);
        }
        if (listCode != null) {
            q = q.param("l", listCode);
        }
        return q.query((rs, i) -> reporter(rs)).list();
    }

    Optional<Contacts.Reporter> reporter(long id) {
        return jdbc.sql(REPORTER_SELECT + " where r.id = :id").param("id", id).query((rs, i) -> reporter(rs)).optional();
    }

    record Encrypted(String nameEnc, String nameMasked, String emailEnc, String emailHash, String emailMasked,
                     String phoneEnc, String phoneMasked) {
    }

    record Cipher(String nameEnc, String emailEnc, String phoneEnc) {
    }

    Optional<Cipher> cipherText(long id) {
        return jdbc.sql("select name_enc, email_enc, phone_enc from press_reporter where id = :id").param("id", id)
                .query((rs, i) -> new Cipher(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    boolean emailHashExists(String hash, Long exceptId) {
        return jdbc.sql("select count(*) from press_reporter where email_hash = :h and (:except::bigint is null or id <> :except)")
                .param("h", hash).param("except", exceptId).query(Long.class).single() > 0;
    }

    long insertReporter(long outletId, Encrypted e, String beat, boolean optIn, Instant now) {
        return jdbc.sql("""
                        insert into press_reporter (outlet_id, name_enc, name_masked, email_enc, email_hash, email_masked, phone_enc,
                                                    phone_masked, beat, opt_in, created_at)
                        values (:o, :ne, :nm, :ee, :eh, :em, :pe, :pm, :beat, :opt, :now) returning id""")
                .param("o", outletId).param("ne", e.nameEnc()).param("nm", e.nameMasked()).param("ee", e.emailEnc())
                .param("eh", e.emailHash()).param("em", e.emailMasked()).param("pe", e.phoneEnc())
                .param("pm", e.phoneMasked()).param("beat", beat).param("opt", optIn).param("now", ts(now))
                .query(Long.class).single();
    }

    boolean updateReporter(long id, int lockVersion, long outletId, Encrypted e, String beat, boolean optIn, boolean active) {
        return jdbc.sql("""
                        update press_reporter set outlet_id = :o, name_enc = :ne, name_masked = :nm, email_enc = :ee, email_hash = :eh,
                               email_masked = :em, phone_enc = :pe, phone_masked = :pm, beat = :beat, opt_in = :opt, active = :active,
                               lock_version = lock_version + 1
                         where id = :id and lock_version = :lock""")
                .param("o", outletId).param("ne", e.nameEnc()).param("nm", e.nameMasked()).param("ee", e.emailEnc())
                .param("eh", e.emailHash()).param("em", e.emailMasked()).param("pe", e.phoneEnc())
                .param("pm", e.phoneMasked()).param("beat", beat).param("opt", optIn).param("active", active)
                .param("id", id).param("lock", lockVersion).update() == 1;
    }

    void markBounced(long id, String reason, Instant at) {
        jdbc.sql("update press_reporter set bounced_at = :at, bounce_reason = :r where id = :id and bounced_at is null")
                .param("at", ts(at)).param("r", reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("id", id).update();
    }

    void clearBounce(long id) {
        jdbc.sql("update press_reporter set bounced_at = null, bounce_reason = null where id = :id").param("id", id).update();
    }

    void history(long reporterId, String kind, String note, String actor, Instant at) {
        jdbc.sql("insert into press_reporter_history (reporter_id, kind, note, actor, at) values (:r, :k, :n, :a, :at)")
                .param("r", reporterId).param("k", kind).param("n", note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note)
                .param("a", actor).param("at", ts(at)).update();
    }

    List<Contacts.History> history(long reporterId) {
        return jdbc.sql("select * from press_reporter_history where reporter_id = :r order by at desc, id desc limit 200")
                .param("r", reporterId)
                .query((rs, i) -> new Contacts.History(rs.getLong("id"), rs.getString("kind"), rs.getString("note"),
                        rs.getString("actor"), instant(rs, "at"))).list();
    }

    // ---------- lists ----------

    List<Contacts.ContactList> lists() {
        return jdbc.sql("""
                        select l.*, (select count(*) from press_contact_list_member m where m.list_code = l.code) as members
                          from press_contact_list l order by l.code""")
                .query((rs, i) -> new Contacts.ContactList(rs.getString("code"), rs.getString("name"),
                        rs.getString("description"), rs.getInt("members"))).list();
    }

    boolean listExists(String code) {
        return jdbc.sql("select count(*) from press_contact_list where code = :c").param("c", code).query(Long.class)
                .single() > 0;
    }

    void insertList(String code, String name, String description) {
        jdbc.sql("insert into press_contact_list (code, name, description) values (:c, :n, :d)").param("c", code)
                .param("n", name).param("d", description).update();
    }

    void setMembership(String code, long reporterId, boolean member) {
        if (member) {
            jdbc.sql("insert into press_contact_list_member (list_code, reporter_id) values (:c, :r) on conflict do nothing")
                    .param("c", code).param("r", reporterId).update();
        } else {
            jdbc.sql("delete from press_contact_list_member where list_code = :c and reporter_id = :r").param("c", code)
                    .param("r", reporterId).update();
        }
    }

    List<String> listsOf(long reporterId) {
        return jdbc.sql("select list_code from press_contact_list_member where reporter_id = :r order by list_code")
                .param("r", reporterId).query(String.class).list();
    }

    /** A recipient of a distribution: opted in, active, not bounced, outlet active. */
    record Recipient(long reporterId, String emailEnc, String emailMasked) {
    }

    List<Recipient> recipients(List<String> listCodes) {
        String sql = """
                select r.id, r.email_enc, r.email_masked from press_reporter r join press_outlet o on o.id = r.outlet_id
                 where r.active and r.opt_in and r.bounced_at is null and o.active""";
        if (listCodes.isEmpty()) {
            return jdbc.sql(sql + " order by r.id").query((rs, i) -> new Recipient(rs.getLong(1), rs.getString(2),
                    rs.getString(3))).list();
        }
        return jdbc.sql(sql + " and exists (select 1 from press_contact_list_member m where m.reporter_id = r.id and m.list_code in (:codes)) order by r.id")
                .param("codes", listCodes)
                .query((rs, i) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** For the XLSX export: every reporter with cipher text (decrypted by the caller, access-logged). */
    record ExportRow(long id, String outletName, OutletKind kind, String nameEnc, String emailEnc, String phoneEnc,
                     String beat, boolean optIn, boolean active, Instant bouncedAt) {
    }

    List<ExportRow> exportRows() {
        return jdbc.sql(REPORTER_SELECT + " order by o.name, r.id")
                .query((rs, i) -> new ExportRow(rs.getLong("id"), rs.getString("outlet_name"),
                        OutletKind.valueOf(rs.getString("outlet_kind")), rs.getString("name_enc"), rs.getString("email_enc"),
                        rs.getString("phone_enc"), rs.getString("beat"), rs.getBoolean("opt_in"), rs.getBoolean("active"),
                        instant(rs, "bounced_at"))).list();
    }
}
