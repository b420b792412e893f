package kr.sotong.signage.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kr.sotong.shared.DomainException;
import kr.sotong.signage.config.SignageProperties;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 송출 기록: proof of play uploaded by players in batches. Each play carries the player's own id, so a
 * replayed batch (lost answer, retry after reconnecting) is counted once. A device clock that is off by
 * more than {@code sotong.signage.clock-skew-tolerance} is corrected by the offset between the batch's
 * {@code sentAt} and the server's time; plays that are still in the future, too old, or name unknown
 * content are refused with a reason, the rest are kept.
 */
@Service
public class ProofOfPlayLedger {

    /** One play as reported by a player. */
    public record Play(String id, Long content, Long campaign, Long playlist, Instant startedAt, Long durationMs) {
    }

    /** A batch: the player's clock when it sent the batch, and its plays. */
    public record Batch(Instant sentAt, List<Play> plays) {
    }

    public record Refused(String id, String reason) {
    }

    /** @param skewMs the correction applied (server time minus device time), 0 when within tolerance */
    public record Receipt(int accepted, int duplicates, List<Refused> refused, long skewMs) {
    }

    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);
    private static final long MAX_DURATION_MS = Duration.ofHours(6).toMillis();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final SignageProperties properties;

    public ProofOfPlayLedger(JdbcClient jdbc, JdbcTemplate template, Clock clock, SignageProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public Receipt record(long deviceId, Batch batch) {
        if (batch == null || batch.plays() == null) {
            throw new DomainException("signage.pop.empty", "송출 기록(plays)이 없습니다.");
        }
        if (batch.plays().size() > properties.proofOfPlayMaxBatch()) {
            throw new DomainException("signage.pop.too-many",
                    "송출 기록은 한 번에 " + properties.proofOfPlayMaxBatch() + "건까지 보낼 수 있습니다(받은 것: " + batch.plays().size() + "건).");
        }
        Instant now = clock.instant();
        long skew = 0;
        if (batch.sentAt() != null) {
            long offset = Duration.between(batch.sentAt(), now).toMillis();
            if (Math.abs(offset) > properties.clockSkewTolerance().toMillis()) {
                skew = offset;
            }
        }
        Set<Long> referenced = new HashSet<>();
        batch.plays().forEach(p -> {
            if (p != null && p.content() != null) {
                referenced.add(p.content());
            }
        });
        Set<Long> known = referenced.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("select id from signage_content where id = any(:ids)")
                .param("ids", referenced.toArray(Long[]::new)).query(Long.class).list());
        Instant oldest = now.minus(properties.proofOfPlayMaxAge());
        List<Refused> refused = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Set<UUID> inBatch = new HashSet<>();
        int duplicatesInBatch = 0;
        for (Play p : batch.plays()) {
            if (p == null) {
                refused.add(new Refused(null, "빈 기록"));
                continue;
            }
            UUID id = uuid(p.id());
            if (id == null) {
                refused.add(new Refused(p.id(), "기록 번호(id)가 UUID가 아닙니다"));
                continue;
            }
            if (p.content() == null || !known.contains(p.content())) {
                refused.add(new Refused(p.id(), "알 수 없는 콘텐츠입니다: " + p.content()));
                continue;
            }
            if (p.startedAt() == null) {
                refused.add(new Refused(p.id(), "재생 시작 시각(startedAt)이 없습니다"));
                continue;
            }
            if (p.durationMs() == null || p.durationMs() <= 0 || p.durationMs() > MAX_DURATION_MS) {
                refused.add(new Refused(p.id(), "재생 시간(durationMs)이 올바르지 않습니다: " + p.durationMs()));
                continue;
            }
            Instant started = p.startedAt().plusMillis(skew);
            if (started.isAfter(now.plus(FUTURE_TOLERANCE))) {
                refused.add(new Refused(p.id(), "재생 시각이 미래입니다(기기 시계를 확인하세요): " + started));
                continue;
            }
            if (started.isBefore(oldest)) {
                refused.add(new Refused(p.id(), "보관 기간(" + properties.proofOfPlayMaxAge().toDays() + "일)보다 오래된 기록입니다"));
                continue;
            }
            if (!inBatch.add(id)) {
                duplicatesInBatch++;
                continue;
            }
            rows.add(new Object[]{deviceId, id, p.content(), p.campaign(), p.playlist(), Timestamp.from(started),
                    (int) (long) p.durationMs(), Timestamp.from(p.startedAt()), skew, Timestamp.from(now)});
        }
        int[] counts = rows.isEmpty() ? new int[0] : template.batchUpdate("""
                insert into signage_proof_of_play (device_id, play_id, content_id, campaign_id, playlist_id, started_at,
                    duration_ms, device_started_at, skew_ms, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (device_id, play_id) do nothing""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Object[] r = rows.get(i);
                        ps.setLong(1, (Long) r[0]);
                        ps.setObject(2, r[1]);
                        ps.setLong(3, (Long) r[2]);
                        setLong(ps, 4, (Long) r[3]);
                        setLong(ps, 5, (Long) r[4]);
                        ps.setTimestamp(6, (Timestamp) r[5]);
                        ps.setInt(7, (Integer) r[6]);
                        ps.setTimestamp(8, (Timestamp) r[7]);
                        ps.setLong(9, (Long) r[8]);
                        ps.setTimestamp(10, (Timestamp) r[9]);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
        int accepted = 0;
        for (int c : counts) {
            accepted += c > 0 ? 1 : 0;
        }
        return new Receipt(accepted, rows.size() - accepted + duplicatesInBatch, refused, skew);
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static UUID uuid(String s) {
        if (s == null || s.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
