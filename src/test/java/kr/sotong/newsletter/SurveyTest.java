package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.newsletter.survey.Survey;
import kr.sotong.newsletter.survey.SurveyService;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Survey builder, one response per person (device token or one-time code), results and XLSX. */
@SotongTest
class SurveyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    SurveyService surveys;
    @Autowired
    Outbox outbox;

    /** A survey with the four question kinds, built and opened through the staff pages. */
    long openSurvey(String mode) throws Exception {
        StaffMember editor = staff.create(Roles.PR_MEDIA);
        String title = "금천향기 독자 조사 " + ThreadLocalRandom.current().nextInt(1_000_000);
        mvc.perform(post("/staff/newsletter/surveys").with(staff.as(editor)).with(csrf()).param("title", title)
                .param("identityMode", mode)).andExpect(status().is3xxRedirection());
        long id = surveys.all().stream().filter(s -> s.getTitle().equals(title)).findFirst().orElseThrow().getId();
        String base = "/staff/newsletter/surveys/" + id;
        mvc.perform(post(base + "/open").with(staff.as(editor)).with(csrf()));
        assertThat(surveys.get(id).getStatus()).as("no questions → cannot open").isEqualTo(Survey.Status.DRAFT);
        mvc.perform(post(base + "/questions").with(staff.as(editor)).with(csrf()).param("kind", "SINGLE")
                .param("text", "소식지를 어디서 받으세요?").param("options", "동 주민센터\n지하철역\n아파트").param("required", "true"));
        mvc.perform(post(base + "/questions").with(staff.as(editor)).with(csrf()).param("kind", "MULTIPLE")
                .param("text", "좋아하는 코너").param("options", "구정 소식\n주민 이야기\n행사 안내"));
        mvc.perform(post(base + "/questions").with(staff.as(editor)).with(csrf()).param("kind", "SCALE")
                .param("text", "전반적으로 만족하세요?").param("scaleMax", "5").param("required", "true"));
        mvc.perform(post(base + "/questions").with(staff.as(editor)).with(csrf()).param("kind", "TEXT")
                .param("text", "바라는 점"));
        mvc.perform(post(base + "/questions").with(staff.as(editor)).with(csrf()).param("kind", "SINGLE")
                .param("text", "보기 하나뿐").param("options", "하나"));
        assertThat(surveys.get(id).getQuestions()).hasSize(4);
        mvc.perform(post(base + "/open").with(staff.as(editor)).with(csrf()));
        assertThat(surveys.get(id).getStatus()).isEqualTo(Survey.Status.OPEN);
        return id;
    }

    @Test
    void deviceTokenAllowsOneResponsePerDevice() throws Exception {
        long id = openSurvey("DEVICE_TOKEN");
        MvcResult first = mvc.perform(get("/newsletter/surveys/" + id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("소식지를 어디서 받으세요?"))).andReturn();
        Cookie device = first.getResponse().getCookie("SOTONG_SURVEY_DEVICE");
        assertThat(device).isNotNull();
        assertThat(device.isHttpOnly()).isTrue();
        // a required question left out: Korean message, nothing saved
        mvc.perform(post("/newsletter/surveys/" + id).cookie(device).with(csrf()).param("q0", "1"))
                .andExpect(content().string(Matchers.containsString("3번 문항에 답해 주세요")));
        mvc.perform(post("/newsletter/surveys/" + id).cookie(device).with(csrf()).param("q0", "1").param("q1", "0", "2")
                        .param("q2", "4").param("q3", "글씨가 더 컸으면 좋겠어요"))
                .andExpect(content().string(Matchers.containsString("응답해 주셔서 감사합니다")));
        mvc.perform(post("/newsletter/surveys/" + id).cookie(device).with(csrf()).param("q0", "2").param("q2", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("이미 이 조사에 응답하셨습니다")));
        mvc.perform(get("/newsletter/surveys/" + id).cookie(device))
                .andExpect(content().string(Matchers.containsString("이미 응답하셨습니다")));
        // another device may answer
        mvc.perform(post("/newsletter/surveys/" + id).cookie(new Cookie("SOTONG_SURVEY_DEVICE", "B".repeat(32))).with(csrf())
                .param("q0", "1").param("q2", "5")).andExpect(content().string(Matchers.containsString("감사합니다")));
        // forged or invalid values are refused
        mvc.perform(post("/newsletter/surveys/" + id).cookie(new Cookie("SOTONG_SURVEY_DEVICE", "C".repeat(32))).with(csrf())
                .param("q0", "7").param("q2", "5")).andExpect(content().string(Matchers.containsString("보기가 올바르지 않습니다")));

        SurveyService.Results r = surveys.results(id);
        assertThat(r.responses()).isEqualTo(2);
        assertThat(r.questions().get(0).counts()).containsExactly(0L, 2L, 0L);
        assertThat(r.questions().get(1).counts()).containsExactly(1L, 0L, 1L);
        assertThat(r.questions().get(2).average()).isEqualByComparingTo("4.50");
        assertThat(r.questions().get(3).texts()).containsExactly("글씨가 더 컸으면 좋겠어요");

        StaffMember viewer = staff.create(Roles.DIRECTOR);
        mvc.perform(get("/staff/newsletter/surveys/" + id).with(staff.as(viewer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-chart-values=\"0|2|0\"")));
        byte[] xlsx = mvc.perform(get("/staff/newsletter/surveys/" + id + "/results.xlsx").with(staff.as(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("응답").getPhysicalNumberOfRows()).isEqualTo(3);
            assertThat(wb.getSheet("응답").getRow(1).getCell(3).getStringCellValue()).isEqualTo("구정 소식, 행사 안내");
        }
    }

    @Test
    void oneTimeCodeAllowsOneResponsePerPhone() throws Exception {
        long id = openSurvey("ONE_TIME_CODE");
        String phone = "010" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        mvc.perform(get("/newsletter/surveys/" + id)).andExpect(content().string(Matchers.containsString("인증번호 받기")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("소식지를 어디서 받으세요?"))));
        mvc.perform(post("/newsletter/surveys/" + id).with(csrf()).param("q0", "0").param("q2", "3"))
                .andExpect(content().string(Matchers.containsString("본인 확인 시간이 지났습니다")));
        for (int round = 0; round < 2; round++) {
            MockHttpSession session = new MockHttpSession();
            mvc.perform(post("/newsletter/surveys/" + id + "/code").session(session).with(csrf()).param("contact", phone));
            mvc.perform(post("/newsletter/surveys/" + id + "/verify").session(session).with(csrf()).param("contact", phone)
                    .param("code", outbox.lastCode(phone))).andExpect(status().is3xxRedirection());
            if (round == 0) {
                mvc.perform(post("/newsletter/surveys/" + id).session(session).with(csrf()).param("q0", "0").param("q2", "3"))
                        .andExpect(content().string(Matchers.containsString("감사합니다")));
            } else {
                mvc.perform(get("/newsletter/surveys/" + id).session(session))
                        .andExpect(content().string(Matchers.containsString("이미 응답하셨습니다")));
                mvc.perform(post("/newsletter/surveys/" + id).session(session).with(csrf()).param("q0", "1").param("q2", "1"))
                        .andExpect(content().string(Matchers.containsString("이미 이 조사에 응답하셨습니다")));
            }
        }
        assertThat(surveys.results(id).responses()).isEqualTo(1);
        mvc.perform(post("/staff/newsletter/surveys/" + id + "/close").with(staff.as(staff.create(Roles.PR_MEDIA))).with(csrf()));
        mvc.perform(get("/newsletter/surveys/" + id)).andExpect(content().string(Matchers.containsString("응답을 받지 않는")));
    }
}
