package kr.sotong.platform;

import java.util.List;

/** Staff roles. Use with {@code hasRole(...)} / {@code @PreAuthorize}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    /** 과장: reads everything, approves. */
    public static final String DIRECTOR = "DIRECTOR";
    /** 홍보미디어팀. */
    public static final String PR_MEDIA = "PR_MEDIA";
    /** 언론팀. */
    public static final String PRESS = "PRESS";
    /** AI빅데이터팀 (data, open data). */
    public static final String DATA_AI = "DATA_AI";
    /** 정보화교육 담당. */
    public static final String EDUCATION = "EDUCATION";
    public static final String VIEWER = "VIEWER";

    public static final List<String> ALL = List.of(ADMIN, DIRECTOR, PR_MEDIA, PRESS, DATA_AI, EDUCATION, VIEWER);

    private Roles() {
    }

    /** Korean label of a role for screens. */
    public static String label(String role) {
        return switch (role) {
            case ADMIN -> "시스템 관리자";
            case DIRECTOR -> "소통담당관(과장)";
            case PR_MEDIA -> "홍보미디어팀";
            case PRESS -> "언론팀";
            case DATA_AI -> "AI빅데이터팀";
            case EDUCATION -> "정보화교육";
            case VIEWER -> "열람자";
            default -> role;
        };
    }
}
