package kr.sotong.signage.device;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.Roles;
import kr.sotong.signage.config.SignageProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts the PR media team when paired devices fall silent for longer than
 * {@code sotong.signage.offline-after}: one e-mail per check listing the devices, each device alerted
 * once until it is heard from again. Safe with several nodes (ShedLock).
 */
@Component
public class OfflineWatch {

    private final Devices devices;
    private final SeenTracker seen;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final SignageProperties properties;

    public OfflineWatch(Devices devices, SeenTracker seen, Notifications notifications, AuditLog audit, Clock clock,
                        SignageProperties properties) {
        this.devices = devices;
        this.seen = seen;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "signage.offline-watch", lockAtMostFor = "PT5M")
    public void scheduledCheck() {
        check();
    }

    /** @return the devices alerted now */
    @Transactional
    public List<Device> check() {
        seen.flush();
        Instant now = clock.instant();
        List<Device> silent = devices.silentUnalerted(now.minus(properties.offlineAfter()));
        if (silent.isEmpty()) {
            return List.of();
        }
        devices.markOfflineAlerted(silent.stream().map(Device::id).toList(), now);
        long minutes = properties.offlineAfter().toMinutes();
        String list = silent.stream().limit(50)
                .map(d -> "- " + d.code() + " " + d.name() + (d.building().isEmpty() ? "" : " (" + d.building() + " " + d.place() + ")")
                        + ", 마지막 신호 " + (d.lastSeenAt() == null ? "없음" : d.lastSeenAt().atZone(clock.getZone()).toLocalDateTime()
                        .withNano(0).toString().replace('T', ' ')))
                .collect(Collectors.joining("\n"));
        String more = silent.size() > 50 ? "\n… 외 " + (silent.size() - 50) + "대" : "";
        notifications.notifyStaffWithRole(Roles.PR_MEDIA,
                "[사이니지] 기기 " + silent.size() + "대가 " + minutes + "분 넘게 응답하지 않습니다",
                "다음 기기에서 " + minutes + "분 넘게 신호(하트비트)가 없습니다. 전원과 네트워크를 확인하세요.\n\n" + list + more
                        + "\n\n기기 목록: /staff/signage/devices", "signage.offline");
        audit.recordAs("scheduler", "signage.device.offline", "SignageDevice",
                silent.size() == 1 ? silent.get(0).id() : "batch", "오프라인 알림 " + silent.size() + "대");
        return silent;
    }
}
