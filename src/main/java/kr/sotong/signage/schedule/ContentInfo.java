package kr.sotong.signage.schedule;

import kr.sotong.signage.content.ContentKind;

/** What a player needs to show an approved content item. */
public record ContentInfo(long id, ContentKind kind, String title, String sha256, String mediaType, Integer width,
                          Integer height, Long durationMs, String text, String qrSha256) {
}
