package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.sotong.education.catalogue.Catalogue;
import kr.sotong.education.catalogue.RoomKind;
import kr.sotong.education.catalogue.Venues;
import kr.sotong.education.counselling.CounsellingDesk;
import kr.sotong.education.counselling.Topic;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.Outbox;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 1:1 digital counselling desk: slots, bookings (never twice), outcomes (encrypted), no-shows. */
@SotongTest
class CounsellingTest {

    static final LocalDateTime T0 = LocalDateTime.of(2031, 11, 3, 9, 0);

    @Autowired
    CounsellingDesk desk;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Venues venues;
    @Autowired
    MutableClock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void slotsAreBookedOnceEvenUnderConcurrencyAndOutcomesAreKeptEncrypted() throws Exception {
        clock.setTo(T0);
        long room = catalogue.addRoom(venues.venueByCode("gc-office").orElseThrow().id(), "test-desk-" + System.nanoTime() % 1_000_000,
                "상담 책상", RoomKind.OTHER, 2, null);
        LocalDate day = T0.toLocalDate().plusDays(2);
        assertThat(desk.createSlots(room, day, LocalTime.of(10, 0), LocalTime.of(12, 0), 30, "정상담")).isEqualTo(4);
        assertThat(desk.createSlots(room, day, LocalTime.of(10, 0), LocalTime.of(12, 0), 30, "정상담")).isZero();
        List<CounsellingDesk.Slot> mine = desk.open().stream().filter(s -> s.roomId() == room).toList();
        assertThat(mine).hasSize(4);
        long first = mine.get(0).id();

        // twenty people try the same slot at once: one gets it
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Applicant a = EducationFixtures.applicant("상담희망" + (char) ('가' + i));
            Callable<Boolean> c = () -> {
                go.await();
                try {
                    desk.book(first, a, Topic.SMARTPHONE, "카카오톡 사진 보내기", Channel.ONLINE);
                    return true;
                } catch (DomainException e) {
                    return false;
                }
            };
            tries.add(pool.submit(c));
        }
        go.countDown();
        int booked = 0;
        for (Future<Boolean> f : tries) {
            booked += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(1);
        CounsellingDesk.Slot slot = desk.slot(first);
        assertThat(slot.status()).isEqualTo(CounsellingDesk.Status.BOOKED);

        // one upcoming booking per resident
        Applicant kim = EducationFixtures.applicant("김상담");
        desk.book(mine.get(1).id(), kim, Topic.SCAM, null, Channel.PHONE);
        assertThatThrownBy(() -> desk.book(mine.get(2).id(), kim, Topic.KIOSK, null, Channel.ONLINE)).hasMessageContaining("이미 예약한 상담");
        assertThat(outbox.to(kim.phone().digits())).anyMatch(m -> m.purpose().equals("education.counselling"));

        // no-show only after the time; outcome notes are encrypted at rest and readable (logged) by staff
        assertThatThrownBy(() -> desk.markNoShow(mine.get(1).id())).hasMessageContaining("상담 시간이 되기 전");
        clock.setTo(day.atTime(11, 0));
        desk.markNoShow(mine.get(1).id());
        desk.recordOutcome(first, "카카오톡으로 사진 보내는 법을 같이 해 봄. 다음에 키오스크 체험 권유.");
        String stored = jdbc.sql("select outcome_enc from education_counselling_slot where id = :id").param("id", first).query(String.class).single();
        assertThat(stored).startsWith("pd1:").doesNotContain("카카오톡");
        assertThat(desk.outcome(first)).hasValueSatisfying(t -> assertThat(t).contains("카카오톡"));
        var views = desk.between(day, day);
        assertThat(views).anySatisfy(v -> {
            assertThat(v.slot().id()).isEqualTo(mine.get(1).id());
            assertThat(v.noShows()).isEqualTo(1);
            assertThat(v.maskedName()).isEqualTo("김*담");
        });
        // a booked slot cannot be closed; an open one can
        assertThatThrownBy(() -> desk.cancelSlot(first)).isInstanceOf(DomainException.class);
        desk.cancelSlot(mine.get(3).id());
        assertThat(desk.slot(mine.get(3).id()).status()).isEqualTo(CounsellingDesk.Status.CANCELLED);
    }
}
