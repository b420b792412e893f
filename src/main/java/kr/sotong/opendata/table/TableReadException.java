package kr.sotong.opendata.table;

/**
 * The source cannot be read further: the code is Frictionless's ({@code encoding-error}, {@code source-error},
 * {@code format-error}) and the message Korean. Thrown by readers; the validator turns it into one report error.
 */
public class TableReadException extends RuntimeException {

    private final String code;

    public TableReadException(String code, String koreanMessage) {
        super(koreanMessage);
        this.code = code;
    }

    public TableReadException(String code, String koreanMessage, Throwable cause) {
        super(koreanMessage, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
