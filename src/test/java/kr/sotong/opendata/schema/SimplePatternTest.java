package kr.sotong.opendata.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The regex-free matcher of simple patterns agrees with java.util.regex wherever it takes a pattern. */
class SimplePatternTest {

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> atom = Arbitraries.of("0", "a", "Z", "-", "_", " ", "@", ".", "\\d", "\\.", "\\-", "\\\\", "[0-9]",
                "[a-z]", "[A-Z0-9]", "[a-]", "[-a]", "[0-9-]", "[ab.]", "[\\d_]", "[Z-a]", "[^a]", "(a)", "a|b", "\\w", "[a-z&&b]", "[\\w]", "[\\s]", "w");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "?", "*", "+", "{2}", "{0,3}", "{1,}", "{3,2}", "+?", "*+", "{2}{3}");
        Arbitrary<String> element = Combinators.combine(atom, quantifier).as((a, q) -> a + q);
        return element.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> inputs() {
        return Arbitraries.strings().withChars("0123456789aabzZ-_ .@\\^w\t").ofMaxLength(10);
    }

    @Property(tries = 3000)
    void agreesWithTheRegexEngine(@ForAll("patterns") String regex, @ForAll("inputs") String input) {
        assertAgrees(regex, input);
    }

    @Property(tries = 1000)
    void arbitraryPatternTextIsTakenOnlyWhenItAgrees(@ForAll("junk") String regex, @ForAll("inputs") String input) {
        assertAgrees(regex, input);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars("[]{}()\\^$.|?*+-,0123456789adzZ_ &").ofMinLength(1).ofMaxLength(8);
    }

    private static void assertAgrees(String regex, String input) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return; // the schema is refused before any cell is read
        }
        SimplePattern simple = SimplePattern.compile(regex);
        if (simple == null) {
            return;
        }
        byte[] b = ("#" + input + "#").getBytes(StandardCharsets.US_ASCII);
        assertThat(simple.matches(b, 1, b.length - 1)).as("/%s/ on '%s'", regex, input).isEqualTo(p.matcher(input).matches());
    }

    @Example
    void commonPatternsAreTaken() {
        for (String regex : new String[] {"[0-9]{5}", "\\d{3}-\\d{4}", "[A-Z]{2}[0-9]+", "[0-9]{3}-[0-9]{2}-[0-9]{5}", "Y|N"}) {
            assertThat(SimplePattern.compile(regex) != null).as(regex).isEqualTo(!regex.contains("|"));
        }
    }
}
