package kr.sotong.education.quiz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.education.registration.Residents;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 스마트 정보화 경진대회: an online quiz on the participant's smartphone. Questions are shown one at a time with a
 * time limit measured on the server (from when the question was shown); one attempt per registered participant
 * (unique in the database), one answer per question (primary key). Answers after the limit are kept but score
 * nothing. Ranking: score, then total time, then who finished first.
 */
@Service
public class QuizMaster {

    /** Grace for network delay on top of each question's limit. */
    static final Duration GRACE = Duration.ofSeconds(2);

    public enum Status { DRAFT, OPEN, CLOSED }

    public record Quiz(long id, String title, String place, Instant opensAt, Instant closesAt, Status status) {
        public boolean playable(Instant now) {
            return status == Status.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    public record Question(long id, long quizId, int no, String prompt, String hint, List<String> choices, String answers,
                           int seconds, int points) {
        public String answersLabel() {
            return String.join(" / ", AnswerCheck.accepted(answers));
        }
    }

    public record Participant(long id, long quizId, long residentId, int entryNo, String maskedName, String maskedPhone,
                              Instant registeredAt, String channel) {
    }

    /** The current question with the seconds left, or none when the attempt is finished. */
    public record Turn(long attemptId, Question question, int number, int total, long secondsLeft, boolean finished, int score) {
    }

    public record AnswerResult(boolean onTime, String message) {
    }

    public record Standing(int rank, int entryNo, String maskedName, int score, long elapsedMs, Instant finishedAt,
                           int answered) {
        public String elapsedLabel() {
            long s = elapsedMs / 1000;
            return String.format("%d분 %02d.%d초", s / 60, s % 60, (elapsedMs % 1000) / 100);
        }
    }

    private final JdbcClient jdbc;
    private final Residents residents;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    QuizMaster(JdbcClient jdbc, Residents residents, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    // staff: quiz and questions ------------------------------------------------------------------------------

    @Transactional
    public long create(String title, String place, Instant opensAt, Instant closesAt) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new DomainException("edu.quiz.title", "대회 이름을 200자 이내로 입력하세요.");
        }
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw new DomainException("edu.quiz.window", "끝나는 시각은 시작 시각보다 늦어야 합니다.");
        }
        long id = jdbc.sql("insert into education_quiz (title, place, opens_at, closes_at, created_at) values (:t, :p, :o, :c, :now) returning id")
                .param("t", title.strip()).param("p", place == null || place.isBlank() ? null : place.strip())
                .param("o", Timestamp.from(opensAt)).param("c", Timestamp.from(closesAt)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("education.quiz.create", "EducationQuiz", id, "경진대회 등록: " + title.strip());
        return id;
    }

