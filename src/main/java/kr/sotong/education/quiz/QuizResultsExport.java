package kr.sotong.education.quiz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import kr.sotong.platform.Spreadsheets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The contest's results as an Excel workbook (rank, entry number, masked name and phone, score, time, per question). */
@Component
public class QuizResultsExport {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Seoul"));

    private final QuizMaster quizzes;

    QuizResultsExport(QuizMaster quizzes) {
        this.quizzes = quizzes;
    }

    public byte[] xlsx(long quizId) {
        QuizMaster.Quiz quiz = quizzes.quiz(quizId);
        List<QuizMaster.Question> questions = quizzes.questions(quizId);
        List<QuizMaster.ResultRow> rows = quizzes.results(quizId);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("결과");
            s.createRow(0).createCell(0).setCellValue(Spreadsheets.safeText(quiz.title() + " 결과"));
            Row h = s.createRow(2);
            String[] head = {"순위", "참가번호", "이름", "휴대전화", "점수", "걸린 시간(초)", "마친 시각", "답한 문제 수"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            for (int q = 0; q < questions.size(); q++) {
                h.createCell(head.length + q).setCellValue(questions.get(q).no() + "번");
            }
            int r = 3;
            for (QuizMaster.ResultRow row : rows) {
                Row x = s.createRow(r++);
                QuizMaster.Standing st = row.standing();
                x.createCell(0).setCellValue(st.rank());
                x.createCell(1).setCellValue(st.entryNo());
                x.createCell(2).setCellValue(Spreadsheets.safeText(st.maskedName()));
                x.createCell(3).setCellValue(Spreadsheets.safeText(row.maskedPhone()));
                x.createCell(4).setCellValue(st.score());
                x.createCell(5).setCellValue(st.elapsedMs() / 1000.0);
                x.createCell(6).setCellValue(st.finishedAt() == null ? "진행 중" : AT.format(st.finishedAt()));
                x.createCell(7).setCellValue(st.answered());
                for (int q = 0; q < row.correctByQuestion().size(); q++) {
                    Boolean c = row.correctByQuestion().get(q);
                    x.createCell(head.length + q).setCellValue(c == null ? "-" : c ? "O" : "X");
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("엑셀 파일을 만들지 못했습니다", e);
        }
    }
}
