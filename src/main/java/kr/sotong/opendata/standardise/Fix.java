package kr.sotong.opendata.standardise;

/** A standardisation (정제) rule applied to the cells of a field. */
public enum Fix {
    TRIM("앞뒤 공백 제거"),
    FULL_WIDTH("전각 문자를 반각으로 (１２３ → 123)"),
    DATE_ISO("날짜를 YYYY-MM-DD로 (2025.3.1 → 2025-03-01)"),
    PHONE("전화번호를 하이픈 형식으로 (0226272114 → 02-2627-2114)"),
    YN("여부 값을 Y/N으로 (예·y·O → Y, 아니오·n·X → N)"),
    THOUSANDS("천 단위 구분 기호 제거 (1,234 → 1234)"),
    BUSINESS_NUMBER("사업자등록번호를 000-00-00000으로"),
    CODE_MAP("코드 매핑 (값 → 표준 코드)");

    public final String label;

    Fix(String label) {
        this.label = label;
    }
}
