package kr.sotong.education.catalogue;

/** An education site: the district office's IT classrooms, a 동 community centre, a welfare centre. */
public record Venue(long id, String code, String name, VenueKind kind, String address, String note, boolean active) {
}
