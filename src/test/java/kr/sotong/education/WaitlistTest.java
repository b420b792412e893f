package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.EducationJobs;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.Registrations;
import kr.sotong.education.registration.RegistrationStatus;
import kr.sotong.education.registration.Reminders;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Waitlist promotion, claim links, claim deadlines and day-before reminders with a fixed clock. */
@SotongTest
class WaitlistTest {

    static final LocalDateTime T0 = LocalDateTime.of(2031, 3, 3, 9, 0);

    @Autowired
    Registrar registrar;
    @Autowired
    Registrations registrations;
    @Autowired
    EducationJobs jobs;
    @Autowired
    Reminders reminders;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void cancellationOffersTheSeatToTheNextInLineWhoClaimsItByLinkAndUnclaimedSeatsMoveOn() {
        clock.setTo(T0);
        long course = fixtures.create(fixtures.spec().capacity(2).claimHours(6));
        Applicant a = EducationFixtures.applicant("가나다");
        Applicant b = EducationFixtures.applicant("라마바");
        Applicant c = EducationFixtures.applicant("사아자");
        Applicant d = EducationFixtures.applicant("차카타");
        Applicant e = EducationFixtures.applicant("파하가");
        Outcome ra = registrar.register(course, a, Channel.ONLINE);
        Outcome rb = registrar.register(course, b, Channel.PHONE);
        Outcome rc = registrar.register(course, c, Channel.ONLINE);
        Outcome rd = registrar.register(course, d, Channel.ONLINE);
        Outcome re = registrar.register(course, e, Channel.WALK_IN);
        assertThat(ra.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(rb.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(rc.waitlistPosition()).isEqualTo(1);
        assertThat(rd.waitlistPosition()).isEqualTo(2);
        assertThat(re.waitlistPosition()).isEqualTo(3);
        assertThat(outbox.to(c.phone().digits())).anyMatch(m -> m.channel().equals("SMS") && m.body().contains("대기 1번"));

        // A cancels: C is offered the seat until 15:00 (six hours) with a one-tap link
        clock.setTo(T0.plusHours(1));
        registrar.cancel(ra.registrationId(), "개인 사정", "resident");
        assertThat(registrations.require(rc.registrationId()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(registrations.require(rc.registrationId()).offerExpiresAt())
                .isEqualTo(T0.plusHours(7).atZone(MutableClock.SEOUL).toInstant());
        assertThat(registrations.waitlistPosition(registrations.require(rd.registrationId()))).isEqualTo(1);
        String token = claimToken(c);
        Registrar.Claim claimed = registrar.claim(token);
        assertThat(claimed.result()).isEqualTo(Registrar.ClaimResult.CONFIRMED);
        assertThat(claimed.outcome().seatNo()).isEqualTo(ra.seatNo());
        // a second tap just reports the seat
        assertThat(registrar.claim(token).result()).isEqualTo(Registrar.ClaimResult.ALREADY_CONFIRMED);

        // B cancels: D is offered but does not claim within six hours → the seat moves on to E
        registrar.cancel(rb.registrationId(), null, "staff");
        assertThat(registrations.require(rd.registrationId()).status()).isEqualTo(RegistrationStatus.OFFERED);
        String dToken = claimToken(d);
        clock.setTo(T0.plusHours(7).plusMinutes(1));
        jobs.sweep();
        assertThat(registrations.require(rd.registrationId()).status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(registrations.require(re.registrationId()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(outbox.to(d.phone().digits())).anyMatch(m -> m.body().contains("기한이 지나"));
        // D's late tap is told plainly
        assertThat(registrar.claim(dToken).result()).isEqualTo(Registrar.ClaimResult.NOT_AVAILABLE);
        // E's tap after the deadline is refused even before the sweep ran (the background sweep may have been first)
        clock.setTo(T0.plusHours(14).plusMinutes(2));
        assertThat(registrar.claim(claimToken(e)).result()).isIn(Registrar.ClaimResult.EXPIRED, Registrar.ClaimResult.NOT_AVAILABLE);
        assertThat(registrations.require(re.registrationId()).status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(registrations.seatNumbers(course)).hasSize(1);
        // nobody waiting: the next person to register gets the free seat directly
        Outcome late = registrar.register(course, EducationFixtures.applicant("늦은신청"), Channel.ONLINE);
        assertThat(late.status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void quotaSeatsAreKeptForTheirGroupWhileTheWindowIsOpenThenGoToTheWaitlist() {
        clock.setTo(T0.plusDays(1));
        long course = fixtures.create(fixtures.spec().capacity(3).quotas(Map.of(TargetGroup.SENIOR_65, 1)));
        Outcome r1 = registrar.register(course, EducationFixtures.applicant("일반하나"), Channel.ONLINE);
        Outcome r2 = registrar.register(course, EducationFixtures.applicant("일반둘"), Channel.ONLINE);
        Outcome r3 = registrar.register(course, EducationFixtures.applicant("일반셋"), Channel.ONLINE);
        Outcome senior = registrar.register(course, EducationFixtures.applicant("어르신", TargetGroup.SENIOR_65), Channel.PHONE);
        assertThat(r1.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r2.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r3.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(senior.status()).isEqualTo(RegistrationStatus.CONFIRMED);

        // the senior cancels while the window is open: the reserved seat waits for another senior
        registrar.cancel(senior.registrationId(), null, "resident");
        assertThat(registrations.require(r3.registrationId()).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        // after the window closes, quotas lapse and the sweep offers the seat to the first on the waitlist
        clock.setTo(T0.plusDays(2).plusMinutes(5));
        jobs.sweep();
        assertThat(registrations.require(r3.registrationId()).status()).isEqualTo(RegistrationStatus.OFFERED);
    }

    @Test
    void confirmedResidentsAreRemindedOnceTheDayBeforeEachSession() {
        clock.setTo(T0.plusDays(3));
        long course = fixtures.create(fixtures.spec().capacity(2));
        Applicant a = EducationFixtures.applicant("알림받는분");
        Applicant w = EducationFixtures.applicant("대기하는분");
        registrar.register(course, a, Channel.ONLINE);
        registrar.register(course, EducationFixtures.applicant("다른분"), Channel.ONLINE);
        registrar.register(course, w, Channel.ONLINE);
        // first session: seven days after T0+3d at 10:00; the day before at 09:00 is too early, at 10:05 it is due
        LocalDateTime dayBefore = T0.plusDays(3).toLocalDate().plusDays(6).atTime(9, 0);
        clock.setTo(dayBefore);
        reminders.sendDue();
        assertThat(outbox.to(a.phone().digits())).noneMatch(m -> m.purpose().equals("education.reminder"));
        clock.setTo(dayBefore.plusMinutes(65));
        reminders.sendDue();
        assertThat(reminders.sendDue()).isZero();
        assertThat(outbox.to(a.phone().digits())).filteredOn(m -> m.purpose().equals("education.reminder")).hasSize(1)
                .allMatch(m -> m.body().contains("내일") && m.body().contains("1회차"));
        assertThat(outbox.to(w.phone().digits())).noneMatch(m -> m.purpose().equals("education.reminder"));
    }

    private String claimToken(Applicant who) {
        var offers = outbox.to(who.phone().digits()).stream().filter(m -> m.purpose().equals("education.offer")
                && m.body().contains("/classes/claim/")).toList();
        assertThat(offers).as("claim SMS to " + who.name()).isNotEmpty();
        Matcher m = Pattern.compile("/classes/claim/([A-Za-z0-9_-]+)").matcher(offers.get(offers.size() - 1).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
