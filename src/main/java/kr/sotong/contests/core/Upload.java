package kr.sotong.contests.core;

import java.util.List;
import java.util.Map;
import kr.sotong.contests.media.MediaFormat;

/** A chunked upload: bytes received so far, and once complete, the checked file in the store. */
public record Upload(String id, String draftId, long contestId, String originalName, long declaredLength, long received,
                     String fingerprint, State state, String rejectReason, String mediaSha256, String mediaType,
                     Long mediaSize, MediaFormat format, Integer width, Integer height, Long durationMs, Long phash,
                     Long frameHash, Map<String, String> details, List<String> warnings, String publicSha256,
                     int resumedCount) {

    public enum State { RECEIVING, COMPLETE, REJECTED }

    public boolean complete() {
        return state == State.COMPLETE;
    }
}
