package kr.sotong.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import kr.sotong.channels.internal.PrizeDraw;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The commit–reveal draw is reproducible by anyone from the published seed and entrant list. */
class PrizeDrawTest {

    /** An independent re-implementation of the published algorithm, as a resident would write it. */
    static List<Integer> recompute(String seedHex, List<Integer> numbers, int k) throws Exception {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        List<Integer> a = new ArrayList<>(numbers);
        BigInteger two64 = BigInteger.TWO.pow(64);
        int counter = 0;
        for (int i = 0; i < Math.min(k, a.size()); i++) {
            BigInteger r = BigInteger.valueOf(a.size() - i);
            BigInteger x;
            do {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(seed);
                md.update(String.valueOf(counter++).getBytes(StandardCharsets.US_ASCII));
                byte[] h = md.digest();
                x = new BigInteger(1, java.util.Arrays.copyOfRange(h, 0, 8));
            } while (x.compareTo(two64.subtract(two64.mod(r))) >= 0);
            int j = i + x.mod(r).intValueExact();
            Integer t = a.get(i);
            a.set(i, a.get(j));
            a.set(j, t);
        }
        return a.subList(0, Math.min(k, a.size()));
    }

    @Test
    void knownSeedGivesKnownWinnersAndCommitmentMatches() throws Exception {
        String seed = "00".repeat(31) + "01";
        List<Integer> entrants = IntStream.rangeClosed(1, 2876).boxed().toList();
        List<Integer> w = PrizeDraw.winners(seed, entrants, 10);
        assertThat(w).hasSize(10).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= 2876);
        assertThat(w).isEqualTo(recompute(seed, entrants, 10));
        assertThat(PrizeDraw.commitment(seed)).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(seed))));
        assertThat(PrizeDraw.winners(seed, entrants, 10)).isEqualTo(w);
        assertThat(PrizeDraw.winners("00".repeat(31) + "02", entrants, 10)).isNotEqualTo(w);
    }

    @Property(tries = 200)
    void sameAsAnIndependentImplementation(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 20) int k,
                                           @ForAll long salt) throws Exception {
        String seed = PrizeDraw.sha256Hex(Long.toString(salt).getBytes(StandardCharsets.UTF_8));
        List<Integer> entrants = IntStream.rangeClosed(1, n).map(i -> i * 3).boxed().toList();
        List<Integer> w = PrizeDraw.winners(seed, entrants, k);
        assertThat(w).isEqualTo(recompute(seed, entrants, k)).hasSize(Math.min(n, k)).doesNotHaveDuplicates();
    }

    @Test
    void entrantListHashCoversNumbersAndMaskedNames() {
        String list = PrizeDraw.entrantList(List.of(1, 2), List.of("010-****-1234", "insta:김*수"));
        assertThat(list).isEqualTo("1\t010-****-1234\n2\tinsta:김*수\n");
        assertThat(PrizeDraw.listHash(list)).hasSize(64).isNotEqualTo(PrizeDraw.listHash(list.replace("1234", "1235")));
    }
}
