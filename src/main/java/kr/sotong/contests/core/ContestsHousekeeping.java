package kr.sotong.contests.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes expired drafts and abandoned uploads with their part files (safe on several nodes: ShedLock). */
@Component
class ContestsHousekeeping {

    private final DraftRepository drafts;
    private final UploadRepository uploadRows;
    private final Uploads uploads;
    private final ContestsProperties properties;
    private final Clock clock;

    ContestsHousekeeping(DraftRepository drafts, UploadRepository uploadRows, Uploads uploads,
                         ContestsProperties properties, Clock clock) {
        this.drafts = drafts;
        this.uploadRows = uploadRows;
        this.uploads = uploads;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT30M")
    @SchedulerLock(name = "contests.housekeeping", lockAtMostFor = "PT20M")
    void sweep() {
        run();
    }

    /** @return how many uploads were discarded */
    int run() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.draftLifetime());
        List<String> abandoned = uploadRows.abandoned(now, cutoff);
        uploads.discard(abandoned);
        for (String draft : drafts.expired(now)) {
            uploads.discard(uploadRows.idsOfDraft(draft));
            drafts.delete(draft);
        }
        uploads.sweepOrphanFiles(cutoff);
        return abandoned.size();
    }
}
