package kr.sotong.channels.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The documented, reproducible draw (경품 추첨) of a commit–reveal SNS event.
 * <ol>
 * <li>Before the draw the office publishes {@code commitment = SHA-256(seed)} (seed: 32 random bytes,
 *     written as 64 lower-case hex digits) and the entrant list: lines {@code "<entry number>\t<masked>\n"}
 *     ordered by entry number, with {@code SHA-256} of that UTF-8 text.</li>
 * <li>After the draw it publishes the seed. Anyone checks {@code SHA-256(seed) == commitment} and
 *     recomputes the winners:
 * <pre>
 * a = entry numbers in published order; n = len(a); counter = 0
 * for i in 0 .. k-1:
 *     r = n - i
 *     repeat:
 *         h = SHA-256(seed bytes ‖ ASCII(decimal counter)); counter += 1
 *         x = first 8 bytes of h as an unsigned big-endian integer
 *     until x &lt; 2^64 − (2^64 mod r)          (rejection sampling: no modulo bias)
 *     j = i + (x mod r); swap a[i], a[j]
 * winners = a[0], …, a[k-1]   (1st, 2nd, … prize)
 * </pre></li>
 * </ol>
 */
public final class PrizeDraw {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private PrizeDraw() {
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String commitment(String seedHex) {
        return sha256Hex(HexFormat.of().parseHex(seedHex));
    }

    /** The published entrant list text. */
    public static String entrantList(List<Integer> numbers, List<String> masked) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            sb.append(numbers.get(i)).append('\t').append(masked.get(i)).append('\n');
        }
        return sb.toString();
    }

    public static String listHash(String entrantList) {
        return sha256Hex(entrantList.getBytes(StandardCharsets.UTF_8));
    }

    /** Winners (entry numbers, in prize order) for a seed and the published entry numbers. */
    public static List<Integer> winners(String seedHex, List<Integer> entryNumbers, int count) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        Integer[] a = entryNumbers.toArray(Integer[]::new);
        int n = a.length;
        int k = Math.min(count, n);
        long counter = 0;
        for (int i = 0; i < k; i++) {
            BigInteger r = BigInteger.valueOf(n - i);
            BigInteger limit = TWO_64.subtract(TWO_64.mod(r));
            BigInteger x;
            do {
                byte[] input = concat(seed, Long.toString(counter).getBytes(StandardCharsets.US_ASCII));
                counter++;
                byte[] h = sha256(input);
                x = new BigInteger(1, Arrays.copyOf(h, 8));
            } while (x.compareTo(limit) >= 0);
            int j = i + x.mod(r).intValue();
            Integer t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return new ArrayList<>(Arrays.asList(a).subList(0, k));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
