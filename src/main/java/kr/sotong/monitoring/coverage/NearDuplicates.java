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

    /**
     * MinHash + LSH candidates confirmed by exact Jaccard ≥ threshold. Signatures and band keys are the ones the
     * application stores in {@code monitoring_article_band}; the batch only avoids boxing and repeated work: each
     * band's buckets are laid out as one int array (members in ascending index order), every article walks the rest
     * of its bucket in each band, a stamp array drops candidates already seen in an earlier band, and confirmation
     * stops early once the threshold is out of reach (or the sizes alone rule it out).
     */
    public static List<Pair> similarPairs(List<int[]> sets, double threshold) {
        return similarPairs(sets, threshold, 1);
    }

    /**
     * As {@link #similarPairs(List, double)}, but only pairs whose keys agree in at least {@code minSharedBands} bands
     * are confirmed. With 2, a pair at Jaccard 0.5 is still a candidate with probability 1 − 0.875⁴⁰ − 40 · 0.125 ·
     * 0.875³⁹ ≈ 96.8 % (at 0.6: 99.9 %), while unrelated articles that meet in one band through very common
     * shingles are no longer compared.
     */
    public static List<Pair> similarPairs(List<int[]> sets, double threshold, int minSharedBands) {
        int n = sets.size();
        int[][] arrays = sets.toArray(new int[0][]);
        long[][] keys = new long[BANDS][n];
        boolean[] banded = new boolean[n];
        for (int i = 0; i < n; i++) {
            int[] s = arrays[i];
            if (s.length > 0) {
                long[] k = bands(signature(s), false);
                for (int b = 0; b < BANDS; b++) {
                    keys[b][i] = k[b];
                }
                banded[i] = true;
            }
        }
        // per band: members[] grouped by bucket in ascending index order; at[i] = i's slot, end[i] = its bucket's end
        int[][] members = new int[BANDS][];
        int[][] at = new int[BANDS][];
        int[][] end = new int[BANDS][];
        BucketIds ids = new BucketIds(n);
        int[] bucketOf = new int[n];
        for (int b = 0; b < BANDS; b++) {
            ids.clear();
            long[] k = keys[b];
            for (int i = 0; i < n; i++) {
                bucketOf[i] = banded[i] ? ids.idOf(k[i]) : -1;
            }
            int buckets = ids.size();
            int[] start = new int[buckets + 1];
            for (int i = 0; i < n; i++) {
                if (bucketOf[i] >= 0) {
                    start[bucketOf[i] + 1]++;
                }
            }
            for (int x = 0; x < buckets; x++) {
                start[x + 1] += start[x];
            }
            int[] fill = Arrays.copyOf(start, buckets);
            int[] m = new int[start[buckets]];
            int[] a = new int[n];
            int[] e = new int[n];
            for (int i = 0; i < n; i++) {
                int bucket = bucketOf[i];
                if (bucket >= 0) {
                    a[i] = fill[bucket];
                    m[fill[bucket]++] = i;
                    e[i] = start[bucket + 1];
                }
            }
            members[b] = m;
            at[b] = a;
            end[b] = e;
        }
        List<Pair> pairs = new ArrayList<>();
        int[] shared = new int[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            if (!banded[i]) {
                continue;
            }
            int t = 0;
            for (int b = 0; b < BANDS; b++) {
                int[] m = members[b];
                for (int x = at[b][i] + 1, stop = end[b][i]; x < stop; x++) {
                    int j = m[x];
                    if (shared[j]++ == 0) {
                        touched[t++] = j;
                    }
                }
            }
            int[] si = arrays[i];
            for (int k = 0; k < t; k++) {
                int j = touched[k];
                int bandsInCommon = shared[j];
                shared[j] = 0;
                if (bandsInCommon >= minSharedBands) {
                    double jac = jaccardAtLeast(si, arrays[j], threshold);
                    if (jac >= threshold) {
                        pairs.add(new Pair(i, j, jac));
                    }
                }
            }
        }
        return pairs;
    }

    /**
     * {@link #jaccard} of the two sets when it can reach {@code threshold}, otherwise some value below it (the sizes
     * alone, or the intersection so far plus what is left, may already rule the threshold out).
     */
    public static double jaccardAtLeast(int[] a, int[] b, double threshold) {
        int la = a.length;
        int lb = b.length;
        if (la == 0 && lb == 0) {
            return 0;
        }
        // |a ∩ b| ≤ min; J ≥ t needs |a ∩ b| ≥ t (la + lb) / (1 + t); the small slack keeps rounding on the safe side
        double need = threshold * (la + lb) / (1 + threshold) - 1e-9;
        if (Math.min(la, lb) < need) {
            return -1;
        }
        int i = 0;
        int j = 0;
        int inter = 0;
        while (i < la && j < lb) {
            int x = a[i];
            int y = b[j];
            if (x == y) {
                inter++;
                i++;
                j++;
            } else if (x < y) {
                i++;
                if (inter + Math.min(la - i, lb - j) < need) {
                    return -1;
                }
            } else {
                j++;
                if (inter + Math.min(la - i, lb - j) < need) {
                    return -1;
                }
            }
        }
        return (double) inter / (la + lb - inter);
    }

    /** Open-addressing map from a band key to a dense bucket number, reused across bands. */
    private static final class BucketIds {
        private final long[] keys;
        private final int[] ids;
        private final int mask;
        private int size;

        BucketIds(int n) {
            int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
            keys = new long[cap];
            ids = new int[cap];
            mask = cap - 1;
            clear();
        }

        void clear() {
            Arrays.fill(ids, -1);
            size = 0;
        }

        int size() {
            return size;
        }

        int idOf(long key) {
            int slot = (int) mix(key) & mask;
            while (ids[slot] >= 0) {
                if (keys[slot] == key) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = size;
            return size++;
        }
    }

    /**
     * Exact all-pairs Jaccard ≥ threshold (the benchmark's anchor): an inverted index of all shingles (postings in
     * ascending article order, as int arrays), and for every article the overlap with each later article that shares
     * a shingle.
     */
    public static List<Pair> exactPairs(List<int[]> sets, double threshold) {
        int n = sets.size();
        Map<Integer, Integer> termIds = new HashMap<>();
        int[][] terms = new int[n][];
        int[] df = new int[16];
        for (int i = 0; i < n; i++) {
            int[] s = sets.get(i);
            int[] t = new int[s.length];
            for (int k = 0; k < s.length; k++) {
                Integer id = termIds.putIfAbsent(s[k], termIds.size());
                t[k] = id == null ? termIds.size() - 1 : id;
                if (t[k] >= df.length) {
                    df = Arrays.copyOf(df, df.length * 2);
                }
                df[t[k]]++;
            }
            terms[i] = t;
        }
        int v = termIds.size();
        int[] start = new int[v + 1];
        for (int t = 0; t < v; t++) {
            start[t + 1] = start[t] + df[t];
        }
        int[] postings = new int[start[v]];
        int[] fill = Arrays.copyOf(start, v);
        for (int i = 0; i < n; i++) {
            for (int t : terms[i]) {
                postings[fill[t]++] = i;
            }
        }
        List<Pair> pairs = new ArrayList<>();
        int[] overlap = new int[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int t = 0;
            for (int term : terms[i]) {
                int from = Arrays.binarySearch(postings, start[term], start[term + 1], i) + 1;
                for (int p = from, stop = start[term + 1]; p < stop; p++) {
                    int j = postings[p];
                    if (overlap[j]++ == 0) {
                        touched[t++] = j;
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
