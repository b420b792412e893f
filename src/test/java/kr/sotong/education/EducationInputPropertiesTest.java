package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.sotong.education.attendance.CompletionRule;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.quiz.AnswerCheck;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.SeatPlan;
import kr.sotong.education.web.CourseForm;
import kr.sotong.shared.DomainException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Whatever residents and staff type, parsing either succeeds or fails with a Korean DomainException — never crashes. */
class EducationInputPropertiesTest {

    @Property(tries = 500)
    void applicantParsingNeverCrashes(@ForAll @StringLength(max = 60) String name, @ForAll @StringLength(max = 45) String phone,
                                      @ForAll @StringLength(max = 80) String email) {
        try {
            Applicant a = Applicant.of(name, phone, email, TargetGroup.RESIDENT, true);
            assertThat(a.phone().isMobile()).isTrue();
            assertThat(a.name()).isNotBlank().doesNotStartWith(" ");
        } catch (DomainException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void courseFormParsingNeverCrashes(@ForAll @StringLength(max = 30) String capacity, @ForAll @StringLength(max = 30) String opens,
                                       @ForAll @StringLength(max = 20) String kind, @ForAll @StringLength(max = 10) String quota) {
        CourseForm f = new CourseForm("제목", kind, "SMARTPHONE", null, "1", null, null, List.of("RESIDENT", kind), quota, null, null,
                capacity, "FIRST_COME", opens, "2031-01-02T10:00", "24", "80");
        try {
            f.toDraft();
        } catch (DomainException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void answerNormalisationIsIdempotent(@ForAll @StringLength(max = 50) String s) {
        String once = AnswerCheck.normalise(s);
        assertThat(AnswerCheck.normalise(once)).isEqualTo(once);
        // accepted answers are one per line (any line break, \v included), so only a one-line answer matches itself
        if (!once.isEmpty() && !java.util.regex.Pattern.compile("\\R").matcher(s).find()) {
            assertThat(AnswerCheck.matches(s, s)).isTrue();
        }
    }

    @Property
    void completionIsMonotonic(@ForAll @IntRange(min = 1, max = 100) int percent, @ForAll @IntRange(min = 1, max = 40) int sessions,
                               @ForAll @IntRange(min = 0, max = 40) int attended) {
        CompletionRule rule = new CompletionRule(percent);
        int a = Math.min(attended, sessions);
        if (rule.completed(a, sessions) && a < sessions) {
            assertThat(rule.completed(a + 1, sessions)).isTrue();
        }
        assertThat(rule.completed(rule.required(sessions), sessions)).isTrue();
        if (rule.required(sessions) > 0) {
            assertThat(rule.completed(rule.required(sessions) - 1, sessions)).isFalse();
        }
    }

    @Property
    void seatPlanNeverGivesMoreSeatsThanCapacity(@ForAll @IntRange(min = 1, max = 30) int capacity,
                                                 @ForAll @IntRange(min = 0, max = 10) int seniorQuota,
                                                 @ForAll @IntRange(min = 0, max = 60) int arrivals, @ForAll boolean quotasActive) {
        int q = Math.min(seniorQuota, capacity);
        SeatPlan plan = new SeatPlan(capacity, q == 0 ? java.util.Map.of() : java.util.Map.of(TargetGroup.SENIOR_65, q), quotasActive,
                java.util.Map.of());
        int seated = 0;
        for (int i = 0; i < arrivals; i++) {
            TargetGroup g = i % 3 == 0 ? TargetGroup.SENIOR_65 : TargetGroup.RESIDENT;
            if (plan.canSeat(g)) {
                plan = plan.take(g);
                seated++;
            }
        }
        assertThat(seated).isLessThanOrEqualTo(capacity);
        assertThat(plan.held()).isEqualTo(seated);
    }
}
