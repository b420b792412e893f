package kr.sotong.press;

import java.time.Instant;
import java.time.LocalDate;

/** Read models of press relations, training, subscriptions and paid notices. */
public final class Relations {

    private Relations() {
    }

    /** 인터뷰·기획기사·기고문. */
    public enum PlacementKind {
        INTERVIEW("인터뷰"), FEATURE("기획기사"), OP_ED("기고문");

        private final String label;

        PlacementKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum EventKind {
        TOUR("프레스 투어"), BRIEFING("기자간담회");

        private final String label;

        EventKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Placement(long id, PlacementKind kind, long outletId, String outletName, LocalDate placedOn, String topic,
                            String resultUrl, String note) {
    }

    public record PressEvent(long id, EventKind kind, String title, Instant startsAt, String place, String description,
                             int invited, int yes, int attended) {
    }

    public record Invitation(long reporterId, String outletName, String nameMasked, Instant invitedAt, String rsvp,
                             boolean attended) {
    }

    public record Training(long id, String title, LocalDate heldOn, String audience, String lecturer, String place,
                           String note, int attendees, String averageRating) {
    }

    public record Attendee(long id, String name, String team, Integer rating, String feedback) {
    }

    public record Subscription(long id, long outletId, String outletName, int copies, LocalDate startsOn, LocalDate endsOn,
                               long costWon, LocalDate renewalOn, String programCode, String note) {
    }

    public record PaidNotice(long id, long outletId, String outletName, LocalDate placedOn, String topic, String sizeLabel,
                             long costWon, String programCode, String category, String note) {
    }
}
