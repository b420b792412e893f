package kr.sotong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kr.sotong.monitoring.ingest.Charsets;
import kr.sotong.monitoring.ingest.ClippingImport;
import kr.sotong.monitoring.ingest.FeedReader;
import kr.sotong.monitoring.ingest.FetchException;
import kr.sotong.monitoring.ingest.Html;
import kr.sotong.monitoring.ingest.Texts;
import kr.sotong.shared.DomainException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Fuzzing of the parsers: whatever arrives, they answer with data or a clear domain error, never a crash. */
class ParserPropertiesTest {

    @Provide
    Arbitrary<String> feedish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(400),
                Arbitraries.strings().withChars("<>/?!&;=\"' rsitemchanlgkdDOCTYPEENTITY금천구\n").ofMaxLength(400),
                Arbitraries.of("<rss", "<item>", "<?xml version=\"1.0\"?>", "<![CDATA[", "&lol;", "<!DOCTYPE x [", "]]>",
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry><title>금천</title>", "</channel></rss>")
                        .list().ofMaxSize(12).map(l -> String.join("", l)));
    }

    @Property(tries = 300)
    void feedReaderNeverFailsWithAnythingButAFetchException(@ForAll("feedish") String xml) {
        try {
            FeedReader.parse(xml);
        } catch (FetchException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void charsetDecodingNeverThrows(@ForAll @Size(max = 300) byte[] bytes, @ForAll("contentTypes") String contentType) {
        assertThat(Charsets.decode(bytes, contentType).text()).isNotNull();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(null, "text/xml", "text/xml; charset=EUC-KR", "text/html; charset=utf-8",
                "application/xml; charset=\"nonsense-42\"", "text/plain; charset=ISO-8859-1");
    }

    @Property(tries = 300)
    void utf8KoreanSurvivesAnyDeclaredCharset(@ForAll("korean") String text, @ForAll("contentTypes") String contentType) {
        assertThat(Charsets.decode(("<a>" + text + "</a>").getBytes(StandardCharsets.UTF_8), contentType).text())
                .isEqualTo("<a>" + text + "</a>");
    }

    @Provide
    Arbitrary<String> korean() {
        return Arbitraries.strings().withCharRange('가', '힣').withChars(' ', '.', ',').ofMinLength(1).ofMaxLength(60);
    }

    @Property(tries = 300)
    void clippingCsvGivesRowsOrDomainErrors(@ForAll("csvish") String csv) {
        try {
            ClippingImport.Parsed p = ClippingImport.parse(csv.getBytes(StandardCharsets.UTF_8), "x.csv");
            assertThat(p.rows().size() + p.errors().size()).isGreaterThanOrEqualTo(0);
            p.rows().forEach(r -> {
                assertThat(r.title()).isNotBlank();
                assertThat(r.outlet()).isNotBlank();
                assertThat(r.publishedAt()).isNotNull();
            });
        } catch (DomainException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> csvish() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().withChars("가나다,\"\n 0123-./년월일").ofMaxLength(15),
                Arbitraries.of("2031-03-04", "2031.3.4", "20310304", "45717", "날짜", "언론사", "제목", "https://a.kr/1", ""));
        return cell.list().ofMaxSize(5).map(l -> String.join(",", l)).list().ofMaxSize(6).map(l -> String.join("\n", l));
    }

    @Property(tries = 200)
    void xlsxParsingOfGarbageIsADomainError(@ForAll @Size(max = 200) byte[] bytes) {
        byte[] zip = new byte[bytes.length + 4];
        zip[0] = 0x50;
        zip[1] = 0x4B;
        zip[2] = 3;
        zip[3] = 4;
        System.arraycopy(bytes, 0, zip, 4, bytes.length);
        try {
            ClippingImport.parse(zip, "x.xlsx");
        } catch (DomainException e) {
            assertThat(e.getMessage()).contains("엑셀");
        }
    }

    @Property(tries = 300)
    void normalisersAreTotalAndIdempotent(@ForAll @Size(max = 200) String s) {
        String key = Texts.titleKey(s);
        assertThat(Texts.titleKey(key)).isEqualTo(key);
        String url = Texts.canonicalUrl(s);
        if (url != null) {
            assertThat(url).startsWith("//");
        }
        assertThat(Html.toText(s)).isNotNull();
        Html.extract(s, null);
    }
}
