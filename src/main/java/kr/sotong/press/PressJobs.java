package kr.sotong.press;

import java.time.Clock;
import java.util.List;
import kr.sotong.platform.Notifications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work of the press office, safe with several application nodes: ShedLock keeps one node
 * per job at a time, and each release is locked ({@code FOR UPDATE SKIP LOCKED}) and guarded by unique
 * keys, so nothing is distributed or announced twice. Also answers other modules'
 * {@link DocumentDistributionRequested} events (idempotent on the request key).
 */
@Component
public class PressJobs {

    private static final Logger log = LoggerFactory.getLogger(PressJobs.class);

    private final PressOffice office;
    private final DeliveryRepository deliveries;
    private final ContactRepository contacts;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    PressJobs(PressOffice office, DeliveryRepository deliveries, ContactRepository contacts, Notifications notifications,
              TransactionTemplate tx, Clock clock) {
        this.office = office;
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sotong.press.jobs-interval:15s}", initialDelayString = "${sotong.press.jobs-interval:15s}")
    @SchedulerLock(name = "press.jobs", lockAtMostFor = "PT5M")
    void run() {
        try {
            distributeDue();
            publishDue();
            syncDeliveries();
        } catch (RuntimeException e) {
            log.warn("press jobs failed: {}", e.toString());
        }
    }

    /** Distributes every scheduled release whose 배포 일시 came; one transaction each. Returns how many. */
    public int distributeDue() {
        int n = 0;
        for (int i = 0; i < 200; i++) {
            Boolean did;
            try {
                did = office.distributeNextDue();
            } catch (RuntimeException e) {
                log.warn("press release distribution failed: {}", e.toString());
                break;
            }
            if (!Boolean.TRUE.equals(did)) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Announces releases whose 보도 시점 passed. Returns how many editions. */
    public int publishDue() {
        int total = 0;
        int n;
        do {
            n = office.publishDue();
            total += n;
        } while (n == 50);
        return total;
    }

    /**
     * Reads the outbox state of open deliveries into the delivery log; a delivery that finally failed
     * marks the reporter as bounced (automatic bounce: the SMTP server refused the address, or every
     * retry failed). Returns how many deliveries changed.
     */
    public int syncDeliveries() {
        Integer changed = tx.execute(s -> {
            int c = 0;
            List<DeliveryRepository.Open> open = deliveries.openDeliveries(500);
            for (DeliveryRepository.Open o : open) {
                Notifications.Status st = notifications.status(o.notificationId());
                String state = st.state().name();
                deliveries.updateStatus(o.id(), state, st.attempts(), st.lastError(), clock.instant());
                if (st.state() == Notifications.State.FAILED) {
                    deliveries.markBounced(o.id());
                    contacts.markBounced(o.reporterId(), st.lastError(), clock.instant());
                    contacts.history(o.reporterId(), "반송", "자동: " + st.lastError(), "system", clock.instant());
                }
                if (st.state() == Notifications.State.SENT || st.state() == Notifications.State.FAILED) {
                    c++;
                }
            }
            return c;
        });
        return changed == null ? 0 : changed;
    }

    @ApplicationModuleListener
    void on(DocumentDistributionRequested event) {
        office.distributeDocument(event);
    }
}
