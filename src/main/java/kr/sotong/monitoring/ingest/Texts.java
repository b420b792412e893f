package kr.sotong.monitoring.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import kr.sotong.monitoring.search.KoreanText;

/** Pure normalisation used for de-duplication and relevance: canonical URLs, title keys, folded text. */
public final class Texts {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "igshid", "mc_cid", "mc_eid", "ref",
            "ref_src", "cmpid", "_ga", "nclick", "from", "rccode", "dicbo", "sns", "type_sns", "share");
    /** A leading tag such as [단독], [속보], [기획], 【포토】, <인터뷰>, (종합): at most 12 characters. */
    private static final Pattern LEADING_TAG = Pattern.compile("^\\s*(\\[[^\\]]{1,12}\\]|【[^】]{1,12}】|<[^>]{1,12}>|〈[^〉]{1,12}〉|\\([^)]{1,8}\\))\\s*");
    private static final Pattern TRAILING_TAG = Pattern.compile("\\s*(\\((종합|종합\\d보|\\d보|상보|속보|포토|영상|사진)\\)|\\[(종합|포토|영상|사진)\\])\\s*$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Texts() {
    }

    /**
     * The URL two reports of one article share: lower-case scheme and host without {@code www.}/{@code m.},
     * no default port, no fragment, no tracking parameters (utm_*, fbclid …), remaining parameters sorted,
     * no trailing slash. Returns null for anything that is not an absolute http(s) URL.
     */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.strip().replace(" ", "%20"));
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
                return null;
            }
            String host = u.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            } else if (host.startsWith("m.")) {
                host = host.substring(2);
            }
            int port = u.getPort();
            boolean defaultPort = port == -1 || port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.replaceAll("/+$", "");
            }
            TreeMap<String, List<String>> params = new TreeMap<>();
            if (u.getRawQuery() != null) {
                for (String p : u.getRawQuery().split("&")) {
                    if (p.isEmpty()) {
                        continue;
                    }
                    int eq = p.indexOf('=');
                    String k = eq < 0 ? p : p.substring(0, eq);
                    String kl = k.toLowerCase(Locale.ROOT);
                    if (kl.startsWith("utm_") || TRACKING.contains(kl)) {
                        continue;
                    }
                    params.computeIfAbsent(k, x -> new ArrayList<>()).add(eq < 0 ? "" : p.substring(eq + 1));
                }
            }
            StringBuilder sb = new StringBuilder("https".equals(scheme) ? "https" : "http").append("://").append(host);
            if (!defaultPort) {
                sb.append(':').append(port);
            }
            sb.append(path);
            if (!params.isEmpty()) {
                sb.append('?');
                boolean first = true;
                for (var e : params.entrySet()) {
                    for (String v : e.getValue().stream().sorted().toList()) {
                        if (!first) {
                            sb.append('&');
                        }
                        first = false;
                        sb.append(e.getKey());
                        if (!v.isEmpty()) {
                            sb.append('=').append(v);
                        }
                    }
                }
            }
            String s = sb.toString();
            // http and https of one page are the same article
            return s.replaceFirst("^https?://", "//");
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The title without leading tags ([단독], [속보], [기획] …) and trailing (종합), as compared for duplicates. */
    public static String strippedTitle(String title) {
        String t = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKC).strip();
        String before;
        do {
            before = t;
            t = LEADING_TAG.matcher(t).replaceFirst("");
            t = TRAILING_TAG.matcher(t).replaceFirst("");
        } while (!t.equals(before) && !t.isEmpty());
        return t.isEmpty() ? before : t;
    }

    /** Title key: stripped title, letters and digits only, lower case. */
    public static String titleKey(String title) {
        String key = KoreanText.normaliseSeparators(strippedTitle(title));
        for (int i = 0; i < 4; i++) {
            String next = NOT_WORD.matcher(Normalizer.normalize(key.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC)).replaceAll("");
            if (next.equals(key)) {
                break;
            }
            key = next;
        }
        return key.length() > 500 ? key.substring(0, 500) : key;
    }

    /** Folded text for term matching: NFKC, separators as spaces, lower case. */
    public static String fold(String text) {
        return KoreanText.normaliseSeparators(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC))
                .toLowerCase(Locale.ROOT);
    }

    /** Collapses runs of spaces and blank lines; strips control characters. */
    public static String tidy(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ").replace('\u00A0', ' ');
        s = s.replaceAll("[ \t]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n");
        return s.strip();
    }

    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
