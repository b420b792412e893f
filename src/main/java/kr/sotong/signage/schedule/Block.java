package kr.sotong.signage.schedule;

/**
 * A stretch of the clock hour, {@code at} to {@code at + len} seconds after the full hour, during which
 * one loop plays ({@code choice} null = nothing to play). The loop position at hour offset {@code x}
 * of the hour with index {@code h} (epoch seconds / 3600) is
 * {@code (h * perHour + before + (x - at)) mod loopSeconds}: the loop continues seamlessly across
 * blocks and hours, and devices showing the same loop show the same item at the same time.
 *
 * @param before  seconds of the same loop played earlier in the hour
 * @param perHour seconds of the same loop in the whole hour
 */
public record Block(int at, int len, Choice choice, int before, int perHour) {

    public int end() {
        return at + len;
    }

    public boolean interrupt() {
        return choice != null && choice.kind() == CampaignKind.INTERRUPT;
    }
}
