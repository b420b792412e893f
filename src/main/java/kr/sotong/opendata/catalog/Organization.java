package kr.sotong.opendata.catalog;

import java.time.Instant;

/** A publisher of datasets (a team of the department), CKAN's organization. */
public record Organization(long id, String name, String title, String description, String teamCode, Instant createdAt) {
}
