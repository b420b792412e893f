package kr.sotong.channels;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.sotong.channels.internal.ChannelCatalog;
import kr.sotong.channels.internal.ContentCalendar;
import kr.sotong.channels.internal.Coupons;
import kr.sotong.channels.internal.SnsEvents;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.messaging.internal.Bulletins;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every staff screen of channels and messaging renders for 홍보미디어팀, and is closed to other teams. */
@SotongTest
class StaffPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    ChannelCatalog catalog;
    @Autowired
    ContentCalendar calendar;
    @Autowired
    SnsEvents events;
    @Autowired
    Coupons coupons;
    @Autowired
    Bulletins bulletins;

    @Test
    void staffScreensRender() throws Exception {
        var pr = staff.create(Roles.PR_MEDIA);
        long channel = catalog.byKind(ChannelKind.YOUTUBE).orElseThrow().id();
        long[] ids = new long[4];
        staff.runAs(pr, () -> {
            ids[0] = calendar.create(new ContentCalendar.Input("화면 시험 " + UUID.randomUUID(), ContentCalendar.Format.VIDEO, "예능형",
                    LocalDate.now(), null, null, null, null, null, null, List.of(channel), List.of("도시브랜드")));
            ids[1] = events.create("pg-" + UUID.randomUUID().toString().substring(0, 8), "화면 시험 이벤트", "규칙", "경품", 2,
                    Instant.now().minusSeconds(10), Instant.now().plusSeconds(3600), true);
            ids[2] = coupons.create("제휴처", "화면 시험 쿠폰", "할인", LocalDate.now(), LocalDate.now().plusDays(7), List.of(), 3).offerId();
            ids[3] = bulletins.create(new Bulletins.Draft("화면 시험 발송", SubscriberChannel.SMS, false, null, null, null,
                    "[금천구] #{행사} 안내", "행사=개청 30주년", null));
        });
        for (String path : List.of("/staff/channels", "/staff/channels/" + channel, "/staff/channels/calendar",
                "/staff/channels/content/" + ids[0], "/staff/channels/promotions", "/staff/channels/events",
                "/staff/channels/events/" + ids[1], "/staff/channels/coupons", "/staff/channels/coupons/" + ids[2],
                "/staff/messaging", "/staff/messaging/bulletins/new", "/staff/messaging/bulletins/new?channel=KAKAO",
                "/staff/messaging/bulletins/" + ids[3], "/staff/messaging/bulletins/" + ids[3] + "/progress",
                "/staff/messaging/subscribers", "/staff/messaging/templates", "/staff")) {
            mvc.perform(get(path).with(staff.as(pr))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("style=\""))));
        }
        mvc.perform(get("/staff/messaging/bulletins/" + ids[3]).with(staff.as(pr)))
                .andExpect(content().string(Matchers.containsString("[금천구] 개청 30주년 안내")));
        var press = staff.create(Roles.PRESS);
        mvc.perform(get("/staff/messaging/subscribers").with(staff.as(press))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/channels").with(staff.as(press))).andExpect(status().isForbidden());
    }
}
