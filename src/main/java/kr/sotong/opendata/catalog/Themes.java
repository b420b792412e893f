package kr.sotong.opendata.catalog;

import java.util.List;

/** 공공데이터포털 분류체계 (data.go.kr's 16 themes). */
public final class Themes {

    public static final List<String> ALL = List.of("공공행정", "과학기술", "교육", "교통물류", "국토관리", "농축수산", "문화관광",
            "법률", "보건의료", "사회복지", "산업고용", "식품건강", "재난안전", "재정금융", "통일외교안보", "환경기상");

    private Themes() {
    }
}
