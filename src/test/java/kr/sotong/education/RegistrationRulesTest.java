package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.RegistrationStatus;
import kr.sotong.education.registration.Registrations;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Overlaps, double submits, windows, capacity changes and bad phone numbers. */
@SotongTest
class RegistrationRulesTest {

    @Autowired
    Registrar registrar;
    @Autowired
    Registrations registrations;
    @Autowired
    Courses courses;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void overlappingSessionsOfAnotherCourseAreRefused() {
        LocalDateTime day = LocalDateTime.now().plusDays(20).withHour(10).withMinute(0).withSecond(0).withNano(0);
        long morning = fixtures.create(fixtures.spec().title("오전 스마트폰").firstSession(day, 1));
        long overlapping = fixtures.create(fixtures.spec().title("겹치는 키오스크").firstSession(day.plusHours(1), 1));
        long afternoon = fixtures.create(fixtures.spec().title("오후 특강").firstSession(day.plusHours(3), 1));
        Applicant a = EducationFixtures.applicant("겹침확인");
        registrar.register(morning, a, Channel.ONLINE);
        assertThatThrownBy(() -> registrar.register(overlapping, a, Channel.ONLINE))
                .isInstanceOf(DomainException.class).hasMessageContaining("같은 시간에 듣는 다른 과정").hasMessageContaining("오전 스마트폰");
        assertThat(registrar.register(afternoon, a, Channel.ONLINE).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        // the same phone used by another person (a shared phone) is a different resident
        Applicant spouse = Applicant.of("배우자", a.phone().digits(), null, TargetGroup.SENIOR_65, true);
        assertThat(registrar.register(overlapping, spouse, Channel.ONLINE).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void aDoubleSubmitKeepsOneRegistrationAndSaysSo() {
        long course = fixtures.create(fixtures.spec().capacity(1));
        Applicant a = EducationFixtures.applicant("두번누름");
        registrar.register(course, EducationFixtures.applicant("먼저온분"), Channel.ONLINE);
        Outcome first = registrar.register(course, a, Channel.ONLINE);
        assertThatThrownBy(() -> registrar.register(course, a, Channel.ONLINE))
                .isInstanceOf(DomainException.class).hasMessageContaining("이미 이 과정에 신청하셨습니다")
                .hasMessageContaining("대기 1번");
        assertThat(registrations.ofCourse(course)).hasSize(2);
        assertThat(registrations.require(first.registrationId()).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        // after cancelling, registering again is possible
        registrar.cancel(first.registrationId(), null, "resident");
        assertThat(registrar.register(course, a, Channel.ONLINE).status()).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void registrationOutsideTheWindowIsRefusedWithTheDates() {
        clock.setTo(LocalDateTime.of(2031, 5, 1, 9, 0));
        var now = clock.instant();
        long notYet = fixtures.create(fixtures.spec().window(now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(2))));
        long closed = fixtures.create(fixtures.spec().window(now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1))));
        assertThatThrownBy(() -> registrar.register(notYet, EducationFixtures.applicant("이른분"), Channel.ONLINE))
                .hasMessageContaining("아직 신청 기간이 아닙니다").hasMessageContaining("5월 1일 10:00");
        assertThatThrownBy(() -> registrar.register(notYet, EducationFixtures.applicant("이른분"), Channel.PHONE))
                .hasMessageContaining("아직 신청 기간이 아닙니다");
        assertThatThrownBy(() -> registrar.register(closed, EducationFixtures.applicant("늦은분"), Channel.ONLINE))
                .hasMessageContaining("신청 기간이 끝났습니다");
        // staff may still add a walk-in after the window, before the course starts
        assertThat(registrar.register(closed, EducationFixtures.applicant("방문한분"), Channel.WALK_IN).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.ofCourse(notYet)).isEmpty();
    }

    @Test
    void capacityCannotDropBelowTheSeatsGivenAndNothingIsDroppedSilently() {
        long course = fixtures.create(fixtures.spec().capacity(3));
        Outcome a = registrar.register(course, EducationFixtures.applicant("정원가"), Channel.ONLINE);
        registrar.register(course, EducationFixtures.applicant("정원나"), Channel.ONLINE);
        registrar.register(course, EducationFixtures.applicant("정원다"), Channel.ONLINE);
        Outcome waiting = registrar.register(course, EducationFixtures.applicant("정원라"), Channel.ONLINE);
        assertThatThrownBy(() -> registrar.changeCapacity(course, 2)).isInstanceOf(DomainException.class)
                .hasMessageContaining("정원을 2명으로 줄일 수 없습니다").hasMessageContaining("먼저 1명");
        assertThat(courses.require(course).capacity()).isEqualTo(3);
        assertThat(registrations.withStatus(course, RegistrationStatus.CONFIRMED)).hasSize(3);

        // staff resolve: one moves to another course (cancel here); then the reduction works and seats are renumbered
        registrar.cancel(a.registrationId(), "다른 과정으로 옮김", "staff");
        // the freed seat went to the waitlist as an offer; reduce to the two confirmed + one offered
        assertThat(registrations.require(waiting.registrationId()).status()).isEqualTo(RegistrationStatus.OFFERED);
        registrar.changeCapacity(course, 3);
        registrar.cancel(waiting.registrationId(), null, "staff");
        registrar.changeCapacity(course, 2);
        assertThat(courses.require(course).capacity()).isEqualTo(2);
        assertThat(registrations.seatNumbers(course)).containsExactly(1, 2);
        // raising it again offers nothing (nobody waits) and the next resident gets a seat
        registrar.changeCapacity(course, 4);
        assertThat(registrar.register(course, EducationFixtures.applicant("정원마"), Channel.ONLINE).seatNo()).isEqualTo(3);
    }

    @Test
    void foreignOrBrokenPhoneNumbersAreRefusedInKorean() {
        assertThatThrownBy(() -> Applicant.of("홍길동", "+1 212 555 1234", null, TargetGroup.RESIDENT, true))
                .hasMessageContaining("국내(+82)");
        assertThatThrownBy(() -> Applicant.of("홍길동", "010-123", null, TargetGroup.RESIDENT, true))
                .hasMessageContaining("11자리");
        assertThatThrownBy(() -> Applicant.of("홍길동", "02-123-4567", null, TargetGroup.RESIDENT, true))
                .hasMessageContaining("휴대전화");
        assertThatThrownBy(() -> Applicant.of("홍길동", "010-1234-567a", null, TargetGroup.RESIDENT, true))
                .hasMessageContaining("숫자와 하이픈");
        assertThatThrownBy(() -> Applicant.of("홍길동1", "010-1234-5678", null, TargetGroup.RESIDENT, true))
                .hasMessageContaining("글자만");
        assertThatThrownBy(() -> Applicant.of(" ", "010-1234-5678", null, TargetGroup.RESIDENT, true))
                .hasMessageContaining("이름을 입력");
        // +82 and full-width digits are fine; landlines are fine when staff register (they call back)
        assertThat(Applicant.of("홍길동", "+82 10-1234-5678", null, TargetGroup.RESIDENT, true).phone().digits()).isEqualTo("01012345678");
        assertThat(Applicant.of("홍 길동", "０１０１２３４５６７８", null, TargetGroup.RESIDENT, true).name()).isEqualTo("홍 길동");
        assertThat(Applicant.of("홍길동", "02-2627-1234", null, TargetGroup.RESIDENT, false).phone().isMobile()).isFalse();
    }
}
