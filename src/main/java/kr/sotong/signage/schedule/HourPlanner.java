package kr.sotong.signage.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out one clock hour of a {@link Resolution}: the interrupts' passes as evenly spread over the
 * hour as possible (the n-th of p passes wants to start at n·3600/p s, or right after the pass before
 * it), the main loop in between. With evenly spread wishes and at most 3600 s of passes (the resolver's
 * admission rule), every run of back-to-back passes ends within the hour, so every admitted interrupt
 * gets all its passes — its guaranteed share — in every hour. The clamp to the latest feasible start
 * is a safety net for that argument, not a second rule. Pure.
 */
public final class HourPlanner {

    private HourPlanner() {
    }

    private record Pass(int index, Choice choice, int number, int desired, int seconds) {
    }

    public static List<Block> plan(Resolution r) {
        int hour = ScheduleResolver.HOUR;
        List<Pass> passes = new ArrayList<>();
        int interruptSeconds = 0;
        for (int j = 0; j < r.interrupts().size(); j++) {
            Choice c = r.interrupts().get(j);
            int p = c.passesPerHour();
            for (int n = 0; n < p; n++) {
                passes.add(new Pass(j, c, n, (int) ((long) n * hour / p), c.passSeconds()));
            }
            interruptSeconds += c.secondsPerHour();
        }
        if (interruptSeconds > hour) {
            throw new IllegalArgumentException("interrupts exceed the hour: " + interruptSeconds);
        }
        passes.sort(Comparator.comparingInt(Pass::desired).thenComparingInt(Pass::index));
        int[] latest = new int[passes.size()];
        int bound = hour;
        for (int i = passes.size() - 1; i >= 0; i--) {
            bound -= passes.get(i).seconds();
            latest[i] = bound;
        }
        int mainPerHour = hour - interruptSeconds;
        List<Block> blocks = new ArrayList<>();
        int cursor = 0;
        int mainBefore = 0;
        for (int i = 0; i < passes.size(); i++) {
            Pass pass = passes.get(i);
            int start = Math.min(Math.max(pass.desired(), cursor), latest[i]);
            if (start > cursor) {
                blocks.add(new Block(cursor, start - cursor, r.main(), mainBefore, mainPerHour));
                mainBefore += start - cursor;
            }
            blocks.add(new Block(start, pass.seconds(), pass.choice(), pass.number() * pass.seconds(),
                    pass.choice().secondsPerHour()));
            cursor = start + pass.seconds();
        }
        if (cursor < hour) {
            blocks.add(new Block(cursor, hour - cursor, r.main(), mainBefore, mainPerHour));
        }
        return blocks;
    }
}
