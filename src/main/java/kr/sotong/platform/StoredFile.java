package kr.sotong.platform;

/**
 * A file in the {@link FileStore}.
 *
 * @param mediaType sniffed from the content (e.g. {@code image/jpeg}, {@code application/pdf})
 * @param originalName the uploader's file name, reduced to a safe base name (no paths)
 */
public record StoredFile(String sha256, long size, String mediaType, String originalName) {

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }
}
