package kr.sotong.monitoring.coverage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds articles that rewrite the same text: noun shingles (pairs of consecutive Nori nouns) → MinHash
 * signature of {@value #HASHES} values → LSH with {@value #BANDS} bands of {@value #ROWS} rows (a pair with
 * Jaccard 0.5 becomes a candidate with probability 1 − (1 − 0.5³)⁴⁰ ≈ 99.5 %) → candidates confirmed by
 * exact Jaccard of the shingle sets.
 */
public final class NearDuplicates {

    public static final int HASHES = 120;
    public static final int BANDS = 40;
    public static final int ROWS = 3;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long s = 0x5DEECE66DL;
        for (int i = 0; i < HASHES; i++) {
            s = mix(s + 0x9E3779B97F4A7C15L * (i + 1));
            SEEDS[i] = s;
        }
    }

    private NearDuplicates() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Sorted, distinct hashes of consecutive noun pairs (single nouns when there is only one). */
    public static int[] shingles(List<String> nouns) {
        if (nouns.isEmpty()) {
            return new int[0];
        }
        int[] out;
        if (nouns.size() == 1) {
            out = new int[] {nouns.get(0).hashCode()};
        } else {
            out = new int[nouns.size() - 1];
            for (int i = 0; i + 1 < nouns.size(); i++) {
                out[i] = (int) mix(((long) nouns.get(i).hashCode() << 32) ^ (nouns.get(i + 1).hashCode() & 0xFFFFFFFFL));
            }
        }
        return Arrays.stream(out).sorted().distinct().toArray();
    }

    public static int[] signature(int[] shingles) {
        int[] sig = new int[HASHES];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (int sh : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int h = (int) mix(sh ^ SEEDS[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** One key per band (the band number is mixed in). Empty sets have no bands. */
    public static long[] bands(int[] signature, boolean empty) {
        if (empty) {
            return new long[0];
        }
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + signature[b * ROWS + r]);
            }
            keys[b] = h;
        }
        return keys;
    }

    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int inter = intersection(a, b);
        return (double) inter / (a.length + b.length - inter);
    }

    /** Share of {@code a}'s shingles that are also in {@code b}. */
    public static double containment(int[] a, int[] b) {
        return a.length == 0 ? 0 : (double) intersection(a, b) / a.length;
    }

    static int intersection(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** A confirmed pair of indexes into the input list, i &lt; j. */
    public record Pair(int i, int j, double jaccard) {
    }

    /** MinHash + LSH candidates confirmed by exact Jaccard ≥ threshold. */
    public static List<Pair> similarPairs(List<int[]> sets, double threshold) {
        int n = sets.size();
        long[][] bandKeys = new long[n][];
        for (int i = 0; i < n; i++) {
            int[] s = sets.get(i);
            bandKeys[i] = bands(signature(s), s.length == 0);
        }
        List<Pair> pairs = new ArrayList<>();
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (int b = 0; b < BANDS; b++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (bandKeys[i].length > 0) {
                    buckets.computeIfAbsent(bandKeys[i][b], k -> new ArrayList<>(2)).add(i);
                }
            }
            for (List<Integer> bucket : buckets.values()) {
                if (bucket.size() < 2) {
                    continue;
                }
                for (int x = 0; x < bucket.size(); x++) {
                    for (int y = x + 1; y < bucket.size(); y++) {
                        int i = bucket.get(x);
                        int j = bucket.get(y);
                        long key = (long) i * n + j;
                        if (!seen.add(key)) {
                            continue;
                        }
                        double jac = jaccard(sets.get(i), sets.get(j));
                        if (jac >= threshold) {
                            pairs.add(new Pair(i, j, jac));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    /** Exact all-pairs Jaccard ≥ threshold via an inverted index of shingles (the benchmark's anchor). */
    public static List<Pair> exactPairs(List<int[]> sets, double threshold) {
        int n = sets.size();
        Map<Integer, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int sh : sets.get(i)) {
                postings.computeIfAbsent(sh, k -> new ArrayList<>()).add(i);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        int[] overlap = new int[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int t = 0;
            for (int sh : sets.get(i)) {
                for (int j : postings.get(sh)) {
                    if (j > i) {
                        if (overlap[j] == 0) {
                            touched[t++] = j;
                        }
                        overlap[j]++;
                    }
                }
            }
            for (int k = 0; k < t; k++) {
                int j = touched[k];
                int inter = overlap[j];
                overlap[j] = 0;
                double jac = (double) inter / (sets.get(i).length + sets.get(j).length - inter);
                if (jac >= threshold) {
                    pairs.add(new Pair(i, j, jac));
                }
            }
        }
        return pairs;
    }

    /** Connected components of the pairs (union-find); only groups of two or more. */
    public static List<List<Integer>> groups(int n, List<Pair> pairs) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (Pair p : pairs) {
            int a = find(parent, p.i());
            int b = find(parent, p.j());
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        return byRoot.values().stream().filter(g -> g.size() > 1).toList();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    public static byte[] encode(int[] values) {
        ByteBuffer bb = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            bb.putInt(v);
        }
        return bb.array();
    }

    public static int[] decode(byte[] bytes) {
        if (bytes == null) {
            return new int[0];
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        int[] out = new int[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = bb.getInt();
        }
        return out;
    }
}
