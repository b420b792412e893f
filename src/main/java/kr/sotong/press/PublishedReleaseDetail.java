package kr.sotong.press;

import java.util.List;

/** A public release with its text, contact table and the files the public may download. */
public record PublishedReleaseDetail(PublishedRelease summary, String body, String responsible, String contactName,
                                     String contactPhone, String correctionNote, List<ReleaseFile> files) {
}
