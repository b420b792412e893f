package kr.sotong.education.catalogue;

/** The venue types of the trainee statistics: 구청 정보화교육, 동 자치회관, 복지관·센터 등, and others. */
public enum VenueKind {
    DISTRICT_OFFICE("구청 정보화교육"),
    COMMUNITY_CENTRE("동 자치회관"),
    WELFARE_CENTRE("복지관·센터 등"),
    OTHER("기타");

    private final String label;

    VenueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
