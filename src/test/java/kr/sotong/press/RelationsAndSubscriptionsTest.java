package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import kr.sotong.workplan.BudgetCategory;
import kr.sotong.workplan.Workplan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Interviews, press events with invitations and RSVP, training feedback, subscriptions and paid notices against the budget. */
@SotongTest
class RelationsAndSubscriptionsTest {

    @Autowired
    PressRelations relations;
    @Autowired
    PressSubscriptions subscriptions;
    @Autowired
    PressContacts contacts;
    @Autowired
    Workplan workplan;
    @Autowired
    Staff staff;
    @Autowired
    Outbox outbox;

    @Test
    void eventsInviteByMailRecordRsvpAndTrainingFeedback() {
        var press = staff.create("PRESS", false, Roles.PRESS);
        String u = PressFixtures.unique();
        staff.runAs(press, () -> {
            long outlet = contacts.addOutlet(new Contacts.OutletInput("관계일보" + u, OutletKind.CENTRAL, false, null, null,
                    null, null));
            long r = contacts.addReporter(new Contacts.Input(outlet, "나기자", "na" + u + "@rel.test", null, "구정", true));
            relations.addPlacement(Relations.PlacementKind.INTERVIEW, outlet, LocalDate.of(2030, 4, 2), "구청장 인터뷰",
                    "https://news.example/a/1", null);
            assertThatThrownBy(() -> relations.addPlacement(Relations.PlacementKind.OP_ED, outlet, LocalDate.of(2030, 4, 2),
                    "기고", "javascript:alert(1)", null)).hasMessageContaining("http");
            assertThat(relations.placements(2030)).anyMatch(p -> p.topic().equals("구청장 인터뷰"));

            long event = relations.addEvent(Relations.EventKind.TOUR, "G밸리 프레스 투어 " + u, Instant.now().plusSeconds(86400),
                    "금천구청", "명소 방문과 구청장 간담회");
            assertThat(relations.invite(event, List.of(r))).isEqualTo(1);
            assertThat(relations.invite(event, List.of(r))).isZero();
            relations.respond(event, r, "YES", true);
            var ev = relations.event(event);
            assertThat(ev.invited()).isEqualTo(1);
            assertThat(ev.yes()).isEqualTo(1);
            assertThat(ev.attended()).isEqualTo(1);
            assertThat(contacts.history(r)).extracting(Contacts.History::kind).contains("행사 초대", "행사 회신");

            long training = relations.addTraining("기자에게 선택받는 보도자료", LocalDate.of(2030, 3, 5), "신규직원",
                    "○○일보 기자", "구청 교육장", null);
            relations.addAttendee(training, "김신규", "교육정책과", 5, "실제 사례가 좋았습니다");
            relations.addAttendee(training, "이신규", "복지정책과", 4, null);
            assertThatThrownBy(() -> relations.addAttendee(training, "박", null, 9, null)).hasMessageContaining("1~5");
            assertThat(relations.training(training).averageRating()).isEqualTo("4.5");
        });
        assertThat(outbox.to("na" + u + "@rel.test")).hasSize(1).allMatch(m -> m.subject().startsWith("[초대] G밸리 프레스 투어"));
        var viewer = staff.create(Roles.VIEWER);
        staff.runAs(viewer, () -> assertThatThrownBy(() -> relations.addTraining("x", LocalDate.now(), "팀장급", null, null, null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class));
    }

    @Test
    void paidNoticesAndSubscriptionsAreRecordedAgainstTheWorkPlanBudget() {
        var press = staff.create("PRESS", false, Roles.PRESS);
        String u = PressFixtures.unique();
        int year = 2030;
        staff.runAs(press, () -> {
            long outlet = contacts.addOutlet(new Contacts.OutletInput("구독신문" + u, OutletKind.LOCAL, true, null, null, null, null));
            long before = workplan.spending(year).stream().filter(s -> s.sourceModule().equals("press"))
                    .mapToLong(s -> s.amountWon()).sum();
            long sub = subscriptions.addSubscription(outlet, 3, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 540_000,
                    LocalDate.of(year, 12, 1), null, null);
            long notice = subscriptions.addNotice(outlet, LocalDate.of(year, 5, 3), "개청 30주년 기념식 공고", "5단 × 17cm",
                    1_650_000, "P3", BudgetCategory.POLICY_PROGRAM, null);
            assertThatThrownBy(() -> subscriptions.addNotice(outlet, LocalDate.of(year, 5, 3), "무료", null, 0, null, null, null))
                    .hasMessageContaining("0보다 커야");
            var spending = workplan.spending(year);
            assertThat(spending).anyMatch(s -> s.sourceRef().equals("notice:" + notice) && s.amountWon() == 1_650_000
                    && "P3".equals(s.programCode()));
            assertThat(spending).anyMatch(s -> s.sourceRef().equals("subscription:" + sub) && s.amountWon() == 540_000);
            var totals = subscriptions.totals(year);
            assertThat(totals.noticesWon()).isGreaterThanOrEqualTo(1_650_000);
            subscriptions.deleteNotice(notice);
            assertThat(workplan.spending(year)).noneMatch(s -> s.sourceRef().equals("notice:" + notice));
            assertThat(workplan.spending(year).stream().filter(s -> s.sourceModule().equals("press"))
                    .mapToLong(s -> s.amountWon()).sum()).isEqualTo(before + 540_000);
        });
        // the press program's 2025 budget is the denominator of the yearly rate
        staff.runAs(press, () -> assertThat(subscriptions.totals(2025).budgetWon()).isEqualTo(539_160_000L));
    }
}
