package kr.sotong.signage.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's schedules current: a local commit that changed schedules marks the cache stale, so
 * the next reader reloads it, and a reload follows 100 ms later anyway (a burst of changes coalesces
 * into one) so that connected players hear of it; changes made on other nodes are found by polling the shared version every
 * {@code sotong.signage.version-poll-interval} for changes made on other nodes.
 */
@Component
class ScheduleRefresher {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRefresher.class);

    private final DeviceSchedules schedules;
    private final ScheduleChanges changes;
    private final ScheduledExecutorService debouncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "signage-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    ScheduleRefresher(DeviceSchedules schedules, ScheduleChanges changes) {
        this.schedules = schedules;
        this.changes = changes;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(ScheduleChanged event) {
        schedules.markStale();
        if (pending.compareAndSet(false, true)) {
            debouncer.schedule(this::run, 100, TimeUnit.MILLISECONDS);
        }
    }

    private void run() {
        pending.set(false);
        try {
            schedules.snapshot(); // reloads if still stale and tells listeners
        } catch (RuntimeException e) {
            log.warn("signage: schedule refresh failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${sotong.signage.version-poll-interval:2s}", initialDelayString = "5s")
    void poll() {
        refreshNow();
    }

    private void refreshNow() {
        try {
            schedules.refresh(changes.currentVersion());
        } catch (RuntimeException e) {
            log.warn("signage: schedule refresh failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        debouncer.shutdownNow();
    }
}
