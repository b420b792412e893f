package kr.sotong.contests;

import java.util.List;

/**
 * The winners of a contest were announced (results published). Other modules (e.g. signage, which
 * turns winning works into media-wall content) listen; listeners must be idempotent on {@code contestId}.
 *
 * @param kind SONG, PHOTO, SHORT_VIDEO or OTHER
 */
public record ContestWinnersAnnounced(long contestId, String contestTitle, String kind, List<Winner> winners) {

    public ContestWinnersAnnounced {
        winners = winners == null ? List.of() : List.copyOf(winners);
    }

    /**
     * @param mediaSha256   the winning work in the platform file store
     * @param maskedEntrant the entrant's name masked for display (홍*동)
     */
    public record Winner(long entryId, int rank, String prizeName, String title, String mediaSha256, String mediaType,
                         String maskedEntrant) {
    }
}
