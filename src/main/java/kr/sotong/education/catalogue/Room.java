package kr.sotong.education.catalogue;

/**
 * A room of a venue. {@code seats} may be unknown (null) until staff enter it; {@code previousSeats} keeps a
 * change such as the general classroom's 40 → 16.
 */
public record Room(long id, long venueId, String code, String name, RoomKind kind, Integer seats, Integer previousSeats,
                   String equipment, String note, boolean active) {
}
