package kr.sotong.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import kr.sotong.education.quiz.AnswerCheck;
import kr.sotong.education.quiz.QuizMaster;
import kr.sotong.education.quiz.QuizResultsExport;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The smart contest: timed questions, one attempt, one answer each, late answers kept unscored, tie-break by time. */
@SotongTest
class QuizTest {

    static final LocalDateTime T0 = LocalDateTime.of(2031, 6, 12, 14, 0);

    @Autowired
    QuizMaster quizzes;
    @Autowired
    QuizResultsExport export;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void scoringTimingAndTieBreak() throws Exception {
        clock.setTo(T0.minusDays(10));
        Instant opens = T0.atZone(MutableClock.SEOUL).toInstant();
        long quiz = quizzes.create("스마트 정보화 경진대회 " + System.nanoTime() % 10000, "금천구청 대강당", opens, opens.plus(Duration.ofHours(1)));
        long q1 = quizzes.addQuestion(quiz, "금천구청 대표 전화번호는?", "금천구청 누리집 맨 아래", null, "02-2627-2114", 60, 10);
        long q2 = quizzes.addQuestion(quiz, "서울안전앱에서 찾을 수 있는 것은?", null, "민방위 대피소\n버스 시간표\n날씨", "민방위 대피소", 30, 10);
        assertThatThrownBy(() -> quizzes.addQuestion(quiz, "보기에 없는 정답", null, "가\n나", "다", 30, 10))
                .hasMessageContaining("정답이 보기 중에");
        Applicant fast = EducationFixtures.applicant("빠른분");
        Applicant slow = EducationFixtures.applicant("느린분");
        Applicant late = EducationFixtures.applicant("늦은분");
        var pFast = quizzes.register(quiz, fast, Channel.ONLINE);
        var pSlow = quizzes.register(quiz, slow, Channel.PHONE);
        var pLate = quizzes.register(quiz, late, Channel.ONLINE);
        assertThat(quizzes.register(quiz, fast, Channel.ONLINE).entryNo()).isEqualTo(pFast.entryNo());
        assertThatThrownBy(() -> quizzes.play(quiz, pFast.id())).hasMessageContaining("아직 대회가 시작되지 않았습니다");
        quizzes.open(quiz);
        clock.setTo(T0.plusMinutes(1));

        // fast: both right, 10 s + 5 s
        var t = quizzes.play(quiz, pFast.id());
        assertThat(t.question().id()).isEqualTo(q1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(quizzes.answer(quiz, pFast.id(), q1, "０２ 2627 2114").onTime()).isTrue();
        assertThatThrownBy(() -> quizzes.answer(quiz, pFast.id(), q1, "02-2627-2114")).hasMessageContaining("이미 답한 문제");
        t = quizzes.play(quiz, pFast.id());
        assertThat(t.question().id()).isEqualTo(q2);
        assertThat(t.question().choices()).containsExactly("민방위 대피소", "버스 시간표", "날씨");
        clock.advance(Duration.ofSeconds(5));
        quizzes.answer(quiz, pFast.id(), q2, "민방위 대피소");
        t = quizzes.play(quiz, pFast.id());
        assertThat(t.finished()).isTrue();
        assertThat(t.score()).isEqualTo(20);
        // a second attempt is impossible: playing again returns the finished attempt
        assertThat(quizzes.play(quiz, pFast.id()).finished()).isTrue();
        assertThat(jdbc.sql("select count(*) from education_quiz_attempt where participant_id = :p").param("p", pFast.id())
                .query(Long.class).single()).isEqualTo(1);

        // slow: both right, 40 s + 20 s → same score, ranked behind
        quizzes.play(quiz, pSlow.id());
        clock.advance(Duration.ofSeconds(40));
        quizzes.answer(quiz, pSlow.id(), q1, "02-2627-2114");
        quizzes.play(quiz, pSlow.id());
        clock.advance(Duration.ofSeconds(20));
        quizzes.answer(quiz, pSlow.id(), q2, "민방위대피소");
        assertThat(quizzes.play(quiz, pSlow.id()).score()).isEqualTo(20);

        // late: answers q1 after its 60 s limit (kept, not scored), lets q2 time out without answering
        quizzes.play(quiz, pLate.id());
        clock.advance(Duration.ofSeconds(75));
        QuizMaster.AnswerResult lateAnswer = quizzes.answer(quiz, pLate.id(), q1, "02-2627-2114");
        assertThat(lateAnswer.onTime()).isFalse();
        assertThat(lateAnswer.message()).contains("제한 시간이 지나서");
        assertThat(jdbc.sql("select answer from education_quiz_answer a join education_quiz_attempt t on t.id = a.attempt_id where t.participant_id = :p and a.question_id = :q")
                .param("p", pLate.id()).param("q", q1).query(String.class).single()).isEqualTo("02-2627-2114");
        quizzes.play(quiz, pLate.id());
        clock.advance(Duration.ofSeconds(45));
        var done = quizzes.play(quiz, pLate.id());
        assertThat(done.finished()).isTrue();
        assertThat(done.score()).isZero();

        var board = quizzes.leaderboard(quiz, 10);
        assertThat(board).extracting(QuizMaster.Standing::maskedName).containsExactly("빠*분", "느*분", "늦*분");
        assertThat(board.get(0).score()).isEqualTo(board.get(1).score());
        assertThat(board.get(0).elapsedMs()).isLessThan(board.get(1).elapsedMs());

        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export.xlsx(quiz)))) {
            var sheet = wb.getSheet("결과");
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("빠*분");
            assertThat(sheet.getRow(3).getCell(4).getNumericCellValue()).isEqualTo(20);
            assertThat(sheet.getRow(5).getCell(8).getStringCellValue()).isEqualTo("X");
        }
        // after closing, nobody new can join
        quizzes.close(quiz);
        assertThatThrownBy(() -> quizzes.register(quiz, EducationFixtures.applicant("마감후"), Channel.ONLINE))
                .hasMessageContaining("참가 신청이 끝난");
    }

    @Test
    void answersAreComparedLeniently() {
        assertThat(AnswerCheck.matches("민원 24", "민원24")).isTrue();
        assertThat(AnswerCheck.matches("ＡＢＣ", "abc")).isTrue();
        assertThat(AnswerCheck.matches("", "abc")).isFalse();
        assertThat(AnswerCheck.matches("-", "-")).isFalse();
        assertThat(AnswerCheck.matches("서울안전", "서울안전앱\n서울 안전 앱")).isFalse();
        assertThat(AnswerCheck.matches("서울 안전앱", "서울안전앱")).isTrue();
    }
}
