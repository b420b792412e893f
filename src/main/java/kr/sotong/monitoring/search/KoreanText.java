package kr.sotong.monitoring.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The Korean analysis shared by indexing, querying, highlighting and coverage grouping: look-alike separators
 * remapped, Nori morphological analysis with a user dictionary built from the relevance terms (local names
 * stay one token), compounds decompounded in MIXED mode (the compound and its parts are both indexed, for
 * recall), particles and endings dropped by part of speech, lower-cased.
 * <p>
 * The OpenSearch equivalent is in {@code monitoring/opensearch-index.json} (same dictionary, stop tags and
 * char mappings).
 */
public final class KoreanText {

    /**
     * Separators that look like a middle dot or hyphen but are other code points: U+318D HANGUL LETTER ARAEA
     * (ㆍ, typed as a middle dot in 부정ㆍ왜곡), U+00B7, U+2027, U+30FB, U+FF65, U+2219, U+119E, U+2022, U+2010–U+2015,
     * U+FF5E. They become a space before tokenising so 부정ㆍ왜곡 splits into 부정, 왜곡.
     */
    public static final List<String> SEPARATORS = List.of("\u318D", "\u00B7", "\u2027", "\u30FB", "\uFF65", "\u2219",
            "\u119E", "\u2022", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\uFF5E", "\u3000");

    /** Stop tags: Nori's defaults (particles, endings, punctuation …). */
    public static final Set<POS.Tag> STOP_TAGS = KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS;

    /** Tags kept as nouns for coverage shingles. */
    private static final Set<POS.Tag> NOUNS = EnumSet.of(POS.Tag.NNG, POS.Tag.NNP, POS.Tag.SL, POS.Tag.SH, POS.Tag.SN);

    private static final NormalizeCharMap SEPARATOR_MAP;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String s : SEPARATORS) {
            b.add(s, " ");
        }
        SEPARATOR_MAP = b.build();
    }

    private final UserDictionary dictionary;
    private final List<String> dictionaryEntries;
    private final Analyzer indexAnalyzer;
    private final Analyzer nounAnalyzer;

    private KoreanText(UserDictionary dictionary, List<String> entries) {
        this.dictionary = dictionary;
        this.dictionaryEntries = entries;
        this.indexAnalyzer = new NoriAnalyzer(dictionary, true);
        this.nounAnalyzer = new NoriAnalyzer(dictionary, false);
    }

    /** Builds the analysis with the given relevance terms as user dictionary (entries with spaces are skipped). */
    public static KoreanText withTerms(Collection<String> terms) {
        List<String> entries = dictionaryEntries(terms);
        try {
            UserDictionary dict = entries.isEmpty() ? null
                    : UserDictionary.open(new StringReader(String.join("\n", entries)));
            return new KoreanText(dict, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user dictionary lines: one word each, Hangul/Latin/digits only, unique, sorted. */
    public static List<String> dictionaryEntries(Collection<String> terms) {
        TreeSet<String> set = new TreeSet<>();
        for (String t : terms) {
            if (t == null) {
                continue;
            }
            String s = t.strip();
            if (s.isEmpty() || s.length() > 40 || !s.matches("[\\p{IsHangul}A-Za-z0-9]+")) {
                continue;
            }
            set.add(s);
        }
        return new ArrayList<>(set);
    }

    public List<String> dictionary() {
        return List.copyOf(dictionaryEntries);
    }

    /** Analyzer for indexing and queries (MIXED decompounding). */
    public Analyzer analyzer() {
        return indexAnalyzer;
    }

    /** Remaps look-alike separators (for matching outside Lucene, e.g. relevance terms). */
    public static String normaliseSeparators(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(SEPARATORS.contains(String.valueOf(c)) ? ' ' : c);
        }
        return sb.toString();
    }

    /** The tokens the search analyzer produces (for tests and the term page). */
    public List<String> tokens(String text) {
        return collect(indexAnalyzer, text, false);
    }

    /** Noun tokens (NNG, NNP, foreign words, numbers) in text order, for coverage shingles. */
    public List<String> nouns(String text) {
        return collect(nounAnalyzer, text, true);
    }

    private static List<String> collect(Analyzer analyzer, String text, boolean nounsOnly) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text == null ? "" : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PartOfSpeechAttribute pos = ts.addAttribute(PartOfSpeechAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (nounsOnly) {
                    POS.Tag tag = pos.getLeftPOS();
                    if (tag == null || !NOUNS.contains(tag)) {
                        continue;
                    }
                }
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Reader mapSeparators(Reader reader) {
        return new MappingCharFilter(SEPARATOR_MAP, reader);
    }

    /** Search analysis (MIXED, POS stop, reading form, lower case) or noun analysis (DISCARD, POS kept). */
    private static final class NoriAnalyzer extends Analyzer {
        private final UserDictionary dict;
        private final boolean search;

        NoriAnalyzer(UserDictionary dict, boolean search) {
            this.dict = dict;
            this.search = search;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return mapSeparators(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dict,
                    search ? KoreanTokenizer.DecompoundMode.MIXED : KoreanTokenizer.DecompoundMode.DISCARD, false, true);
            TokenStream stream = tokenizer;
            if (search) {
                stream = new KoreanReadingFormFilter(new KoreanPartOfSpeechStopFilter(stream, STOP_TAGS));
            }
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(stream));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
