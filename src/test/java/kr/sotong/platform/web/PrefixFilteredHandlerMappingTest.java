package kr.sotong.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pre-check may only skip mappings that cannot match: it compares whole literal segments before any variable. */
class PrefixFilteredHandlerMappingTest {

    @Test
    void literalPrefixStopsAtTheSegmentBeforeTheFirstVariableOrWildcard() {
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/api/v1/education/courses/{id}/registrations"))
                .isEqualTo("/api/v1/education/courses");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/files/**")).isEqualTo("/files");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/a/{*rest}")).isEqualTo("/a");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/staff/press")).isEqualTo("/staff");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/staff/press/")).isEqualTo("/staff/press");
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/report-{year}.xlsx")).isEmpty();
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/img?.png")).isEmpty();
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("/")).isEmpty();
        assertThat(PrefixFilteredHandlerMapping.literalPrefix("")).isEmpty();
    }

    @Test
    void aPathMayMatchWhenAnyPatternPrefixIsItsPrefix() {
        String[] p = {"/api/v1/education/courses", "/api/v1/contests"};
        assertThat(PrefixFilteredHandlerMapping.mayMatch(p, "/api/v1/education/courses/7/registrations")).isTrue();
        assertThat(PrefixFilteredHandlerMapping.mayMatch(p, "/api/v1/contests")).isTrue();
        assertThat(PrefixFilteredHandlerMapping.mayMatch(p, "/api/v1/press/releases/3")).isFalse();
        assertThat(PrefixFilteredHandlerMapping.mayMatch(new String[] {""}, "/anything")).isTrue();
    }
}
