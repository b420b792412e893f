package kr.sotong.monitoring.ingest;

/** A feed or page could not be fetched or read; the message is Korean and is recorded on the source. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
