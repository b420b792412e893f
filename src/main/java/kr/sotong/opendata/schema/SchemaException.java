package kr.sotong.opendata.schema;

import kr.sotong.shared.DomainException;

/** A declared Table Schema is not valid; the message is Korean. */
public class SchemaException extends DomainException {

    public SchemaException(String koreanMessage) {
        super("opendata.schema.invalid", koreanMessage);
    }
}
