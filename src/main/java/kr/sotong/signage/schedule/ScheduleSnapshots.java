package kr.sotong.signage.schedule;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.sotong.signage.content.ContentKind;
import kr.sotong.signage.device.DeviceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads a consistent {@link ScheduleSnapshot} (one repeatable-read transaction). */
@Component
public class ScheduleSnapshots {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    public ScheduleSnapshots(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ScheduleSnapshot load() {
        long version = jdbc.sql("select schedule_version from signage_state where id = 1").query(Long.class).single();
        Map<Long, ContentInfo> content = new HashMap<>();
        jdbc.sql("""
                        select id, kind, title, file_sha256, media_type, width_px, height_px, duration_ms, body_text, qr_sha256
                        from signage_content where status = 'APPROVED'""")
                .query((rs, i) -> {
                    ContentInfo c = new ContentInfo(rs.getLong(1), ContentKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7),
                            (Long) rs.getObject(8), rs.getString(9), rs.getString(10));
                    content.put(c.id(), c);
                    return null;
                }).list();
        Map<Long, List<PlayItem>> items = new HashMap<>();
        jdbc.sql("""
                        select i.playlist_id, i.content_id, c.kind, i.duration_seconds, c.valid_from, c.valid_until
                        from signage_playlist_item i join signage_content c on c.id = i.content_id
                        where c.status = 'APPROVED' order by i.playlist_id, i.position""")
                .query((rs, i) -> {
                    Date from = rs.getDate(5);
                    Date until = rs.getDate(6);
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PlayItem(rs.getLong(2),
                            ContentKind.valueOf(rs.getString(3)), rs.getInt(4), from == null ? null : from.toLocalDate(),
                            until == null ? null : until.toLocalDate()));
                    return null;
                }).list();
        Map<Long, PlaylistSpec> playlists = new HashMap<>();
        jdbc.sql("select id, name, layout from signage_playlist")
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    playlists.put(id, new PlaylistSpec(id, rs.getString(2), Layout.valueOf(rs.getString(3)),
                            items.getOrDefault(id, List.of())));
                    return null;
                }).list();
        List<CampaignRule> rules = new ArrayList<>();
        for (Campaign c : campaigns.active()) {
            PlaylistSpec p = playlists.get(c.playlistId());
            if (p != null) {
                rules.add(new CampaignRule(c.id(), c.name(), c.kind(), c.priority(), c.start(), c.end(), c.dayparts(),
                        c.targets(), c.sharePercent(), p));
            }
        }
        Map<Long, DeviceProfile> devices = new HashMap<>();
        Map<String, Long> tokens = new HashMap<>();
        jdbc.sql("""
                        select id, code, kind, groups, tags, case when token_revoked_at is null then token_hash end
                        from signage_device where status = 'ACTIVE'""")
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    devices.put(id, new DeviceProfile(id, rs.getString(2), DeviceKind.valueOf(rs.getString(3)),
                            strings(rs.getArray(4)), strings(rs.getArray(5))));
                    String token = rs.getString(6);
                    if (token != null) {
                        tokens.put(token, id);
                    }
                    return null;
                }).list();
        return ScheduleSnapshot.of(version, rules, devices, content, tokens);
    }

    private static Set<String> strings(Array a) throws SQLException {
        Set<String> out = new TreeSet<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add(o.toString());
            }
        }
        return out;
    }
}
