package kr.sotong.press;

import java.time.Instant;

/** Read models of the press contacts (언론사, 기자). Reporters' personal data appears masked here. */
public final class Contacts {

    private Contacts() {
    }

    public record Outlet(long id, String name, OutletKind kind, boolean localPress, String website, String phone,
                         String address, String note, boolean active, int reporters) {
    }

    /** A reporter with masked name, e-mail and phone. */
    public record Reporter(long id, long outletId, String outletName, OutletKind outletKind, String nameMasked,
                           String emailMasked, String phoneMasked, String beat, boolean optIn, boolean active,
                           Instant bouncedAt, String bounceReason, int lockVersion) {

        public boolean bounced() {
            return bouncedAt != null;
        }
    }

    /** A reporter's personal data in clear (every call is written to the access log). */
    public record ReporterDetail(Reporter reporter, String name, String email, String phone) {
    }

    public record History(long id, String kind, String note, String actor, Instant at) {
    }

    public record ContactList(String code, String name, String description, int members) {
    }

    public record Input(long outletId, String name, String email, String phone, String beat, boolean optIn) {
    }

    public record OutletInput(String name, OutletKind kind, boolean localPress, String website, String phone,
                              String address, String note) {
    }
}
