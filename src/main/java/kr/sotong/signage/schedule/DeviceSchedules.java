package kr.sotong.signage.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import kr.sotong.signage.config.SignageProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Every device's schedule for the player API, cached in memory. The cache holds the snapshot of the
 * current schedule version and, per device, the document of the current window; a conditional GET
 * costs a map lookup and an ETag comparison. The window runs from today's midnight (Asia/Seoul) for two
 * days, so it always covers at least the next 24 hours and changes once a day.
 */
@Component
public class DeviceSchedules {

    private record Cached(long version, LocalDate day, ScheduleDocument doc) {
    }

    private final ScheduleSnapshots snapshots;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final int pollSeconds;
    private final int heartbeatSeconds;
    private final AtomicReference<ScheduleSnapshot> snapshot = new AtomicReference<>();
    private final Map<Long, Cached> perDevice = new ConcurrentHashMap<>();
    /** The compiler of the current snapshot and day (documents shared by devices with the same targeting). */
    private final AtomicReference<ScheduleCompiler> compiler = new AtomicReference<>();
    private final Object loadLock = new Object();
    /** Local commits that changed schedules, and how many of them the current snapshot has seen. */
    private final java.util.concurrent.atomic.AtomicLong marks = new java.util.concurrent.atomic.AtomicLong();
    private volatile long loadedMarks;
    private final ScheduleChanges changes;

    public DeviceSchedules(ScheduleSnapshots snapshots, ScheduleChanges changes, ApplicationEventPublisher events,
                           ObjectMapper json, Clock clock, SignageProperties properties) {
        this.snapshots = snapshots;
        this.changes = changes;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.pollSeconds = (int) properties.pollInterval().toSeconds();
        this.heartbeatSeconds = (int) properties.heartbeatInterval().toSeconds();
    }

    /** This node committed a change: the next reader reloads first (read-your-writes). */
    void markStale() {
        marks.incrementAndGet();
    }

    /**
     * The current snapshot. After a local commit the first reader reloads it; readers arriving meanwhile
     * wait for that reload instead of reading the old snapshot.
     */
    public ScheduleSnapshot snapshot() {
        if (marks.get() != loadedMarks || snapshot.get() == null) {
            synchronized (loadLock) {
                long m = marks.get();
                if (snapshot.get() == null) {
                    snapshot.set(snapshots.load());
                } else if (m != loadedMarks) {
                    reloadIfNewer(changes.currentVersion());
                }
                loadedMarks = m; // readers meanwhile waited on the lock instead of reading the old snapshot
            }
        }
        return snapshot.get();
    }

    /**
     * Reloads the snapshot when the stored schedule version moved on (another node's change, or a staff
     * page that must show the latest) and tells listeners.
     *
     * @param knownVersion the version now in the database
     */
    public void refresh(long knownVersion) {
        ScheduleSnapshot current = snapshot.get();
        if (current != null && current.version() >= knownVersion) {
            return;
        }
        synchronized (loadLock) {
            reloadIfNewer(knownVersion);
        }
    }

    /** Call with {@link #loadLock} held. */
    private void reloadIfNewer(long knownVersion) {
        ScheduleSnapshot current = snapshot.get();
        if (current != null && current.version() >= knownVersion) {
            return;
        }
        ScheduleSnapshot fresh = snapshots.load();
        snapshot.set(fresh);
        events.publishEvent(new SchedulesRefreshed(fresh.version()));
    }

    public long version() {
        return snapshot().version();
    }

    /** The device's current schedule document; empty for unknown or retired devices. */
    public Optional<ScheduleDocument> forDevice(long deviceId) {
        ScheduleSnapshot s = snapshot();
        DeviceProfile profile = s.devices().get(deviceId);
        if (profile == null) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ScheduleResolver.ZONE);
        Cached c = perDevice.get(deviceId);
        if (c != null && c.version() == s.version() && c.day().equals(day)) {
            return Optional.of(c.doc());
        }
        ScheduleDocument doc = compiler(s, day).document(profile);
        perDevice.put(deviceId, new Cached(s.version(), day, doc));
        return Optional.of(doc);
    }

    private ScheduleCompiler compiler(ScheduleSnapshot s, LocalDate day) {
        Instant from = day.atStartOfDay(ScheduleResolver.ZONE).toInstant();
        ScheduleCompiler current = compiler.get();
        if (current != null && current.version() == s.version() && current.from().equals(from)) {
            return current;
        }
        synchronized (compiler) {
            current = compiler.get();
            if (current != null && current.version() == s.version() && current.from().equals(from)) {
                return current;
            }
            Instant to = day.plusDays(2).atStartOfDay(ScheduleResolver.ZONE).toInstant();
            ScheduleCompiler fresh = new ScheduleCompiler(s.version(), s.index(), s.content(), from, to, pollSeconds,
                    heartbeatSeconds, json);
            compiler.set(fresh);
            return fresh;
        }
    }

    /** The device's effective playlist at an instant (for staff). */
    public Optional<Resolution> resolve(long deviceId, Instant at) {
        ScheduleSnapshot s = snapshot();
        DeviceProfile profile = s.devices().get(deviceId);
        return profile == null ? Optional.empty()
                : Optional.of(ScheduleResolver.resolve(profile, s.index().candidates(profile), at));
    }

    /** The device's timeline over [from, to) (for staff). */
    public List<Segment> timeline(long deviceId, Instant from, Instant to) {
        ScheduleSnapshot s = snapshot();
        DeviceProfile profile = s.devices().get(deviceId);
        return profile == null ? List.of() : ScheduleResolver.timeline(profile, s.index().candidates(profile), from, to);
    }

    public Instant now() {
        return clock.instant();
    }
}
