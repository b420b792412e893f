package kr.sotong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, with a cheap pre-check before each mapping's full match. For a request path with no
 * exact (pattern-free) mapping, such as every path with an id in it, Spring evaluates all of the application's ~600
 * mappings (methods, patterns, parameters, headers) one by one; that was a fifth of an API request's CPU time. Here a
 * mapping is skipped at once when none of its path patterns' literal leading segments is a prefix of the path: such a
 * pattern cannot match. The check is conservative: only whole literal segments before the first variable or wildcard
 * are compared, and paths with percent-encoding or matrix parameters (where the pattern matches decoded segment values)
 * are not pre-checked at all, so the result is always Spring's own.
 */
final class PrefixFilteredHandlerMapping extends RequestMappingHandlerMapping {

    private static final ThreadLocal<String> PATH = new ThreadLocal<>();
    private static final String[] ANY = new String[0];

    /**
     * Prefixes by mapping instance. An identity map (the mapping's own hashCode walks all its conditions), replaced
     * whole when a mapping is first seen, so that reads need no lock.
     */
    private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        String previous = PATH.get();
        PATH.set(lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (previous == null) {
                PATH.remove();
            } else {
                PATH.set(previous);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = PATH.get();
        if (path != null) {
            String[] p = prefixes.get(info);
            if (p == null) {
                p = remember(info);
            }
            if (!mayMatch(p, path)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private synchronized String[] remember(RequestMappingInfo info) {
        String[] p = prefixes.get(info);
        if (p == null) {
            p = prefixes(info);
            Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(prefixes);
            copy.put(info, p);
            prefixes = copy;
        }
        return p;
    }

    static boolean mayMatch(String[] prefixes, String path) {
        if (prefixes == ANY) {
            return true;
        }
        for (String p : prefixes) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The literal leading segments of each path pattern of the mapping, or {@link #ANY} when they cannot be told. */
    static String[] prefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition c = info.getPathPatternsCondition();
        if (c == null || c.getPatterns().isEmpty()) {
            return ANY;
        }
        String[] out = new String[c.getPatterns().size()];
        int i = 0;
        for (PathPattern p : c.getPatterns()) {
            out[i++] = literalPrefix(p.getPatternString());
        }
        return out;
    }

    /**
     * The pattern up to the last separator before its first variable or wildcard, without that separator
     * ({@code /api/v1/courses/{id}} → {@code /api/v1/courses}; {@code /files/**} → {@code /files}, which also matches
     * {@code /files} itself).
     */
    static String literalPrefix(String pattern) {
        int special = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '{' || ch == '*' || ch == '?' || ch == '\\') {
                special = i;
                break;
            }
        }
        int slash = pattern.lastIndexOf('/', special == pattern.length() ? special - 1 : special);
        return slash <= 0 ? "" : pattern.substring(0, slash);
    }
}
