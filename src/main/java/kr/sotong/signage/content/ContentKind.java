package kr.sotong.signage.content;

/** 이미지 / 영상 / 공지(HTML) / 자막(티커). */
public enum ContentKind {
    IMAGE("이미지"),
    VIDEO("영상"),
    NOTICE("공지"),
    TICKER("자막");

    private final String label;

    ContentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Carries a media file from the file store. */
    public boolean hasMedia() {
        return this == IMAGE || this == VIDEO;
    }
}
