package kr.sotong.signage.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What a player shows at an instant, given a segment's hour plan — the same arithmetic as the browser
 * player ({@code static/signage/player.js}), used for the staff's "now playing" and in tests.
 */
public final class Playout {

    private Playout() {
    }

    /**
     * @param index     position of the item in the block's loop (-1 when idle)
     * @param item      the item on screen (null when the block is idle)
     * @param remaining seconds until the next item, block or hour begins
     */
    public record Now(Block block, int index, PlayItem item, int offsetInItem, int remaining) {
    }

    public static Now at(List<Block> plan, Instant instant) {
        long epoch = instant.getEpochSecond();
        long hourIndex = Math.floorDiv(epoch, ScheduleResolver.HOUR);
        int x = (int) Math.floorMod(epoch, ScheduleResolver.HOUR);
        for (Block b : plan) {
            if (x >= b.at() && x < b.end()) {
                int blockLeft = b.end() - x;
                if (b.choice() == null || b.choice().loop().isEmpty()) {
                    return new Now(b, -1, null, 0, blockLeft);
                }
                int loopSeconds = b.choice().passSeconds();
                long pos = Math.floorMod(hourIndex * b.perHour() + b.before() + (x - b.at()), (long) loopSeconds);
                int acc = 0;
                List<PlayItem> loop = b.choice().loop();
                for (int i = 0; i < loop.size(); i++) {
                    PlayItem item = loop.get(i);
                    if (pos < acc + item.seconds()) {
                        int offset = (int) (pos - acc);
                        return new Now(b, i, item, offset, Math.min(item.seconds() - offset, blockLeft));
                    }
                    acc += item.seconds();
                }
            }
        }
        throw new IllegalStateException("plan does not cover second " + x);
    }
}
