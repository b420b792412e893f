package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/** Writing checks, TextRank summary, the LLM client against a stub server, the press plan and statistics. */
@SotongTest
class AssistantAndPlanTest {

    @Autowired
    WritingAssistant assistant;
    @Autowired
    PressPlans plans;
    @Autowired
    PressStatistics statistics;
    @Autowired
    Staff staff;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void offlineChecksFindLongTitleLongSentenceMissingContactEmbargoAndJargon() {
        var d = new ReleaseDraft("금천구가 개청 30주년을 맞아 주민과 함께 만드는 특별한 한 해를 위하여 다양한 사업을 추진합니다", null,
                "□ 금천구는 향후 관내 주민을 대상으로 " + "아주 긴 문장을 계속 이어서 쓰는 ".repeat(8) + "사업을 추진한다.",
                null, null, null, null, Instant.now().plusSeconds(7200), Instant.now().plusSeconds(3600), List.of(), null, null);
        var findings = assistant.check(d);
        assertThat(findings).extracting(WritingAssistant.Finding::code)
                .contains("title.long", "sentence.long", "contact.missing", "embargo.before-distribution", "jargon");
        assertThat(findings).anyMatch(f -> f.message().contains("'향후' → '앞으로'"));
        assertThat(findings).anyMatch(f -> f.message().contains("'관내' → '지역 안'"));
        assertThat(WritingAssistant.parseJargon("# 주석\n가료\t치료\n잘못된 줄\n")).containsExactly(java.util.Map.entry("가료", "치료"));
    }

    @Test
    void textRankPicksTheCentralSentencesInOrder() {
        String body = """
                □ 금천구는 개청 30주년을 맞아 구 소개 가이드북을 발간한다.
                ㅇ 가이드북은 금천구의 자연, 시설, 인물, 명소를 분야별로 소개한다.
                ㅇ 구는 가이드북을 공공시설에 비치하고 교류 행사에서 활용할 계획이다.
                 - 점심 메뉴는 김치찌개였다.
                ※ 가이드북 전자책은 금천구 홈페이지에서 볼 수 있다.""";
        var summary = assistant.summary(body, 2);
        assertThat(summary).hasSize(2);
        assertThat(summary).noneMatch(s -> s.contains("김치찌개"));
        assertThat(summary).allMatch(s -> s.contains("가이드북"));
        assertThat(body.indexOf(summary.get(0))).isLessThan(body.indexOf(summary.get(1)));
        assertThat(assistant.words("금천구는 가이드북을 발간한다")).isNotEmpty().noneMatch(w -> w.endsWith("는") || w.endsWith("을"))
                .anyMatch(w -> w.startsWith("가이드"));
    }

