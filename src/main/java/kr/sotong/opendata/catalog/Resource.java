package kr.sotong.opendata.catalog;

import java.time.Instant;

/** A file of a dataset; its content lives in immutable versions. */
public record Resource(long id, long datasetId, String name, String description, String schemaJson,
                       Long currentVersionId, Instant createdAt, Instant updatedAt) {
}
