package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import kr.sotong.shared.DomainException;
import kr.sotong.education.registration.Applicant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.Outcome;
import kr.sotong.education.registration.Registrar;
import kr.sotong.education.registration.RegistrationStatus;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Never oversell: hundreds of simultaneous sign-ups at a small course. */
@SotongTest
class RegistrationConcurrencyTest {

    @Autowired
    Registrar registrar;
    @Autowired
    EducationFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void threeHundredConcurrentSignUpsFillFiveSeatsAndQueueTheRestInArrivalOrder() throws Exception {
        int seats = 5;
        int attempts = 300;
        long course = fixtures.create(fixtures.spec().capacity(seats));
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            var applicant = EducationFixtures.applicant("동시신청" + (char) ('가' + i % 100));
            futures.add(pool.submit(() -> {
                start.await();
                return registrar.register(course, applicant, Channel.ONLINE);
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.CONFIRMED).hasSize(seats);
        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.WAITLISTED).hasSize(attempts - seats);

        record Row(long id, int arrival, String status, Integer seat, Integer queue) {
        }
        List<Row> rows = jdbc.sql("select id, arrival_no, status, seat_no, queue_no from education_registration where course_id = :c order by arrival_no")
                .param("c", course).query((rs, i) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        (Integer) rs.getObject(4), (Integer) rs.getObject(5))).list();
        // every attempt has a distinct arrival number 1..300
        assertThat(rows).extracting(Row::arrival).containsExactlyElementsOf(IntStream.rangeClosed(1, attempts).boxed().toList());
        // the first five arrivals hold seats 1..5, nobody else holds a seat
        assertThat(rows.subList(0, seats)).allMatch(r -> r.status().equals("CONFIRMED"));
        assertThat(rows.subList(0, seats)).extracting(Row::seat).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(rows.subList(seats, attempts)).allMatch(r -> r.status().equals("WAITLISTED") && r.seat() == null);
        // the waitlist is in arrival order and each waitlisted resident was told their place at once
        assertThat(rows.subList(seats, attempts)).extracting(Row::queue)
                .containsExactlyElementsOf(rows.subList(seats, attempts).stream().map(Row::arrival).toList());
        for (Outcome o : outcomes) {
            if (o.status() == RegistrationStatus.WAITLISTED) {
                int arrival = rows.stream().filter(r -> r.id() == o.registrationId()).findFirst().orElseThrow().arrival();
                assertThat(o.waitlistPosition()).isEqualTo(arrival - seats);
            }
        }
    }

    @Test
    void theDatabaseItselfRefusesASeatAboveCapacityOrTakenTwice() {
        long course = fixtures.create(fixtures.spec().capacity(2));
        Outcome first = registrar.register(course, EducationFixtures.applicant("좌석하나"), Channel.ONLINE);
        Outcome second = registrar.register(course, EducationFixtures.applicant("좌석둘"), Channel.ONLINE);
        Outcome third = registrar.register(course, EducationFixtures.applicant("좌석셋"), Channel.ONLINE);
        assertThat(third.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        // bypassing the application: seat 3 of a 2-seat course …
        assertThatThrownBy(() -> jdbc.sql("update education_registration set status = 'CONFIRMED', seat_no = 3 where id = :id")
                .param("id", third.registrationId()).update()).hasMessageContaining("정원");
        // … or someone else's seat
        assertThatThrownBy(() -> jdbc.sql("update education_registration set status = 'CONFIRMED', seat_no = :s where id = :id")
                .param("s", first.seatNo()).param("id", third.registrationId()).update())
                .hasMessageContaining("education_registration_seat");
        // … or capacity below the seats given
        assertThatThrownBy(() -> jdbc.sql("update education_course set capacity = 1 where id = :id").param("id", course).update())
                .hasMessageContaining("정원");
        assertThat(second.seatNo()).isNotEqualTo(first.seatNo());
    }

    @Test
    void theSameResidentSubmittingManyTimesAtOnceGetsOneRegistrationAndTheRestAreToldSo() throws Exception {
        long course = fixtures.create(fixtures.spec().capacity(3));
        Applicant a = EducationFixtures.applicant("연타하는분");
        List<Object> results = concurrently(20, i -> registrar.register(course, a, Channel.ONLINE));
        assertThat(results).filteredOn(r -> r instanceof Outcome).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof DomainException).hasSize(19)
                .allMatch(r -> ((DomainException) r).getMessage().contains("이미 이 과정에 신청하셨습니다"));
        assertThat(jdbc.sql("select count(*) from education_registration where course_id = :c").param("c", course)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void signingUpForTwoOverlappingCoursesAtOnceSeatsTheResidentInOnlyOne() throws Exception {
        LocalDateTime day = LocalDateTime.now().plusDays(30).withHour(14).withMinute(0).withSecond(0).withNano(0);
        long first = fixtures.create(fixtures.spec().title("동시 겹침 가").firstSession(day, 1));
        long second = fixtures.create(fixtures.spec().title("동시 겹침 나").firstSession(day.plusMinutes(30), 1));
        for (int round = 0; round < 5; round++) {
            Applicant a = EducationFixtures.applicant("양쪽신청" + (char) ('가' + round));
            List<Object> results = concurrently(2, i -> registrar.register(i == 0 ? first : second, a, Channel.ONLINE));
            assertThat(results).filteredOn(r -> r instanceof Outcome).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof DomainException).hasSize(1)
                    .allMatch(r -> ((DomainException) r).getMessage().contains("같은 시간에 듣는 다른 과정"));
        }
    }

    /** Runs {@code n} calls at once; each result is the return value or the exception thrown. */
    private static List<Object> concurrently(int n, java.util.function.IntFunction<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return call.apply(k);
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }
}
