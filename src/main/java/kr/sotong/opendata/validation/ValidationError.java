package kr.sotong.opendata.validation;

/**
 * One error of a validation report, shaped like Frictionless's: {@code type} is the error code
 * ({@code type-error}, {@code blank-label} …), {@code rowNumber} counts physical rows from 1 with the header as
 * row 1 ({@code null} for header and source errors), {@code fieldNumber} is the 1-based column ({@code null} for
 * row and source errors). Codes starting with {@code kr-} and {@code cell-size-error} are this engine's own checks
 * (Korean public-data standard, oversized cells) and have no Frictionless counterpart.
 */
public record ValidationError(String table, Integer rowNumber, Integer fieldNumber, String fieldName, String type,
                              String cell, String note, String message, String rule) {

    public static final String KR_STANDARD = "kr-standard-error";
    public static final String CELL_SIZE = "cell-size-error";

    /** True for codes Frictionless itself reports. */
    public boolean frictionless() {
        return !type.startsWith("kr-") && !type.equals(CELL_SIZE);
    }

    /** Korean name of the error code for reports. */
    public static String title(String code) {
        return switch (code) {
            case "blank-label" -> "빈 머리글";
            case "duplicate-label" -> "중복 머리글";
            case "incorrect-label" -> "머리글 불일치";
            case "missing-label" -> "머리글 누락";
            case "extra-label" -> "추가 머리글";
            case "missing-cell" -> "칸 누락";
            case "extra-cell" -> "칸 초과";
            case "type-error" -> "형식 오류";
            case "constraint-error" -> "제약 조건 위반";
            case "unique-error" -> "고유값 중복";
            case "primary-key" -> "기본키 중복";
            case "blank-row" -> "빈 행";
            case "duplicate-row" -> "중복 행";
            case "encoding-error" -> "문자 인코딩 오류";
            case "source-error" -> "원본 읽기 오류";
            case "format-error" -> "파일 형식 오류";
            case KR_STANDARD -> "공통표준 위반";
            case CELL_SIZE -> "너무 긴 칸";
            default -> code;
        };
    }
}
