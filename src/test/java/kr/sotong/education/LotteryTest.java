package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.EducationJobs;
import kr.sotong.education.registration.Lottery;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.Registration;
import kr.sotong.education.registration.RegistrationStatus;
import kr.sotong.education.registration.Registrations;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lottery is committed before (hash), revealed after (seed) and reproducible by anyone from the seed. */
@SotongTest
class LotteryTest {

    static final LocalDateTime T0 = LocalDateTime.of(2031, 4, 7, 9, 0);

    @Autowired
    Registrar registrar;
    @Autowired
    Registrations registrations;
    @Autowired
    Courses courses;
    @Autowired
    EducationJobs jobs;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void drawIsReproducibleFromTheRevealedSeedAndMatchesTheCommitment() throws Exception {
        clock.setTo(T0);
        long course = fixtures.create(fixtures.spec().lottery().capacity(3).quotas(Map.of(TargetGroup.SENIOR_65, 1)));
        Course before = courses.require(course);
        String commitment = before.lotterySeedHash();
        assertThat(commitment).matches("[0-9a-f]{64}");
        assertThat(before.lotterySeed()).isNull();

        List<Outcome> applied = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TargetGroup g = i == 3 || i == 7 ? TargetGroup.SENIOR_65 : TargetGroup.RESIDENT;
            applied.add(registrar.register(course, EducationFixtures.applicant("추첨" + (char) ('가' + i), g), Channel.ONLINE));
        }
        assertThat(applied).allMatch(o -> o.status() == RegistrationStatus.APPLIED && o.seatNo() == null);
        assertThatThrownBy(() -> registrar.draw(course)).isInstanceOf(DomainException.class)
                .hasMessageContaining("신청 기간이 끝난 뒤");
        // after the window, residents cannot apply, and the sweep draws
        clock.setTo(T0.plusDays(1).plusMinutes(1));
        assertThatThrownBy(() -> registrar.register(course, EducationFixtures.applicant("늦은추첨"), Channel.ONLINE))
                .hasMessageContaining("신청 기간이 끝났습니다");
        jobs.sweep();

        Course after = courses.require(course);
        assertThat(after.drawnAt()).isNotNull();
        String seed = after.lotterySeed();
        assertThat(sha256(seed)).as("revealed seed matches the published hash").isEqualTo(commitment);

        // recompute independently: key = SHA-256(seed ":" applicationNo), ascending
        record App(long no, TargetGroup group, String key) {
        }
        List<App> apps = new ArrayList<>();
        for (Outcome o : applied) {
            Registration r = registrations.require(o.registrationId());
            apps.add(new App(o.registrationId(), r.group(), sha256(seed + ":" + o.registrationId())));
        }
        apps.sort(Comparator.comparing(App::key).thenComparingLong(App::no));
        long firstSenior = apps.stream().filter(a -> a.group() == TargetGroup.SENIOR_65).findFirst().orElseThrow().no();
        List<Long> expectedSelected = new ArrayList<>(List.of(firstSenior));
        apps.stream().map(App::no).filter(n -> n != firstSenior).limit(2).forEach(expectedSelected::add);

        List<Registration> confirmed = registrations.withStatus(course, RegistrationStatus.CONFIRMED);
        assertThat(confirmed).extracting(Registration::id).containsExactlyInAnyOrderElementsOf(expectedSelected);
        List<Long> expectedWaitlist = apps.stream().map(App::no).filter(n -> !expectedSelected.contains(n)).toList();
        assertThat(registrations.waitlist(course)).extracting(Registration::id).containsExactlyElementsOf(expectedWaitlist);
        for (App a : apps) {
            assertThat(registrations.require(a.no()).lotteryKey()).isEqualTo(a.key());
        }
        // the published algorithm gives the same result
        Lottery.Result again = Lottery.draw(seed, apps.stream().map(a -> new Lottery.Entry(a.no(), a.group())).toList(), 3,
                Map.of(TargetGroup.SENIOR_65, 1));
        assertThat(again.waitlisted()).containsExactlyElementsOf(expectedWaitlist);
        assertThatThrownBy(() -> registrar.draw(course)).hasMessageContaining("이미 추첨");
        // after the draw, staff may still add a walk-in: at the end of the waitlist
        Outcome walkIn = registrar.register(course, EducationFixtures.applicant("방문신청"), Channel.WALK_IN);
        assertThat(walkIn.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(walkIn.waitlistPosition()).isEqualTo(8);
    }

    @Test
    void algorithmIsDeterministicAndHonoursQuotas() {
        String seed = "a".repeat(64);
        List<Lottery.Entry> entries = new ArrayList<>();
        for (long i = 1; i <= 30; i++) {
            entries.add(new Lottery.Entry(i, i % 10 == 0 ? TargetGroup.LITERACY_LEARNER : TargetGroup.RESIDENT));
        }
        Lottery.Result r1 = Lottery.draw(seed, entries, 5, Map.of(TargetGroup.LITERACY_LEARNER, 2));
        List<Lottery.Entry> reversed = new ArrayList<>(entries);
        java.util.Collections.reverse(reversed);
        Lottery.Result r2 = Lottery.draw(seed, reversed, 5, Map.of(TargetGroup.LITERACY_LEARNER, 2));
        assertThat(r1).isEqualTo(r2);
        assertThat(r1.selected()).hasSize(5);
        assertThat(r1.selected().stream().filter(n -> n % 10 == 0)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r1.waitlisted()).hasSize(25).doesNotContainAnyElementsOf(r1.selected());
        Lottery.Result other = Lottery.draw("b".repeat(64), entries, 5, Map.of());
        assertThat(other.order()).isNotEqualTo(r1.order());
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
