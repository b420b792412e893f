package kr.sotong.signage.device;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.shared.DomainException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Devices in {@code signage_device}. */
@Repository("signageDevices")
public class Devices {

    static final String COLUMNS = """
            id, code, name, kind, building, place, dong, orientation, width_px, height_px, groups, tags, status,
            token_hash, token_issued_at, token_revoked_at, paired_at, last_seen_at, last_ip, player_version,
            clock_skew_ms, offline_alerted_at, screenshot_requested_at, screenshot_sha256, screenshot_at, note,
            created_at, updated_at, version""";

    private final JdbcClient jdbc;

    public Devices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Device> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from signage_device where id = :id").param("id", id)
                .query(Devices::map).optional();
    }

    public Device require(long id) {
        return findById(id).orElseThrow(() -> DomainException.notFound("기기", id));
    }

    public Optional<Device> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from signage_device where code = :c").param("c", code)
                .query(Devices::map).optional();
    }

    public Optional<Device> findByTokenHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from signage_device where token_hash = :h").param("h", hash)
                .query(Devices::map).optional();
    }

    /** Devices matching the filter, by code. */
    public List<Device> list(DeviceFilter f) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String where = where(f, params);
        params.put("limit", Math.max(1, Math.min(f.limit(), 20000)));
        params.put("offset", Math.max(0, f.offset()));
        return jdbc.sql("select " + COLUMNS + " from signage_device where " + where
                        + " order by code limit :limit offset :offset")
                .params(params).query(Devices::map).list();
    }

    public long count(DeviceFilter f) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String where = where(f, params);
        return jdbc.sql("select count(*) from signage_device where " + where).params(params).query(Long.class).single();
    }

    private static String where(DeviceFilter f, java.util.Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("true");
        if (f.kind() != null) {
            sql.append(" and kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (!f.includeRetired()) {
            sql.append(" and status = 'ACTIVE'");
        }
        if (f.group() != null && !f.group().isBlank()) {
            sql.append(" and :group = any(groups)");
            params.put("group", f.group().strip());
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            sql.append(" and :tag = any(tags)");
            params.put("tag", f.tag().strip());
        }
        if (f.query() != null && !f.query().isBlank()) {
            sql.append(" and (code ilike :q or name ilike :q or building ilike :q or place ilike :q or dong ilike :q)");
            params.put("q", "%" + f.query().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return sql.toString();
    }

    public Device insert(Device d) {
        d.id = jdbc.sql("""
                        insert into signage_device (code, name, kind, building, place, dong, orientation, width_px,
                            height_px, groups, tags, status, note, created_at, updated_at, version)
                        values (:code, :name, :kind, :building, :place, :dong, :orientation, :width, :height, :groups,
                            :tags, :status, :note, :created, :updated, 0) returning id""")
                .param("code", d.code).param("name", d.name).param("kind", d.kind.name()).param("building", d.building)
                .param("place", d.place).param("dong", d.dong).param("orientation", d.orientation.name())
                .param("width", d.width).param("height", d.height).param("groups", array(d.groups))
                .param("tags", array(d.tags)).param("status", d.status.name()).param("note", d.note)
                .param("created", ts(d.createdAt)).param("updated", ts(d.updatedAt))
                .query(Long.class).single();
        return d;
    }

    /** Saves a changed device; fails when someone else changed it since it was read. */
    public void update(Device d) {
        int n = jdbc.sql("""
                        update signage_device set name = :name, kind = :kind, building = :building, place = :place,
                            dong = :dong, orientation = :orientation, width_px = :width, height_px = :height,
                            groups = :groups, tags = :tags, status = :status, token_hash = :tokenHash,
                            token_issued_at = :issued, token_revoked_at = :revoked, paired_at = :paired,
                            offline_alerted_at = :alerted, screenshot_requested_at = :shotRequested,
                            screenshot_sha256 = :shot, screenshot_at = :shotAt, note = :note, updated_at = :updated,
                            version = version + 1
                        where id = :id and version = :version""")
                .param("name", d.name).param("kind", d.kind.name()).param("building", d.building)
                .param("place", d.place).param("dong", d.dong).param("orientation", d.orientation.name())
                .param("width", d.width).param("height", d.height).param("groups", array(d.groups))
                .param("tags", array(d.tags)).param("status", d.status.name()).param("tokenHash", d.tokenHash)
                .param("issued", ts(d.tokenIssuedAt)).param("revoked", ts(d.tokenRevokedAt))
                .param("paired", ts(d.pairedAt)).param("alerted", ts(d.offlineAlertedAt))
                .param("shotRequested", ts(d.screenshotRequestedAt)).param("shot", d.screenshotSha256)
                .param("shotAt", ts(d.screenshotAt)).param("note", d.note).param("updated", ts(d.updatedAt))
                .param("id", d.id).param("version", d.version)
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("signage_device " + d.id + " changed concurrently");
        }
        d.version++;
    }

    /** Heartbeat: last seen, address, player version and clock offset; clears an offline alert. */
    public void recordHeartbeat(long id, Instant at, String ip, String playerVersion, Long skewMs) {
        jdbc.sql("""
                        update signage_device set last_seen_at = greatest(coalesce(last_seen_at, :at), :at), last_ip = :ip,
                            player_version = :pv, clock_skew_ms = :skew, offline_alerted_at = null
                        where id = :id""")
                .param("at", ts(at)).param("ip", ip).param("pv", playerVersion).param("skew", skewMs).param("id", id)
                .update();
    }

    /** Many devices seen at once (from the in-memory tracker of schedule requests). */
    public void recordSeen(long[] ids, Instant[] at) {
        if (ids.length == 0) {
            return;
        }
        Timestamp[] times = new Timestamp[at.length];
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
            times[i] = Timestamp.from(at[i]);
        }
        jdbc.sql("""
                        update signage_device d set last_seen_at = greatest(coalesce(d.last_seen_at, s.at), s.at),
                            offline_alerted_at = null
                        from unnest(:ids, :ats) as s(id, at) where d.id = s.id""")
                .param("ids", boxed).param("ats", times).update();
    }

    /** Paired, active devices silent since before {@code silentSince} that were not yet alerted. */
    public List<Device> silentUnalerted(Instant silentSince) {
        return jdbc.sql("select " + COLUMNS + " from signage_device " + """
                        where status = 'ACTIVE' and token_hash is not null
                          and token_revoked_at is null and offline_alerted_at is null
                          and coalesce(last_seen_at, paired_at) < :since order by code""")
                .param("since", ts(silentSince)).query(Devices::map).list();
    }

    public void markOfflineAlerted(List<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update signage_device set offline_alerted_at = :at where id = any(:ids)")
                .param("at", ts(at)).param("ids", ids.toArray(Long[]::new)).update();
    }

    public boolean codeExists(String code) {
        return jdbc.sql("select count(*) from signage_device where code = :c").param("c", code).query(Long.class)
                .single() > 0;
    }

    /** Next free code of a kind: MB-0001, MB-0002, … */
    public String nextCode(DeviceKind kind) {
        String prefix = kind.codePrefix() + "-";
        Integer max = jdbc.sql("""
                        select max(cast(substring(code from :from) as int)) from signage_device
                        where code ~ :pattern""")
                .param("from", prefix.length() + 1).param("pattern", "^" + prefix + "[0-9]{1,9}$")
                .query(Integer.class).optional().orElse(null);
        return prefix + String.format("%04d", (max == null ? 0 : max) + 1);
    }

    /** Counts of active devices per kind and per condition. */
    public record Census(DeviceKind kind, long registered, long paired, long online) {
    }

    public List<Census> census(Instant onlineSince) {
        return jdbc.sql("""
                        select kind, count(*),
                               count(*) filter (where token_hash is not null and token_revoked_at is null),
                               count(*) filter (where token_hash is not null and token_revoked_at is null
                                                 and coalesce(last_seen_at, paired_at) >= :since)
                        from signage_device where status = 'ACTIVE' group by kind""")
                .param("since", ts(onlineSince))
                .query((rs, i) -> new Census(DeviceKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4))).list();
    }

    public List<String> allGroups() {
        return jdbc.sql("select distinct unnest(groups) g from signage_device where status = 'ACTIVE' order by g")
                .query(String.class).list();
    }

    public List<String> allTags() {
        return jdbc.sql("select distinct unnest(tags) t from signage_device where status = 'ACTIVE' order by t")
                .query(String.class).list();
    }

    static Device map(ResultSet rs, int row) throws SQLException {
        Device d = new Device();
        d.id = rs.getLong("id");
        d.code = rs.getString("code");
        d.name = rs.getString("name");
        d.kind = DeviceKind.valueOf(rs.getString("kind"));
        d.building = rs.getString("building");
        d.place = rs.getString("place");
        d.dong = rs.getString("dong");
        d.orientation = Orientation.valueOf(rs.getString("orientation"));
        d.width = rs.getInt("width_px");
        d.height = rs.getInt("height_px");
        d.groups = strings(rs.getArray("groups"));
        d.tags = strings(rs.getArray("tags"));
        d.status = Device.Status.valueOf(rs.getString("status"));
        d.tokenHash = rs.getString("token_hash");
        d.tokenIssuedAt = instant(rs, "token_issued_at");
        d.tokenRevokedAt = instant(rs, "token_revoked_at");
        d.pairedAt = instant(rs, "paired_at");
        d.lastSeenAt = instant(rs, "last_seen_at");
        d.lastIp = rs.getString("last_ip");
        d.playerVersion = rs.getString("player_version");
        long skew = rs.getLong("clock_skew_ms");
        d.clockSkewMs = rs.wasNull() ? null : skew;
        d.offlineAlertedAt = instant(rs, "offline_alerted_at");
        d.screenshotRequestedAt = instant(rs, "screenshot_requested_at");
        d.screenshotSha256 = rs.getString("screenshot_sha256");
        d.screenshotAt = instant(rs, "screenshot_at");
        d.note = rs.getString("note");
        d.createdAt = instant(rs, "created_at");
        d.updatedAt = instant(rs, "updated_at");
        d.version = rs.getInt("version");
        return d;
    }

    static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Object[] values = (Object[]) array.getArray();
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Object v : values) {
            if (v != null) {
                out.add(v.toString());
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static String[] array(Set<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }
}
