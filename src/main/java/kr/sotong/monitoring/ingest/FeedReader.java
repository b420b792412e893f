package kr.sotong.monitoring.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds. The XML is parsed by a hardened JAXP parser first — DOCTYPE
 * declarations refused outright (no DTDs, no internal or external entities, so neither XXE nor entity
 * expansion such as "billion laughs" can happen), external DTD loading and XInclude off, secure processing
 * on — and the resulting DOM is handed to ROME for the feed semantics.
 */
public final class FeedReader {

    public record Item(String guid, String link, String title, Instant publishedAt, String bodyText, String author) {
    }

    private FeedReader() {
    }

    static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        f.setValidating(false);
        return f;
    }

    /** Parses a decoded feed. Throws a {@link FetchException} with a Korean reason for anything unreadable. */
    public static List<Item> parse(String xml) throws FetchException {
        Document dom;
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            String trimmed = xml.stripLeading();
            dom = builder.parse(new InputSource(new StringReader(trimmed)));
        } catch (SAXParseException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE")) {
                throw new FetchException("피드에 DOCTYPE(DTD)이 있어 보안상 거부했습니다(외부 엔티티·엔티티 확장 공격 방지).", e);
            }
            throw new FetchException("XML 형식이 올바르지 않습니다(" + e.getLineNumber() + "행 " + e.getColumnNumber()
                    + "열): " + Texts.truncate(m, 200), e);
        } catch (SAXException | IOException e) {
            throw new FetchException("XML을 읽을 수 없습니다: " + Texts.truncate(String.valueOf(e.getMessage()), 200), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(dom);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FetchException("RSS/Atom 피드가 아닙니다: " + Texts.truncate(String.valueOf(e.getMessage()), 200), e);
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String title = e.getTitle() == null ? "" : Html.toText(e.getTitle());
            StringBuilder body = new StringBuilder();
            for (SyndContent c : e.getContents()) {
                if (c != null && c.getValue() != null) {
                    body.append(Html.toText(c.getValue())).append("\n\n");
                }
            }
            if (body.toString().isBlank() && e.getDescription() != null && e.getDescription().getValue() != null) {
                body.append(Html.toText(e.getDescription().getValue()));
            }
            java.util.Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            String guid = e.getUri();
            items.add(new Item(blankToNull(guid), blankToNull(e.getLink()), Texts.tidy(title),
                    d == null ? null : d.toInstant(), Texts.tidy(body.toString()), blankToNull(e.getAuthor())));
        }
        return items;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
