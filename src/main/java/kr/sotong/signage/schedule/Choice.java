package kr.sotong.signage.schedule;

import java.util.List;

/**
 * A campaign chosen to play on a device at an instant, with the items of its playlist that are valid
 * then. {@code passSeconds} is one pass through the loop; {@code passesPerHour} is set for interrupts
 * (how many whole passes every hour guarantees the campaign's share).
 */
public record Choice(long campaignId, String campaignName, CampaignKind kind, int priority, int specificity,
                     int sharePercent, long playlistId, String playlistName, Layout layout, List<PlayItem> loop,
                     List<PlayItem> ticker, int passesPerHour) {

    public Choice {
        loop = List.copyOf(loop);
        ticker = List.copyOf(ticker);
    }

    public int passSeconds() {
        int s = 0;
        for (PlayItem i : loop) {
            s += i.seconds();
        }
        return s;
    }

    /** Seconds of every hour an interrupt takes. */
    public int secondsPerHour() {
        return passesPerHour * passSeconds();
    }
}
