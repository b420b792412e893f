package kr.sotong.shared;

import java.util.Arrays;

/**
 * A rule of the domain was broken by the caller. Carries a message code (resolved against
 * {@code messages*.properties}) and a Korean default text, so that the UI shows a clear Korean message
 * and the API answers with a {@code ProblemDetail}.
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, RATE_LIMITED }

    private final String code;
    private final Object[] args;
    private final Kind kind;

    public DomainException(String code, String koreanDefault, Object... args) {
        this(Kind.INVALID, code, koreanDefault, args);
    }

    public DomainException(Kind kind, String code, String koreanDefault, Object... args) {
        super(koreanDefault);
        this.kind = kind;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "error.not-found", what + "을(를) 찾을 수 없습니다: " + id, what, id);
    }

    public static DomainException conflict(String code, String koreanDefault, Object... args) {
        return new DomainException(Kind.CONFLICT, code, koreanDefault, args);
    }

    public static DomainException forbidden(String koreanDefault) {
        return new DomainException(Kind.FORBIDDEN, "error.forbidden", koreanDefault);
    }

    public static DomainException unauthenticated(String koreanDefault) {
        return new DomainException(Kind.UNAUTHENTICATED, "error.unauthenticated", koreanDefault);
    }

    public static DomainException rateLimited(String koreanDefault) {
        return new DomainException(Kind.RATE_LIMITED, "error.rate-limited", koreanDefault);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "DomainException[" + kind + ", " + code + ", " + getMessage() + ", " + Arrays.toString(args) + "]";
    }
}
