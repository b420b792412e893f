package kr.sotong.contests.core;

import java.util.EnumSet;
import java.util.Set;
import kr.sotong.contests.media.MediaFormat;

/** 공모전 종류 and the file requirements a new contest of that kind starts with (staff can change them). */
public enum ContestKind {
    SONG("브랜드 송(음원)", EnumSet.of(MediaFormat.MP3, MediaFormat.WAV, MediaFormat.M4A, MediaFormat.FLAC), 50, null,
            30_000L, 600_000L),
    PHOTO("사진", EnumSet.of(MediaFormat.JPEG, MediaFormat.PNG), 30, 1920, null, null),
    SHORT_VIDEO("숏폼 영상", EnumSet.of(MediaFormat.MP4, MediaFormat.MOV, MediaFormat.WEBM), 500, null, 15_000L, 60_000L),
    OTHER("기타", EnumSet.allOf(MediaFormat.class), 500, null, null, null);

    private final String label;
    private final Set<MediaFormat> defaultFormats;
    private final long defaultMaxMegabytes;
    private final Integer defaultMinLongSide;
    private final Long defaultMinDurationMs;
    private final Long defaultMaxDurationMs;

    ContestKind(String label, Set<MediaFormat> formats, long maxMb, Integer minLongSide, Long minMs, Long maxMs) {
        this.label = label;
        this.defaultFormats = formats;
        this.defaultMaxMegabytes = maxMb;
        this.defaultMinLongSide = minLongSide;
        this.defaultMinDurationMs = minMs;
        this.defaultMaxDurationMs = maxMs;
    }

    public String label() {
        return label;
    }

    public Set<MediaFormat> defaultFormats() {
        return defaultFormats;
    }

    public long defaultMaxMegabytes() {
        return defaultMaxMegabytes;
    }

    public Integer defaultMinLongSide() {
        return defaultMinLongSide;
    }

    public Long defaultMinDurationMs() {
        return defaultMinDurationMs;
    }

    public Long defaultMaxDurationMs() {
        return defaultMaxDurationMs;
    }

    public boolean needsAiDeclaration() {
        return this == SONG;
    }
}
