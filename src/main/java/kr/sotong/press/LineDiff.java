package kr.sotong.press;

import java.util.ArrayList;
import java.util.List;

/** A readable line diff (longest common subsequence) between two revisions' printed lines. */
public final class LineDiff {

    public enum Op { SAME, ADDED, REMOVED }

    public record Line(Op op, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> between(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        if ((long) n * m > 4_000_000L) {
            // very long texts: whole-block replacement keeps memory bounded
            List<Line> out = new ArrayList<>();
            before.forEach(s -> out.add(new Line(Op.REMOVED, s)));
            after.forEach(s -> out.add(new Line(Op.ADDED, s)));
            return out;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                out.add(new Line(Op.SAME, before.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Op.REMOVED, before.get(i++)));
            } else {
                out.add(new Line(Op.ADDED, after.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Line(Op.REMOVED, before.get(i++)));
        }
        while (j < m) {
            out.add(new Line(Op.ADDED, after.get(j++)));
        }
        return out;
    }
}
