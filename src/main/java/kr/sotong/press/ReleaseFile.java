package kr.sotong.press;

/** An attachment (붙임) or a photo with its caption. */
public record ReleaseFile(long id, String kind, String sha256, String fileName, String mediaType, long sizeBytes,
                          String caption) {

    public boolean photo() {
        return "PHOTO".equals(kind);
    }
}