    @Transactional
    public long addQuestion(long quizId, String prompt, String hint, String choices, String answers, int seconds, int points) {
        Quiz q = lock(quizId);
        if (q.status() != Status.DRAFT) {
            throw DomainException.conflict("edu.quiz.not-draft", "대회를 시작하기 전에만 문제를 고칠 수 있습니다.");
        }
        if (prompt == null || prompt.isBlank() || prompt.length() > 2000) {
            throw new DomainException("edu.quiz.prompt", "문제를 2,000자 이내로 입력하세요.");
        }
        if (AnswerCheck.accepted(answers).isEmpty()) {
            throw new DomainException("edu.quiz.answers", "정답을 한 줄에 하나씩 하나 이상 입력하세요.");
        }
        List<String> choiceList = AnswerCheck.accepted(choices);
        if (!choiceList.isEmpty() && AnswerCheck.accepted(answers).stream().noneMatch(a -> choiceList.stream()
                .anyMatch(c -> AnswerCheck.normalise(c).equals(AnswerCheck.normalise(a))))) {
            throw new DomainException("edu.quiz.choice-answer", "보기가 있는 문제는 정답이 보기 중에 있어야 합니다.");
        }
        if (seconds < 10 || seconds > 1800 || points < 1 || points > 1000) {
            throw new DomainException("edu.quiz.limits", "제한 시간은 10~1,800초, 배점은 1~1,000점으로 정하세요.");
        }
        int no = jdbc.sql("select coalesce(max(question_no), 0) + 1 from education_quiz_question where quiz_id = :q").param("q", quizId)
                .query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into education_quiz_question (quiz_id, question_no, prompt, hint, choices, answers, seconds, points)
                        values (:q, :no, :p, :h, :c, :a, :s, :pt) returning id""")
                .param("q", quizId).param("no", no).param("p", prompt.strip()).param("h", hint == null || hint.isBlank() ? null : hint.strip())
                .param("c", choiceList.isEmpty() ? null : String.join("\n", choiceList)).param("a", String.join("\n", AnswerCheck.accepted(answers)))
                .param("s", seconds).param("pt", points).query(Long.class).single();
        audit.record("education.quiz.question", "EducationQuiz", quizId, no + "번 문제 추가");
        return id;
    }

    @Transactional
    public void open(long quizId) {
        Quiz q = lock(quizId);
        if (q.status() != Status.DRAFT) {
            throw DomainException.conflict("edu.quiz.open-status", "준비 중인 대회만 시작할 수 있습니다.");
        }
        if (questions(quizId).isEmpty()) {
            throw DomainException.conflict("edu.quiz.no-questions", "문제를 하나 이상 등록해야 대회를 시작할 수 있습니다.");
        }
        setStatus(quizId, Status.OPEN);
        audit.record("education.quiz.open", "EducationQuiz", quizId, "경진대회 시작");
    }

    @Transactional
    public void close(long quizId) {
        Quiz q = lock(quizId);
        if (q.status() != Status.OPEN) {
            throw DomainException.conflict("edu.quiz.close-status", "진행 중인 대회만 마칠 수 있습니다.");
        }
        setStatus(quizId, Status.CLOSED);
        audit.record("education.quiz.close", "EducationQuiz", quizId, "경진대회 마감");
    }

    private void setStatus(long quizId, Status s) {
        jdbc.sql("update education_quiz set status = :s where id = :id").param("s", s.name()).param("id", quizId).update();
    }

    public List<Quiz> quizzes() {
        return jdbc.sql("select * from education_quiz order by opens_at desc").query(QuizMaster::quiz).list();
    }

    public Quiz quiz(long id) {
        return jdbc.sql("select * from education_quiz where id = :id").param("id", id).query(QuizMaster::quiz).optional()
                .orElseThrow(() -> DomainException.notFound("경진대회", id));
    }

    private Quiz lock(long id) {
        return jdbc.sql("select * from education_quiz where id = :id for update").param("id", id).query(QuizMaster::quiz).optional()
                .orElseThrow(() -> DomainException.notFound("경진대회", id));
    }

    public List<Question> questions(long quizId) {
        return jdbc.sql("select * from education_quiz_question where quiz_id = :q order by question_no").param("q", quizId)
                .query(QuizMaster::question).list();
    }

    // participants ------------------------------------------------------------------------------------------

    /** Registers a participant (after a one-time code, or by staff). Registering twice returns the same entry. */
    @Transactional
    public Participant register(long quizId, Applicant who, Channel channel) {
        Quiz q = lock(quizId);
        if (q.status() == Status.CLOSED || !clock.instant().isBefore(q.closesAt())) {
            throw DomainException.conflict("edu.quiz.closed", "참가 신청이 끝난 대회입니다.");
        }
        long residentId = residents.upsert(who, clock.instant());
        Optional<Participant> existing = participant(quizId, residentId);
        if (existing.isPresent()) {
            return existing.get();
        }
        int entry = jdbc.sql("select coalesce(max(entry_no), 0) + 1 from education_quiz_participant where quiz_id = :q")
                .param("q", quizId).query(Integer.class).single();
        jdbc.sql("""
                        insert into education_quiz_participant (quiz_id, resident_id, entry_no, registered_at, channel)
                        values (:q, :r, :e, :now, :ch)""")
                .param("q", quizId).param("r", residentId).param("e", entry).param("now", Timestamp.from(clock.instant()))
                .param("ch", channel == Channel.API ? "PHONE" : channel.name()).update();
        String actor = channel == Channel.ONLINE ? "resident:" + who.phone().masked() : staff.currentActor();
        audit.recordAs(actor, "education.quiz.register", "EducationQuiz", quizId, "참가 등록 " + entry + "번 (" + channel.label() + ")");
        return participant(quizId, residentId).orElseThrow();
    }

    public Optional<Participant> participant(long quizId, long residentId) {
        return jdbc.sql("select * from education_quiz_participant where quiz_id = :q and resident_id = :r")
                .param("q", quizId).param("r", residentId).query(this::participant).optional();
    }

    public Optional<Participant> participant(long quizId, Applicant who) {
        return residents.find(who.name(), who.phone()).flatMap(r -> participant(quizId, r));
    }

    @Transactional
    public List<Participant> participants(long quizId) {
        List<Participant> list = jdbc.sql("select * from education_quiz_participant where quiz_id = :q order by entry_no")
                .param("q", quizId).query(this::participant).list();
        audit.recordAccess("EducationQuizParticipants", quizId, "경진대회 참가자 목록 조회 (마스킹)");
        return list;
    }

    // playing -----------------------------------------------------------------------------------------------

    /** Starts (or resumes) the participant's one attempt and returns the current question. */
    @Transactional
    public Turn play(long quizId, long participantId) {
        Instant now = clock.instant();
        Quiz q = quiz(quizId);
        Participant p = jdbc.sql("select * from education_quiz_participant where id = :id and quiz_id = :q").param("id", participantId)
                .param("q", quizId).query(this::participant).optional()
                .orElseThrow(() -> DomainException.forbidden("이 대회에 참가 등록한 분만 참여할 수 있습니다."));
        Optional<Long> attempt = jdbc.sql("select id from education_quiz_attempt where participant_id = :p").param("p", p.id())
                .query(Long.class).optional();
        if (attempt.isEmpty()) {
            if (!q.playable(now)) {
                throw DomainException.conflict("edu.quiz.not-playable", q.status() == Status.DRAFT || now.isBefore(q.opensAt())
                        ? "아직 대회가 시작되지 않았습니다." : "대회가 끝났습니다.");
            }
            attempt = jdbc.sql("""
                            insert into education_quiz_attempt (participant_id, started_at) values (:p, :now)
                            on conflict (participant_id) do nothing returning id""")
                    .param("p", p.id()).param("now", Timestamp.from(now)).query(Long.class).optional();
            if (attempt.isEmpty()) {
                attempt = jdbc.sql("select id from education_quiz_attempt where participant_id = :p").param("p", p.id())
                        .query(Long.class).optional();
            } else {
                audit.recordAs("resident:" + p.maskedPhone(), "education.quiz.start", "EducationQuiz", quizId, "참가자 " + p.entryNo() + "번 시작");
            }
        }
        return turn(q, attempt.orElseThrow(), now);
    }

    private Turn turn(Quiz q, long attemptId, Instant now) {
        List<Question> questions = questions(q.id());
        lockAttempt(attemptId);
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            var shown = jdbc.sql("select shown_at, answered_at from education_quiz_answer where attempt_id = :a and question_id = :q")
                    .param("a", attemptId).param("q", question.id())
                    .query((rs, n) -> new Instant[] {rs.getTimestamp(1).toInstant(),
                            rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()})
                    .optional();
            if (shown.isPresent() && shown.get()[1] != null) {
                continue;
            }
            if (shown.isPresent()) {
                Instant deadline = shown.get()[0].plusSeconds(question.seconds());
                if (now.isAfter(deadline.plus(GRACE))) {
                    // timed out without an answer: counts the full time, scores nothing
                    jdbc.sql("""
                                    update education_quiz_answer set answered_at = :d, on_time = false, correct = false, elapsed_ms = :ms
                                     where attempt_id = :a and question_id = :q and answered_at is null""")
                            .param("d", Timestamp.from(deadline)).param("ms", question.seconds() * 1000L).param("a", attemptId)
                            .param("q", question.id()).update();
                    continue;
                }
                return new Turn(attemptId, question, i + 1, questions.size(), Math.max(0, Duration.between(now, deadline).toSeconds()),
                        false, 0);
            }
            if (!q.playable(now)) {
                break;
            }
            jdbc.sql("insert into education_quiz_answer (attempt_id, question_id, shown_at) values (:a, :q, :now)")
                    .param("a", attemptId).param("q", question.id()).param("now", Timestamp.from(now)).update();
            return new Turn(attemptId, question, i + 1, questions.size(), question.seconds(), false, 0);
        }
        int score = finish(attemptId, now);
        return new Turn(attemptId, null, questions.size(), questions.size(), 0, true, score);
    }

    /** Records an answer. Twice → refused; after the time limit → kept, scores nothing, and the resident is told. */
    @Transactional
    public AnswerResult answer(long quizId, long participantId, long questionId, String answer) {
        Instant now = clock.instant();
        long attemptId = jdbc.sql("""
                        select a.id from education_quiz_attempt a join education_quiz_participant p on p.id = a.participant_id
                         where p.id = :p and p.quiz_id = :q""")
                .param("p", participantId).param("q", quizId).query(Long.class).optional()
                .orElseThrow(() -> DomainException.conflict("edu.quiz.no-attempt", "먼저 대회에 참여해 주세요."));
        lockAttempt(attemptId);
        Question question = questions(quizId).stream().filter(x -> x.id() == questionId).findFirst()
                .orElseThrow(() -> DomainException.notFound("문제", questionId));
        var row = jdbc.sql("select shown_at, answered_at from education_quiz_answer where attempt_id = :a and question_id = :q")
                .param("a", attemptId).param("q", questionId)
                .query((rs, n) -> new Instant[] {rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()})
                .optional()
                .orElseThrow(() -> DomainException.conflict("edu.quiz.not-shown", "아직 보지 않은 문제에는 답할 수 없습니다."));
        if (row[1] != null) {
            throw DomainException.conflict("edu.quiz.twice", "이미 답한 문제입니다. 답은 한 번만 낼 수 있습니다.");
        }
        String clean = answer == null ? "" : answer.strip();
        if (clean.length() > 500) {
            clean = clean.substring(0, 500);
        }
        long elapsed = Duration.between(row[0], now).toMillis();
        Quiz q = quiz(quizId);
        boolean onTime = elapsed <= question.seconds() * 1000L + GRACE.toMillis() && now.isBefore(q.closesAt())
                && q.status() == Status.OPEN;
        boolean correct = onTime && AnswerCheck.matches(clean, question.answers());
        jdbc.sql("""
                        update education_quiz_answer set answered_at = :now, answer = :ans, on_time = :ot, correct = :c, elapsed_ms = :ms
                         where attempt_id = :a and question_id = :q and answered_at is null""")
                .param("now", Timestamp.from(now)).param("ans", clean).param("ot", onTime).param("c", correct)
                .param("ms", onTime ? elapsed : question.seconds() * 1000L).param("a", attemptId).param("q", questionId).update();
        if (!onTime) {
            return new AnswerResult(false, now.isBefore(q.closesAt()) && q.status() == Status.OPEN
                    ? "제한 시간이 지나서 낸 답이라 점수에 들어가지 않습니다. 답은 기록해 두었습니다."
                    : "대회가 끝난 뒤에 낸 답이라 점수에 들어가지 않습니다. 답은 기록해 두었습니다.");
        }
        return new AnswerResult(true, "답을 냈습니다.");
    }

    private void lockAttempt(long attemptId) {
        jdbc.sql("select id from education_quiz_attempt where id = :a for update").param("a", attemptId).query(Long.class).single();
    }

    private int finish(long attemptId, Instant now) {
        jdbc.sql("""
                        update education_quiz_attempt a set
                               score = coalesce((select sum(q.points) from education_quiz_answer x join education_quiz_question q on q.id = x.question_id
                                                  where x.attempt_id = a.id and x.correct), 0),
                               elapsed_ms = coalesce((select sum(x.elapsed_ms) from education_quiz_answer x where x.attempt_id = a.id), 0),
                               finished_at = coalesce(a.finished_at, :now)
                         where a.id = :a""")
                .param("now", Timestamp.from(now)).param("a", attemptId).update();
        return jdbc.sql("select score from education_quiz_attempt where id = :a").param("a", attemptId).query(Integer.class).single();
    }

    /** Ranking: score (high first), then total time (short first), then finish time; unfinished attempts count so far. */
    @Transactional(readOnly = true)
    public List<Standing> leaderboard(long quizId, int limit) {
        List<Object[]> rows = jdbc.sql("""
                        select p.entry_no, p.resident_id,
                               coalesce((select sum(q.points) from education_quiz_answer x join education_quiz_question q on q.id = x.question_id
                                          where x.attempt_id = a.id and x.correct), 0) score,
                               coalesce((select sum(x.elapsed_ms) from education_quiz_answer x where x.attempt_id = a.id and x.answered_at is not null), 0) ms,
                               a.finished_at,
                               (select count(*) from education_quiz_answer x where x.attempt_id = a.id and x.answered_at is not null) answered
                          from education_quiz_attempt a join education_quiz_participant p on p.id = a.participant_id
                         where p.quiz_id = :q
                         order by score desc, ms asc, a.finished_at asc nulls last, p.entry_no
                         limit :l""")
                .param("q", quizId).param("l", limit)
                .query((rs, i) -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), Courses.instant(rs, "finished_at"),
                        rs.getInt(6)})
                .list();
        java.util.ArrayList<Standing> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            String name = residents.contact((Long) r[1]).map(c -> Masking.name(c.name())).orElse("");
            out.add(new Standing(i + 1, (Integer) r[0], name, (Integer) r[2], (Long) r[3], (Instant) r[4], (Integer) r[5]));
        }
        return out;
    }

    /** Per-question detail of every attempt for the results export (masked names). */
    public record ResultRow(Standing standing, String maskedPhone, List<Boolean> correctByQuestion) {
    }

    @Transactional
    public List<ResultRow> results(long quizId) {
        List<Question> questions = questions(quizId);
        List<Standing> board = leaderboard(quizId, 100_000);
        List<ResultRow> out = new java.util.ArrayList<>();
        for (Standing s : board) {
            var p = jdbc.sql("select * from education_quiz_participant where quiz_id = :q and entry_no = :e").param("q", quizId)
                    .param("e", s.entryNo()).query(this::participant).single();
            List<Boolean> marks = questions.stream().map(question -> jdbc.sql("""
                            select x.correct from education_quiz_answer x join education_quiz_attempt a on a.id = x.attempt_id
                             where a.participant_id = :p and x.question_id = :q""")
                    .param("p", p.id()).param("q", question.id()).query(Boolean.class).optional().orElse(null)).toList();
            out.add(new ResultRow(s, p.maskedPhone(), marks));
        }
        audit.recordAccess("EducationQuizResults", quizId, "경진대회 결과 내보내기 (마스킹, " + out.size() + "명)");
        return out;
    }

    // mapping -----------------------------------------------------------------------------------------------

    static Quiz quiz(ResultSet rs, int i) throws SQLException {
        return new Quiz(rs.getLong("id"), rs.getString("title"), rs.getString("place"), Courses.instant(rs, "opens_at"),
                Courses.instant(rs, "closes_at"), Status.valueOf(rs.getString("status")));
    }

    static Question question(ResultSet rs, int i) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("quiz_id"), rs.getInt("question_no"), rs.getString("prompt"),
                rs.getString("hint"), AnswerCheck.accepted(rs.getString("choices")), rs.getString("answers"), rs.getInt("seconds"),
                rs.getInt("points"));
    }

    private Participant participant(ResultSet rs, int i) throws SQLException {
        long residentId = rs.getLong("resident_id");
        Residents.Contact c = residents.contact(residentId).orElseThrow();
        return new Participant(rs.getLong("id"), rs.getLong("quiz_id"), residentId, rs.getInt("entry_no"), Masking.name(c.name()),
                c.phone().masked(), Courses.instant(rs, "registered_at"), rs.getString("channel"));
    }
}
