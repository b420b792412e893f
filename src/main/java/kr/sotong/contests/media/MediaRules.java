package kr.sotong.contests.media;

import java.util.Set;

/**
 * What a contest requires of an entry's file.
 *
 * @param minLongSide   photos: the longer side in pixels at least this (null = no minimum)
 * @param minDurationMs video/audio: at least this long (null = no minimum)
 * @param maxDurationMs video/audio: at most this long (null = no maximum)
 */
public record MediaRules(Set<MediaFormat> formats, long maxBytes, Integer minLongSide, Long minDurationMs,
                         Long maxDurationMs) {

    public MediaRules {
        formats = Set.copyOf(formats);
    }
}
