package kr.sotong.signage.schedule;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import kr.sotong.shared.DomainException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Playlists in {@code signage_playlist} and {@code signage_playlist_item}. */
@Repository("signagePlaylists")
public class Playlists {

    private final JdbcClient jdbc;

    public Playlists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Playlist> findById(long id) {
        Optional<Playlist> p = jdbc.sql("""
                        select id, name, layout, description, created_at, updated_at, version from signage_playlist
                        where id = :id""").param("id", id)
                .query((rs, i) -> {
                    Playlist x = new Playlist();
                    x.id = rs.getLong(1);
                    x.name = rs.getString(2);
                    x.layout = Layout.valueOf(rs.getString(3));
                    x.description = rs.getString(4);
                    x.createdAt = rs.getTimestamp(5).toInstant();
                    x.updatedAt = rs.getTimestamp(6).toInstant();
                    x.version = rs.getInt(7);
                    return x;
                }).optional();
        p.ifPresent(x -> x.entries = new java.util.ArrayList<>(jdbc.sql("""
                        select content_id, duration_seconds from signage_playlist_item where playlist_id = :id
                        order by position""").param("id", id)
                .query((rs, i) -> new Playlist.Entry(rs.getLong(1), rs.getInt(2))).list()));
        return p;
    }

    public Playlist require(long id) {
        return findById(id).orElseThrow(() -> DomainException.notFound("재생목록", id));
    }

    /** A line of the playlist list. */
    public record Summary(long id, String name, Layout layout, int items, int seconds, int campaigns) {
    }

    public List<Summary> summaries() {
        return jdbc.sql("""
                        select p.id, p.name, p.layout,
                               (select count(*) from signage_playlist_item i where i.playlist_id = p.id),
                               (select coalesce(sum(duration_seconds), 0) from signage_playlist_item i where i.playlist_id = p.id),
                               (select count(*) from signage_campaign c where c.playlist_id = p.id)
                        from signage_playlist p order by p.id desc""")
                .query((rs, i) -> new Summary(rs.getLong(1), rs.getString(2), Layout.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6))).list();
    }

    public Playlist insert(Playlist p) {
        p.id = jdbc.sql("""
                        insert into signage_playlist (name, layout, description, created_at, updated_at)
                        values (:n, :l, :d, :c, :u) returning id""")
                .param("n", p.name).param("l", p.layout.name()).param("d", p.description)
                .param("c", Timestamp.from(p.createdAt)).param("u", Timestamp.from(p.updatedAt))
                .query(Long.class).single();
        writeItems(p);
        return p;
    }

    public void update(Playlist p) {
        int n = jdbc.sql("""
                        update signage_playlist set name = :n, layout = :l, description = :d, updated_at = :u,
                            version = version + 1 where id = :id and version = :v""")
                .param("n", p.name).param("l", p.layout.name()).param("d", p.description)
                .param("u", Timestamp.from(p.updatedAt)).param("id", p.id).param("v", p.version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("signage_playlist " + p.id + " changed concurrently");
        }
        p.version++;
        jdbc.sql("delete from signage_playlist_item where playlist_id = :id").param("id", p.id).update();
        writeItems(p);
    }

    private void writeItems(Playlist p) {
        for (int i = 0; i < p.entries.size(); i++) {
            Playlist.Entry e = p.entries.get(i);
            jdbc.sql("""
                            insert into signage_playlist_item (playlist_id, position, content_id, duration_seconds)
                            values (:p, :pos, :c, :s)""")
                    .param("p", p.id).param("pos", i).param("c", e.contentId()).param("s", e.seconds()).update();
        }
    }

    /** Names of playlists that contain the content item. */
    public List<String> namesContaining(long contentId) {
        return jdbc.sql("""
                        select distinct p.name from signage_playlist p join signage_playlist_item i on i.playlist_id = p.id
                        where i.content_id = :c order by p.name""").param("c", contentId).query(String.class).list();
    }
}
