package kr.sotong.monitoring.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text (scripts, styles and embedded objects dropped; block elements become line breaks) and a
 * readability-style main-text extractor for article pages.
 */
public final class Html {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
            "h5", "h6", "tr", "table", "section", "article", "blockquote", "header", "footer", "figure", "figcaption", "pre");
    private static final String JUNK = "script,style,noscript,iframe,object,embed,form,button,input,select,textarea,svg,canvas,template";
    private static final Pattern UNLIKELY = Pattern.compile(
            "comment|footer|foot|nav|menu|sidebar|side|banner|\\bad\\b|ads|advert|share|sns|social|related|recommend|"
                    + "copyright|popup|login|header|gnb|lnb|breadcrumb|reply|tag|rank|popular|subscribe", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIKELY = Pattern.compile("article|content|body|news|text|view|story|entry|main|post|본문",
            Pattern.CASE_INSENSITIVE);

    private Html() {
    }

    /** Plain text of an HTML fragment; plain text passes through unchanged. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select(JUNK).remove();
        return Texts.tidy(text(doc.body()));
    }

    static String text(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    sb.append('\n');
                }
            }
        }, root);
        return sb.toString();
    }

    /** What an article page yields: main text, its canonical URL and title when the page declares them. */
    public record Page(String text, String canonicalUrl, String title) {
    }

    /**
     * Extracts the main text of a news page: junk and unlikely blocks removed, paragraphs scored by length
     * and commas, scores given to parents and grandparents, the best container chosen with a link-density
     * penalty; falls back to og:description.
     */
    public static Page extract(String html, String baseUrl) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        String canonical = doc.select("link[rel=canonical]").attr("abs:href");
        if (canonical.isBlank()) {
            canonical = doc.select("meta[property=og:url]").attr("content");
        }
        String title = doc.select("meta[property=og:title]").attr("content");
        if (title.isBlank()) {
            title = doc.title();
        }
        String description = doc.select("meta[property=og:description], meta[name=description]").attr("content");
        doc.select(JUNK).remove();
        doc.select("nav, aside, footer").remove();
        for (Element e : new ArrayList<>(doc.getAllElements())) {
            if (e == doc.body() || e.parent() == null) {
                continue;
            }
            String cls = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            if (!cls.isBlank() && UNLIKELY.matcher(cls).find() && !LIKELY.matcher(cls).find()
                    && !e.normalName().equals("article")) {
                e.remove();
            }
        }
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : doc.select("p, div, td, pre, section")) {
            String own = p.normalName().equals("p") ? p.text() : p.ownText();
            if (own.length() < 25) {
                continue;
            }
            double s = 1 + count(own, ',') + count(own, '.') * 0.5 + Math.min(own.length() / 100.0, 3);
            Element parent = p.normalName().equals("p") ? p.parent() : p;
            if (parent == null) {
                continue;
            }
            scores.merge(parent, s, Double::sum);
            Element grand = parent.parent();
            if (grand != null) {
                scores.merge(grand, s / 2, Double::sum);
            }
        }
        Element best = scores.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), adjusted(e.getKey(), e.getValue())))
                .max(Comparator.comparingDouble(Map.Entry::getValue)).map(Map.Entry::getKey).orElse(null);
        String text = best == null ? "" : Texts.tidy(text(best));
        if (text.length() < 80 && !description.isBlank()) {
            text = Texts.tidy(description);
        }
        return new Page(text, canonical.isBlank() ? null : canonical, title.isBlank() ? null : title.strip());
    }

    private static double adjusted(Element e, double score) {
        String cls = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        if (LIKELY.matcher(cls).find() || e.normalName().equals("article") || e.hasAttr("itemprop")
                && e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            score *= 1.5;
        }
        String all = e.text();
        int linkChars = 0;
        for (Element a : e.select("a")) {
            linkChars += a.text().length();
        }
        double density = all.isEmpty() ? 1 : (double) linkChars / all.length();
        return score * (1 - density);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
