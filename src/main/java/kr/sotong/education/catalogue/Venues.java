package kr.sotong.education.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Venues, rooms, categories and levels. */
@Repository
public class Venues {

    private final JdbcClient jdbc;

    Venues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final org.springframework.jdbc.core.RowMapper<Venue> VENUE = (rs, i) -> new Venue(rs.getLong("id"),
            rs.getString("code"), rs.getString("name"), VenueKind.valueOf(rs.getString("kind")), rs.getString("address"),
            rs.getString("note"), rs.getBoolean("active"));
    private static final org.springframework.jdbc.core.RowMapper<Room> ROOM = (rs, i) -> new Room(rs.getLong("id"),
            rs.getLong("venue_id"), rs.getString("code"), rs.getString("name"), RoomKind.valueOf(rs.getString("kind")),
            (Integer) rs.getObject("seats"), (Integer) rs.getObject("previous_seats"), rs.getString("equipment"),
            rs.getString("note"), rs.getBoolean("active"));

    public List<Venue> venues() {
        return jdbc.sql("select * from education_venue order by case kind when 'DISTRICT_OFFICE' then 0 when 'COMMUNITY_CENTRE' then 1 "
                        + "when 'WELFARE_CENTRE' then 2 else 3 end, id")
                .query(VENUE).list();
    }

    public Optional<Venue> venue(long id) {
        return jdbc.sql("select * from education_venue where id = :id").param("id", id).query(VENUE).optional();
    }

    public List<Room> rooms() {
        return jdbc.sql("select * from education_room order by venue_id, id").query(ROOM).list();
    }

    public Optional<Room> room(long id) {
        return jdbc.sql("select * from education_room where id = :id").param("id", id).query(ROOM).optional();
    }

    /** "구청 전산교육장 일반교육장" — venue and room name for messages and lists. */
    public String place(long roomId) {
        return jdbc.sql("select v.name || ' ' || r.name from education_room r join education_venue v on v.id = r.venue_id where r.id = :id")
                .param("id", roomId).query(String.class).optional().orElse("");
    }

    public Optional<Room> roomByCode(String code) {
        return rooms().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<Venue> venueByCode(String code) {
        return venues().stream().filter(v -> v.code().equals(code)).findFirst();
    }

    public long insertVenue(String code, String name, VenueKind kind, String address, String note) {
        return jdbc.sql("insert into education_venue (code, name, kind, address, note) values (:c, :n, :k, :a, :note) returning id")
                .param("c", code).param("n", name).param("k", kind.name()).param("a", address).param("note", note)
                .query(Long.class).single();
    }

    public long insertRoom(long venueId, String code, String name, RoomKind kind, Integer seats, Integer previousSeats,
                           String equipment, String note) {
        return jdbc.sql("""
                        insert into education_room (venue_id, code, name, kind, seats, previous_seats, equipment, note)
                        values (:v, :c, :n, :k, :s, :p, :e, :note) returning id""")
                .param("v", venueId).param("c", code).param("n", name).param("k", kind.name()).param("s", seats)
                .param("p", previousSeats).param("e", equipment).param("note", note).query(Long.class).single();
    }

    public void updateRoom(long id, String name, Integer seats, String equipment, String note, boolean active) {
        jdbc.sql("""
                        update education_room set name = :n, seats = :s, equipment = :e, note = :note, active = :a,
                               previous_seats = case when seats is distinct from :s and seats is not null then seats else previous_seats end
                         where id = :id""")
                .param("n", name).param("s", seats).param("e", equipment).param("note", note).param("a", active)
                .param("id", id).update();
    }

    public void updateVenue(long id, String name, String address, String note) {
        jdbc.sql("update education_venue set name = :n, address = :a, note = :note where id = :id")
                .param("n", name).param("a", address).param("note", note).param("id", id).update();
    }

    public List<Category> categories() {
        return jdbc.sql("select * from education_category order by sort_order, code").query((rs, i) -> new Category(
                rs.getString("code"), rs.getString("name"), rs.getString("description"), rs.getInt("sort_order"))).list();
    }

    public List<Level> levels() {
        return jdbc.sql("select * from education_level order by sort_order")
                .query((rs, i) -> new Level(rs.getString("code"), rs.getString("name"), rs.getInt("sort_order"))).list();
    }

    public void insertCategory(String code, String name, String description, int sortOrder) {
        jdbc.sql("insert into education_category (code, name, description, sort_order) values (:c, :n, :d, :s)")
                .param("c", code).param("n", name).param("d", description).param("s", sortOrder).update();
    }

    public void insertLevel(String code, String name, int sortOrder) {
        jdbc.sql("insert into education_level (code, name, sort_order) values (:c, :n, :s)")
                .param("c", code).param("n", name).param("s", sortOrder).update();
    }
}
