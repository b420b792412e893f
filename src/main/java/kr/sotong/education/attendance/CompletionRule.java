package kr.sotong.education.attendance;

/**
 * 수료 기준: attended sessions (출석 or 지각) at least {@code percent} of all sessions, in whole numbers — 4 of 5
 * sessions is 80 % and completes an 80 % course, 3 of 5 does not.
 */
public record CompletionRule(int percent) {

    public CompletionRule {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent " + percent);
        }
    }

    public boolean completed(int attended, int sessions) {
        if (sessions <= 0 || attended < 0 || attended > sessions) {
            return false;
        }
        return attended * 100L >= (long) percent * sessions;
    }

    /** The least number of attended sessions that completes. */
    public int required(int sessions) {
        return (int) ((percent * (long) sessions + 99) / 100);
    }
}
