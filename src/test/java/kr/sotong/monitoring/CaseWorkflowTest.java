package kr.sotong.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kr.sotong.monitoring.cases.Cases;
import kr.sotong.monitoring.cases.ResponseCase;
import kr.sotong.monitoring.ingest.Sources;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.press.DocumentDistributed;
import kr.sotong.press.DocumentDistributionRequested;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

@SotongTest
@RecordApplicationEvents
class CaseWorkflowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Sources sources;
    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationEvents recorded;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long article(String title) {
        return sources.enter("중앙뉴스-" + UUID.randomUUID().toString().substring(0, 6), title, null, null, Fixtures.CRITICAL_BODY)
                .articleId();
    }

    private MockHttpServletRequestBuilder postJson(String url, StaffMember as, String body) {
        return post(url).with(staff.as(as)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void fromArticleToDistributedClarificationEveryStepAudited() throws Exception {
        StaffMember officer = staff.create(Roles.PRESS);
        StaffMember director = staff.create(Roles.DIRECTOR);
        long articleId = article(Fixtures.CRITICAL_TITLE);

        String opened = mvc.perform(postJson("/api/v1/monitoring/cases", officer, "{\"articleId\":" + articleId + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ASSESSING"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(opened).get("id").asLong();
        // a second case for the same article is refused while the first is open
        mvc.perform(postJson("/api/v1/monitoring/cases", officer, "{\"articleId\":" + articleId + "}"))
                .andExpect(status().isConflict());
        // approving before drafting is an illegal transition
        mvc.perform(post("/api/v1/monitoring/cases/" + id + "/approve").with(staff.as(director)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(Matchers.containsString("승인")));

        mvc.perform(postJson("/api/v1/monitoring/cases/" + id + "/assess", officer,
                        "{\"assessment\":\"공사 업체 선정 절차를 왜곡한 보도로 판단\",\"severity\":\"높음\",\"respond\":true}"))
                .andExpect(jsonPath("$.status").value("DRAFTING"));
        // submitting an incomplete document names what is missing
        mvc.perform(post("/api/v1/monitoring/cases/" + id + "/submit").with(staff.as(officer)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(Matchers.containsString("설명 내용")));
        mvc.perform(postJson("/api/v1/monitoring/cases/" + id + "/draft", officer, """
                        {"quotedReport":"금천구가 특정 업체에 공영주차장 공사를 몰아주었다는 보도",
                         "explanation":"공사 업체는 조달청 전자입찰로 선정했으며 특정 업체 특혜는 없었습니다.",
                         "department":"주차관리과","contactName":"김주무관","contactPhone":"02-2627-0000"}"""))
                .andExpect(jsonPath("$.status").value("DRAFTING"));
        mvc.perform(post("/api/v1/monitoring/cases/" + id + "/submit").with(staff.as(officer)).with(csrf()))
                .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL")).andExpect(jsonPath("$.docVersion").value(1));
        // only the head of office approves
        mvc.perform(post("/api/v1/monitoring/cases/" + id + "/approve").with(staff.as(officer)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/monitoring/cases/" + id + "/approve").with(staff.as(director)).with(csrf()))
                .andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.approvedBy").value(director.username()));
        mvc.perform(post("/api/v1/monitoring/cases/" + id + "/distribute").with(staff.as(officer)).with(csrf()))
                .andExpect(jsonPath("$.status").value("DISTRIBUTING"));

        String key = "monitoring-case-" + id + "-v1";
        DocumentDistributionRequested request = recorded.stream(DocumentDistributionRequested.class)
                .filter(e -> e.requestKey().equals(key)).findFirst().orElseThrow();
        assertThat(request.kind()).isEqualTo("CLARIFICATION");
        assertThat(request.bodyText()).contains("1. 주요 보도내용", "2. 설명 내용", "조달청 전자입찰", "주차관리과", "02-2627-0000");
        assertThat(request.department()).isEqualTo("주차관리과");

        // the real press module distributes it and answers; a repeated or foreign answer changes nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.get(id).status() == ResponseCase.Status.DISTRIBUTED);
        Integer recipients = cases.get(id).recipients();
        assertThat(recipients).isNotNull();
        Instant sent = Instant.now();
        tx.executeWithoutResult(s -> events.publishEvent(new DocumentDistributed(key, sent.plusSeconds(60), recipients + 999)));
        tx.executeWithoutResult(s -> events.publishEvent(new DocumentDistributed("monitoring-case-" + id + "-v9", sent, 5)));
        Thread.sleep(500);
        assertThat(cases.get(id).recipients()).isEqualTo(recipients);
        assertThat(cases.get(id).status()).isEqualTo(ResponseCase.Status.DISTRIBUTED);

        mvc.perform(postJson("/api/v1/monitoring/cases/" + id + "/escalations", officer,
                        "{\"kind\":\"PRESS_ARBITRATION\",\"reference\":\"2031조정0001\",\"note\":\"정정보도 조정 신청\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.escalations[0].kind").value("PRESS_ARBITRATION"));
        mvc.perform(postJson("/api/v1/monitoring/cases/" + id + "/close", officer, "{\"note\":\"설명자료 배포 후 후속 보도 없음\"}"))
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.overdue").value(false));

        assertThat(jdbc.sql("select action from platform_audit_log where entity_type = 'MonitoringCase' and entity_id = :id order by id")
                .param("id", Long.toString(id)).query(String.class).list())
                .containsExactly("monitoring.case.open", "monitoring.case.assess", "monitoring.case.draft", "monitoring.case.submit",
                        "monitoring.case.approve", "monitoring.case.distribute", "monitoring.case.distributed",
                        "monitoring.case.escalate", "monitoring.case.close");
        mvc.perform(get("/staff/monitoring/cases/" + id).with(staff.as(officer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("언론중재위원회 조정 신청")));
    }

    @Test
    void anUnansweredCaseBecomesOverduePastItsTargetTime() throws Exception {
        StaffMember officer = staff.create(Roles.PRESS);
        long articleId = article("[단독] 금천구 복지시설 운영 부실 논란");
        clock.setTo(Instant.now());
        long id;
        try {
            staff.runAs(officer, () -> { });
            id = cases.open(articleId);
            assertThat(cases.overdue()).extracting(ResponseCase::id).doesNotContain(id);
            clock.advance(Duration.ofHours(25));
            assertThat(cases.overdue()).extracting(ResponseCase::id).contains(id);
            mvc.perform(get("/api/v1/monitoring/cases").param("overdue", "true").with(staff.as(officer)))
                    .andExpect(jsonPath("$[?(@.id == " + id + ")].overdue").value(Matchers.contains(true)));
            mvc.perform(get("/staff/monitoring/cases").with(staff.as(officer)))
                    .andExpect(content().string(Matchers.containsString("기한 초과")));
            mvc.perform(get("/staff").with(staff.as(officer)))
                    .andExpect(content().string(Matchers.containsString("기한 넘긴 대응 사건")));
        } finally {
            clock.reset();
        }
        cases.close(id, "테스트 정리");
    }
}
