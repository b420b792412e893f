package kr.sotong.opendata.schema;

import java.util.Locale;

/**
 * Korean public-data domain types (공공데이터 공통표준 용어·도메인). In a Table Schema they travel as the custom field
 * property {@code krType} next to a Frictionless type, so Frictionless tools read the schema unchanged.
 */
public enum KoreanType {
    YN("yn", "여부(Y/N)", "string"),
    DATE("date", "연월일(YYYY-MM-DD)", "date"),
    DATETIME("datetime", "일시", "datetime"),
    RATE("rate", "율(999.99)", "number"),
    AMOUNT("amount", "금액(원)", "number"),
    QUANTITY("quantity", "수량", "integer"),
    CODE("code", "코드", "string"),
    PHONE("phone", "전화번호", "string"),
    POSTAL_CODE("postal-code", "우편번호", "string"),
    BUSINESS_NUMBER("business-number", "사업자등록번호", "string"),
    ADDRESS("address", "주소(도로명/지번)", "string");

    private final String key;
    private final String label;
    private final String frictionlessType;

    KoreanType(String key, String label, String frictionlessType) {
        this.key = key;
        this.label = label;
        this.frictionlessType = frictionlessType;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The Frictionless type a field of this domain has. */
    public String frictionlessType() {
        return frictionlessType;
    }

    public static KoreanType of(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (KoreanType t : values()) {
            if (t.key.equals(k)) {
                return t;
            }
        }
        throw new SchemaException("알 수 없는 한국 공공데이터 도메인(krType)입니다: " + key);
    }
}
