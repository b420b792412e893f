package kr.sotong.education.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.education.TraineeStatistics;
import kr.sotong.education.TraineeTable;
import kr.sotong.education.catalogue.CourseStatus;
import kr.sotong.education.counselling.CounsellingDesk;
import kr.sotong.education.registration.CourseBoard;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dashboard tiles: class fill rates, trainees this year against last year, today's education work. */
@Configuration(proxyBeanMethods = false)
class EducationTiles {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Bean
    DashboardTile educationFillRates(CourseBoard board, Clock clock) {
        return new DashboardTile() {
            @Override
            public int order() {
                return 300;
            }

            @Override
            public Set<String> visibleToRoles() {
                return Set.of(Roles.EDUCATION);
            }

            @Override
            public Optional<TileView> render() {
                var now = clock.instant();
                List<CourseBoard.Card> open = board.all().stream()
                        .filter(c -> c.course().status() == CourseStatus.PUBLISHED)
                        .filter(c -> c.lastSession() == null || c.lastSession().endsAt().isAfter(now))
                        .sorted(java.util.Comparator.comparing((CourseBoard.Card c) -> c.firstSession() == null ? c.course().opensAt()
                                : c.firstSession().startsAt()))
                        .toList();
                if (open.isEmpty()) {
                    return Optional.of(TileView.of("정보화교육 수강 현황", "0개 과정", "모집 중이거나 진행 중인 과정이 없습니다.",
                            "/staff/education"));
                }
                int seats = open.stream().mapToInt(c -> c.course().capacity()).sum();
                int seated = open.stream().mapToInt(CourseBoard.Card::seated).sum();
                int waiting = open.stream().mapToInt(CourseBoard.Card::waitlisted).sum();
                int percent = (int) Math.round(seated * 100.0 / seats);
                List<TileView.Row> rows = open.stream().limit(5).map(c -> new TileView.Row(c.course().title(),
                        c.course().awaitingDraw() ? "추첨 신청 " + c.applied() + "명 / " + c.course().capacity() + "석"
                                : c.seated() + "/" + c.course().capacity() + " (" + c.fillPercent() + "%)" + (c.waitlisted() > 0 ? ", 대기 "
                                + c.waitlisted() : ""), "/staff/education/courses/" + c.course().id())).toList();
                return Optional.of(new TileView("정보화교육 수강 현황", percent + "%", open.size() + "개 과정, " + seated + "/" + seats
                        + "석 배정, 대기 " + waiting + "명", rows, "/staff/education", percent >= 100 ? TileView.Tone.GOOD : TileView.Tone.NORMAL));
            }
        };
    }

    @Bean
    DashboardTile educationTrainees(TraineeStatistics stats, Clock clock) {
        return new DashboardTile() {
            @Override
            public int order() {
                return 310;
            }

            @Override
            public Set<String> visibleToRoles() {
                return Set.of(Roles.EDUCATION, Roles.VIEWER);
            }

            @Override
            public Optional<TileView> render() {
                int year = clock.instant().atZone(SEOUL).getYear();
                TraineeTable now = stats.trainees(year);
                TraineeTable last = stats.trainees(year - 1);
                List<TileView.Row> rows = now.columns().stream()
                        .map(c -> TileView.Row.of(c.label(), String.format("%,d명", now.columnTotal(c.venueKind())))).toList();
                return Optional.of(new TileView("정보화교육 교육생 (" + year + "년)", String.format("%,d명", now.total()),
                        "지난해 " + String.format("%,d명", last.total()) + " (" + last.periodLabel() + ")", rows,
                        "/staff/education/stats?year=" + year, TileView.Tone.NORMAL));
            }
        };
    }

    @Bean
    DashboardTile educationToday(CourseBoard board, CounsellingDesk desk, Clock clock) {
        return new DashboardTile() {
            @Override
            public int order() {
                return 320;
            }

            @Override
            public Set<String> visibleToRoles() {
                return Set.of(Roles.EDUCATION);
            }

            @Override
            public Optional<TileView> render() {
                LocalDate today = clock.instant().atZone(SEOUL).toLocalDate();
                List<CourseBoard.Card> cards = board.all();
                long sessionsToday = cards.stream().filter(c -> c.course().status() == CourseStatus.PUBLISHED)
                        .flatMap(c -> c.sessions().stream()).filter(s -> s.startsAt().atZone(SEOUL).toLocalDate().equals(today)).count();
                int offers = cards.stream().mapToInt(CourseBoard.Card::offered).sum();
                long counselling = desk.open().stream().filter(s -> s.startsAt().atZone(SEOUL).toLocalDate().equals(today)).count();
                return Optional.of(new TileView("오늘의 정보화교육", sessionsToday + "회차", "오늘 열리는 수업", List.of(
                        new TileView.Row("자리 확정을 기다리는 대기자", offers + "명", "/staff/education"),
                        new TileView.Row("오늘 남은 상담 빈 시간", counselling + "개", "/staff/education/counselling")),
                        "/staff/education", offers > 0 ? TileView.Tone.WARNING : TileView.Tone.NORMAL));
            }
        };
    }
}
