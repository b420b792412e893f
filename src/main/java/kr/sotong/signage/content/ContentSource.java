package kr.sotong.signage.content;

/** Where an item came from: staff upload or text, or another module's published event. */
public enum ContentSource {
    UPLOAD("직접 업로드"),
    STAFF("직접 작성"),
    PRESS("보도자료"),
    CONTEST("공모전 수상작"),
    NEWSLETTER("소식지 표지");

    private final String label;

    ContentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
