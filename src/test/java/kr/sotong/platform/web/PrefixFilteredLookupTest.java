package kr.sotong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/** For a request to every mapped path of the application, the prefix-filtered search picks what Spring's own search picks. */
@SotongTest
class PrefixFilteredLookupTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyMappedPathResolvesToTheSameHandlerAsSpringsOwnSearch() throws Exception {
        assertThat(mapping).isInstanceOf(PrefixFilteredHandlerMapping.class);
        PrefixFilteredHandlerMapping m = (PrefixFilteredHandlerMapping) mapping;
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : m.getHandlerMethods().keySet()) {
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET", "POST")
                    : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
            for (PathPattern p : Objects.requireNonNull(info.getPathPatternsCondition()).getPatterns()) {
                for (String path : List.of(sample(p.getPatternString()), sample(p.getPatternString()) + "/x", "/nothing" + p.getPatternString())) {
                    for (String method : methods) {
                        assertThat(lookup(m, method, path, true)).as(method + " " + path).isEqualTo(lookup(m, method, path, false));
                        checked.add(method + " " + path);
                    }
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(500);
    }

    /** A concrete path for a pattern: variables become digits (they fit numeric and text variables alike). */
    static String sample(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "7").replace("**", "a/b").replace("*", "a");
    }

    /** The chosen handler, or the exception's type and message when the search refuses. */
    static String lookup(PrefixFilteredHandlerMapping m, String method, String path, boolean filtered) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        try {
            HandlerMethod h = filtered ? m.lookupHandlerMethod(lookupPath, request) : m.springLookup(lookupPath, request);
            return h == null ? "none" : h.toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
