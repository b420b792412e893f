package kr.sotong.signage.schedule;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.device.DeviceKind;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns in {@code signage_campaign} with their dayparts in {@code signage_daypart}. */
@Repository("signageCampaigns")
public class Campaigns {

    static final String COLUMNS = """
            id, name, kind, playlist_id, start_date, end_date, priority, share_percent, status, target_all, target_kinds,
            target_groups, target_tags, target_devices, created_by, created_at, updated_at, version""";

    private final JdbcClient jdbc;

    public Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Campaign> findById(long id) {
        List<Campaign> list = query("where id = :id", Map.of("id", id));
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public Campaign require(long id) {
        return findById(id).orElseThrow(() -> DomainException.notFound("캠페인", id));
    }

    public List<Campaign> all() {
        return query("order by start_date desc, id desc", Map.of());
    }

    public List<Campaign> active() {
        return query("where status = 'ACTIVE' order by id", Map.of());
    }

    private List<Campaign> query(String tail, Map<String, Object> params) {
        List<Campaign> list = jdbc.sql("select " + COLUMNS + " from signage_campaign " + tail).params(params)
                .query(Campaigns::map).list();
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, List<Daypart>> parts = new HashMap<>();
        jdbc.sql("""
                        select campaign_id, weekdays, start_time, end_time from signage_daypart
                        where campaign_id = any(:ids) order by campaign_id, position""")
                .param("ids", list.stream().map(Campaign::id).toArray(Long[]::new))
                .query((rs, i) -> {
                    parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Daypart(
                            Daypart.daysOf(rs.getInt(2)), rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
                    return null;
                }).list();
        for (Campaign c : list) {
            c.dayparts = List.copyOf(parts.getOrDefault(c.id, List.of()));
        }
        return list;
    }

    public Campaign insert(Campaign c) {
        Map<String, Object> p = params(c);
        c.id = jdbc.sql("""
                        insert into signage_campaign (name, kind, playlist_id, start_date, end_date, priority,
                            share_percent, status, target_all, target_kinds, target_groups, target_tags, target_devices,
                            created_by, created_at, updated_at)
                        values (:name, :kind, :playlist, :start, :end, :priority, :share, :status, :all, :kinds, :groups,
                            :tags, :devices, :by, :created, :updated) returning id""")
                .params(p).query(Long.class).single();
        writeDayparts(c);
        return c;
    }

    public void update(Campaign c) {
        Map<String, Object> p = params(c);
        p.put("id", c.id);
        p.put("version", c.version);
        int n = jdbc.sql("""
                        update signage_campaign set name = :name, kind = :kind, playlist_id = :playlist,
                            start_date = :start, end_date = :end, priority = :priority, share_percent = :share,
                            status = :status, target_all = :all, target_kinds = :kinds, target_groups = :groups,
                            target_tags = :tags, target_devices = :devices, updated_at = :updated, version = version + 1
                        where id = :id and version = :version""")
                .params(p).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("signage_campaign " + c.id + " changed concurrently");
        }
        c.version++;
        jdbc.sql("delete from signage_daypart where campaign_id = :id").param("id", c.id).update();
        writeDayparts(c);
    }

    private void writeDayparts(Campaign c) {
        for (int i = 0; i < c.dayparts.size(); i++) {
            Daypart d = c.dayparts.get(i);
            jdbc.sql("""
                            insert into signage_daypart (campaign_id, position, weekdays, start_time, end_time)
                            values (:c, :p, :w, :s, :e)""")
                    .param("c", c.id).param("p", i).param("w", d.weekdayMask()).param("s", Time.valueOf(d.start()))
                    .param("e", Time.valueOf(d.end())).update();
        }
    }

    private static Map<String, Object> params(Campaign c) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", c.name);
        p.put("kind", c.kind.name());
        p.put("playlist", c.playlistId);
        p.put("start", Date.valueOf(c.start));
        p.put("end", Date.valueOf(c.end));
        p.put("priority", c.priority);
        p.put("share", c.sharePercent);
        p.put("status", c.status.name());
        p.put("all", c.targets.all());
        p.put("kinds", c.targets.kinds().stream().map(Enum::name).sorted().toArray(String[]::new));
        p.put("groups", c.targets.groups().stream().sorted().toArray(String[]::new));
        p.put("tags", c.targets.tags().stream().sorted().toArray(String[]::new));
        p.put("devices", c.targets.devices().stream().sorted().toArray(Long[]::new));
        p.put("by", c.createdBy);
        p.put("created", Timestamp.from(c.createdAt));
        p.put("updated", Timestamp.from(c.updatedAt));
        return p;
    }

    static Campaign map(ResultSet rs, int row) throws SQLException {
        Campaign c = new Campaign();
        c.id = rs.getLong("id");
        c.name = rs.getString("name");
        c.kind = CampaignKind.valueOf(rs.getString("kind"));
        c.playlistId = rs.getLong("playlist_id");
        c.start = rs.getDate("start_date").toLocalDate();
        c.end = rs.getDate("end_date").toLocalDate();
        c.priority = rs.getInt("priority");
        c.sharePercent = rs.getInt("share_percent");
        c.status = Campaign.Status.valueOf(rs.getString("status"));
        Set<DeviceKind> kinds = EnumSet.noneOf(DeviceKind.class);
        for (Object k : values(rs.getArray("target_kinds"))) {
            kinds.add(DeviceKind.valueOf(k.toString()));
        }
        Set<Long> devices = new HashSet<>();
        for (Object d : values(rs.getArray("target_devices"))) {
            devices.add(((Number) d).longValue());
        }
        c.targets = new Targets(rs.getBoolean("target_all"), kinds, strings(rs.getArray("target_groups")),
                strings(rs.getArray("target_tags")), devices);
        c.createdBy = rs.getString("created_by");
        c.createdAt = rs.getTimestamp("created_at").toInstant();
        c.updatedAt = rs.getTimestamp("updated_at").toInstant();
        c.version = rs.getInt("version");
        return c;
    }

    private static Object[] values(Array a) throws SQLException {
        return a == null ? new Object[0] : (Object[]) a.getArray();
    }

    private static Set<String> strings(Array a) throws SQLException {
        Set<String> out = new HashSet<>();
        for (Object o : values(a)) {
            out.add(o.toString());
        }
        return out;
    }
}