    @Test
    void llmDraftingWorksAgainstAStubAndSaysWhenNotConfigured() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            seen.set(ex.getRequestHeaders().getFirst("Authorization") + " " + new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            byte[] out = """
                    {"choices":[{"message":{"role":"assistant","content":"금천구, 가이드북 발간\\n- 개청 30주년 -\\n□ 금천구는 …"}}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.createContext("/broken/chat/completions", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var llm = new OpenAiCompatibleLlm(new PressProperties.Llm(base + "/v1", "test-key", "stub-model",
                    Duration.ofSeconds(5)), json);
            String draft = llm.complete("시스템", "가이드북 발간, 3월");
            assertThat(draft).startsWith("금천구, 가이드북 발간");
            assertThat(seen.get()).startsWith("Bearer test-key").contains("stub-model").contains("가이드북 발간, 3월");
            var broken = new OpenAiCompatibleLlm(new PressProperties.Llm(base + "/broken", null, null, Duration.ofSeconds(5)), json);
            assertThatThrownBy(() -> broken.complete("s", "u")).hasMessageContaining("HTTP 500");
        } finally {
            server.stop(0);
        }
        // the application itself has no LLM configured: the API refuses in Korean and the form says so
        assertThat(assistant.llmConfigured()).isFalse();
        assertThatThrownBy(() -> assistant.draftWithLlm("자료")).hasMessageContaining("설정되지 않았습니다");
        var press = staff.create("PRESS", false, Roles.PRESS);
        String form = mvc.perform(get("/staff/press/releases/new").with(staff.as(press))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("AI 초안 작성 기능이 설정되지 않았습니다");
        String checked = mvc.perform(post("/staff/press/assistant/check").with(staff.as(press)).with(csrf())
                        .param("title", "제목").param("body", "□ 금천구는 향후 계획을 밝혔다.")
                        .param("distributeAt", "2030-01-01T09:00").param("embargoUntil", "2030-01-01T08:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(checked).contains("보도 시점이 배포 일시보다 앞섭니다").contains("연락처 표에");
    }

    @Test
    void pressPlanIsDerivedFromTheWorkPlanOnceAndExportedAsICalendar() throws Exception {
        var press = staff.create("PRESS", false, Roles.PRESS);
        staff.runAs(press, () -> {
            int first = plans.deriveFromWorkplan(2025);
            int again = plans.deriveFromWorkplan(2025);
            assertThat(again).isZero();
            var items = plans.items(2025);
            assertThat(items.size()).isGreaterThanOrEqualTo(first);
            // 『구 소개 가이드북』 제작, 2025. 2. ~ 8.: starts in February, results in August
            assertThat(items).anyMatch(i -> i.month() == 2 && i.title().equals("[착수] 『구 소개 가이드북』 제작")
                    && "P1".equals(i.programCode()) && i.derived());
            assertThat(items).anyMatch(i -> i.month() == 8 && i.title().equals("[성과] 『구 소개 가이드북』 제작"));
            assertThat(items).anyMatch(i -> i.title().contains("버스정류장 광고") && i.month() == 9);
            plans.add(2025, new PressPlans.ItemInput(6, "여름철 폭염 대비 쉼터 운영", "안전", java.time.LocalDate.of(2025, 6, 2),
                    press.username(), null, null));
            assertThatThrownBy(() -> plans.add(2025, new PressPlans.ItemInput(13, "x", null, null, null, null, null)))
                    .hasMessageContaining("1~12");
        });
        mvc.perform(post("/staff/press/plan/derive").with(staff.as(press)).with(csrf()).param("year", "2025"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("info", "업무계획에서 기획형 보도자료 0건을 계획에 넣었습니다."));
        String page = mvc.perform(get("/staff/press/plan?year=2025").with(staff.as(press))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("[착수] 『구 소개 가이드북』 제작").contains("2025년 연간 언론홍보계획");
        String ics = plans.icalendar(2025);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:[보도계획] [착수] 『구 소개 가이드북』 제작")
                .contains("DTSTART;VALUE=DATE:20250201").endsWith("END:VCALENDAR\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        // the personal feed URL works without a session, a wrong token does not
        String token = plans.calendarToken(press.username());
        mvc.perform(get("/press-plan/" + press.username() + "/" + token + "/2025.ics")).andExpect(status().isOk());
        mvc.perform(get("/press-plan/" + press.username() + "/wrong" + token.substring(5) + "/2025.ics"))
                .andExpect(status().isNotFound());
    }

    @Test
    void statisticsUseTheWorkPlanBaselines() throws Exception {
        var s = statistics.stats(2025);
        assertThat(s.releasesByYear()).anyMatch(f -> f.year() == 2024 && f.baseline() == 564L)
                .anyMatch(f -> f.year() == 2023 && f.baseline() == 650L).anyMatch(f -> f.year() == 2022 && f.baseline() == 623L);
        assertThat(s.featuresByYear()).anyMatch(f -> f.year() == 2022 && f.baseline() == 101L);
        assertThat(s.newsReportsByYear()).anyMatch(f -> f.year() == 2023 && f.baseline() == 30772L);
        var director = staff.create(Roles.DIRECTOR);
        mvc.perform(get("/api/v1/press/stats?year=2025").with(staff.as(director))).andExpect(status().isOk());
        String dash = mvc.perform(get("/staff").with(staff.as(director))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dash).contains("이번 주 결재 대기 보도자료").contains("보도자료 배포");
        String stats = mvc.perform(get("/staff/press/stats?year=2025").with(staff.as(director))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stats).contains("564").contains("30,772");
    }
}
