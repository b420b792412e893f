package kr.sotong.opendata.catalog;

/** 공공누리 (Korea Open Government License) types and the common open licences, with CKAN licence ids. */
public enum Licence {
    KOGL_TYPE_1("KOGL-Type1", "공공누리 제1유형 (출처표시)", "https://www.kogl.or.kr/info/licenseType1.do"),
    KOGL_TYPE_2("KOGL-Type2", "공공누리 제2유형 (출처표시, 상업적 이용금지)", "https://www.kogl.or.kr/info/licenseType2.do"),
    KOGL_TYPE_3("KOGL-Type3", "공공누리 제3유형 (출처표시, 변경금지)", "https://www.kogl.or.kr/info/licenseType3.do"),
    KOGL_TYPE_4("KOGL-Type4", "공공누리 제4유형 (출처표시, 상업적 이용금지, 변경금지)", "https://www.kogl.or.kr/info/licenseType4.do"),
    CC_BY("cc-by", "크리에이티브 커먼즈 저작자표시 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    CC0("cc-zero", "CC0 (퍼블릭 도메인)", "https://creativecommons.org/publicdomain/zero/1.0/"),
    OTHER("other-closed", "기타 (이용조건 별도)", null);

    public final String ckanId;
    public final String title;
    public final String url;

    Licence(String ckanId, String title, String url) {
        this.ckanId = ckanId;
        this.title = title;
        this.url = url;
    }

    public static Licence ofCkanId(String id) {
        for (Licence l : values()) {
            if (l.ckanId.equalsIgnoreCase(id) || l.name().equalsIgnoreCase(id)) {
                return l;
            }
        }
        return null;
    }
}
