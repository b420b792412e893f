package kr.sotong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping with a cheaper search. For a request path with no exact (pattern-free) mapping, such as
 * every path with an id in it, Spring evaluates all of the application's ~600 mappings (methods, patterns, parameters,
 * headers) one by one; with the hash lookups that come with it that was a fifth of an API request's CPU time. Here the
 * mappings are kept in a list with the literal leading segments of their path patterns, and only those whose prefix
 * fits the path are evaluated, with Spring's own condition matching and ordering.
 * <p>
 * Whenever the result could differ from Spring's own search, that search decides: when nothing matches (Spring then
 * tells 404 from 405 and 415), when the best two matches are equally good (Spring reports the ambiguity), for CORS
 * pre-flight requests, and for paths with percent-encoding or matrix parameters (patterns match decoded segments).
 */
final class PrefixFilteredHandlerMapping extends RequestMappingHandlerMapping {

    private static final String[] ANY = new String[0];

    private record Candidate(RequestMappingInfo info, HandlerMethod handler, String[] prefixes) {
    }

    private record Match(RequestMappingInfo mapping, HandlerMethod handler) {
    }

    /** Every mapping with its prefixes; rebuilt on first use after a mapping is added or removed. */
    private volatile List<Candidate> candidates;

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        candidates = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        candidates = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        candidates = null;
    }

    private List<Candidate> candidates() {
        List<Candidate> c = candidates;
        if (c == null) {
            List<Candidate> built = new ArrayList<>();
            getHandlerMethods().forEach((info, handler) -> built.add(new Candidate(info, handler, prefixes(info))));
            c = List.copyOf(built);
            candidates = c;
        }
        return c;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<Match> matches = new ArrayList<>(4);
        for (Candidate c : candidates()) {
            if (mayMatch(c.prefixes(), lookupPath)) {
                RequestMappingInfo m = getMatchingMapping(c.info(), request);
                if (m != null) {
                    matches.add(new Match(m, c.handler()));
                }
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Match best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> order = getMappingComparator(request);
            matches.sort((a, b) -> order.compare(a.mapping(), b.mapping()));
            best = matches.get(0);
            if (order.compare(best.mapping(), matches.get(1).mapping()) == 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.mapping(), lookupPath, request);
        return best.handler();
    }

    /** Spring's own search, for tests that compare the two. */
    HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
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
