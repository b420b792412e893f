package kr.sotong.signage.player;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kr.sotong.signage.device.DeviceSignals;
import kr.sotong.signage.schedule.DeviceSchedules;
import kr.sotong.signage.schedule.ScheduleDocument;
import kr.sotong.signage.schedule.SchedulesRefreshed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to connected players: {@code schedule} (with the new ETag) when a change alters a
 * device's schedule, {@code screenshot} when staff ask for one, {@code revoked} when the device's token
 * stops working. Only devices whose schedule document actually changed are told, so a change for one
 * building does not make the whole fleet download. A comment every 25 s keeps idle connections open
 * through proxies; players reconnect after the stream's 30 minutes.
 */
@Component
public class PlayerEvents {

    private static final Logger log = LoggerFactory.getLogger(PlayerEvents.class);
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private static final class Connection {
        final SseEmitter emitter;
        volatile String etag;

        Connection(SseEmitter emitter, String etag) {
            this.emitter = emitter;
            this.etag = etag;
        }
    }

    private final DeviceSchedules schedules;
    private final Map<Long, Set<Connection>> connections = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "signage-sse");
        t.setDaemon(true);
        return t;
    });

    public PlayerEvents(DeviceSchedules schedules) {
        this.schedules = schedules;
    }

    public SseEmitter connect(long deviceId) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        String etag = schedules.forDevice(deviceId).map(ScheduleDocument::etag).orElse("");
        Connection c = new Connection(emitter, etag);
        connections.computeIfAbsent(deviceId, k -> ConcurrentHashMap.newKeySet()).add(c);
        Runnable remove = () -> {
            Set<Connection> set = connections.get(deviceId);
            if (set != null) {
                set.remove(c);
                if (set.isEmpty()) {
                    connections.remove(deviceId, set);
                }
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("hello").data(Map.of("etag", etag), MediaType.APPLICATION_JSON)
                    .reconnectTime(3000));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    public int connectedDevices() {
        return connections.size();
    }

    @EventListener
    void onRefresh(SchedulesRefreshed event) {
        sender.execute(() -> {
            for (Map.Entry<Long, Set<Connection>> e : connections.entrySet()) {
                String etag;
                try {
                    etag = schedules.forDevice(e.getKey()).map(ScheduleDocument::etag).orElse("");
                } catch (RuntimeException ex) {
                    log.warn("signage: schedule of device {} failed: {}", e.getKey(), ex.toString());
                    continue;
                }
                for (Connection c : e.getValue()) {
                    if (!etag.equals(c.etag)) {
                        c.etag = etag;
                        send(c, "schedule", Map.of("etag", etag));
                    }
                }
            }
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onRevoked(DeviceSignals.TokenRevoked event) {
        Set<Connection> set = connections.remove(event.deviceId());
        if (set != null) {
            sender.execute(() -> set.forEach(c -> {
                send(c, "revoked", Map.of("reason", "인증이 취소되었습니다"));
                c.emitter.complete();
            }));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onScreenshot(DeviceSignals.ScreenshotRequested event) {
        Set<Connection> set = connections.get(event.deviceId());
        if (set != null) {
            sender.execute(() -> set.forEach(c -> send(c, "screenshot", Map.of("requested", true))));
        }
    }

    @Scheduled(fixedDelayString = "PT25S", initialDelayString = "PT25S")
    void keepAlive() {
        sender.execute(() -> connections.values().forEach(set -> set.forEach(c -> {
            try {
                c.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                c.emitter.completeWithError(e);
            }
        })));
    }

    private static void send(Connection c, String name, Object data) {
        try {
            c.emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            c.emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void stop() {
        connections.values().forEach(set -> set.forEach(c -> c.emitter.complete()));
        sender.shutdownNow();
    }

    List<Long> connectedDeviceIds() {
        return List.copyOf(connections.keySet());
    }
}
