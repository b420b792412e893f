package kr.sotong.contests;

import java.time.LocalDate;
import java.util.List;

/**
 * The public API other modules use to record and read where winning works are used (e.g. signage records
 * a media-wall placement with a link to its content). Only works that won an award can be recorded.
 */
public interface WorkUsages {

    /**
     * @param link optional http(s) URL or site path (e.g. {@code /staff/signage/contents/12})
     * @return the id of the usage record
     */
    long record(long entryId, UsageType type, LocalDate usedOn, String note, String link);

    List<Usage> of(long entryId);

    record Usage(long id, long entryId, UsageType type, LocalDate usedOn, String note, String link, String recordedBy) {
    }
}
