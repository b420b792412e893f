package kr.sotong.newsletter.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.shared.DomainException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Survey builder, one-response-per-person answering, results and XLSX export. */
@Service
public class SurveyService {

    /** Results of one question: counts per option (or per scale point), average for scales, texts. */
    public record QuestionResult(int number, SurveyQuestion question, List<String> labels, List<Long> counts,
                                 BigDecimal average, List<String> texts, long answered) {
    }

    public record Results(Survey survey, long responses, List<QuestionResult> questions) {
    }

    private final Surveys surveys;
    private final SurveyResponses responses;
    private final AuditLog audit;
    private final Clock clock;

    SurveyService(Surveys surveys, SurveyResponses responses, AuditLog audit, Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Survey> all() {
        return surveys.findAllByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<Survey> open() {
        return surveys.findByStatusOrderByIdDesc(Survey.Status.OPEN);
    }

    @Transactional(readOnly = true)
    public Survey get(long id) {
        return surveys.findById(id).orElseThrow(() -> DomainException.notFound("만족도 조사", id));
    }

    @Transactional
    public Survey create(String title, String description, String mode) {
        Survey.IdentityMode m;
        try {
            m = Survey.IdentityMode.valueOf(mode == null ? "ONE_TIME_CODE" : mode);
        } catch (IllegalArgumentException e) {
            throw new DomainException("newsletter.survey.mode", "응답자 확인 방법을 골라 주세요.");
        }
        Survey s = surveys.save(Survey.create(title, description, m, clock.instant()));
        audit.record("newsletter.survey.created", "Survey", s.getId(), "만족도 조사 '" + s.getTitle() + "' 생성");
        return s;
    }

    @Transactional
    public void addQuestion(long surveyId, String kind, String text, boolean required, String options, Integer scaleMax) {
        Survey s = get(surveyId);
        SurveyQuestion.Kind k;
        try {
            k = SurveyQuestion.Kind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new DomainException("newsletter.question.kind", "문항 종류를 골라 주세요.");
        }
        s.addQuestion(SurveyQuestion.of(k, text, required, options, scaleMax));
        surveys.save(s);
        audit.record("newsletter.survey.question-added", "Survey", surveyId, "문항 추가: " + text);
    }

    @Transactional
    public void removeQuestion(long surveyId, int index) {
        Survey s = get(surveyId);
        s.removeQuestion(index);
        surveys.save(s);
        audit.record("newsletter.survey.question-removed", "Survey", surveyId, "문항 " + (index + 1) + " 삭제");
    }

    @Transactional
    public void openSurvey(long surveyId) {
        Survey s = get(surveyId);
        s.open(clock.instant());
        surveys.save(s);
        audit.record("newsletter.survey.opened", "Survey", surveyId, "만족도 조사 '" + s.getTitle() + "' 시작");
    }

    @Transactional
    public void closeSurvey(long surveyId) {
        Survey s = get(surveyId);
        s.close(clock.instant());
        surveys.save(s);
        audit.record("newsletter.survey.closed", "Survey", surveyId, "만족도 조사 '" + s.getTitle() + "' 마감");
    }

    @Transactional(readOnly = true)
    public boolean hasResponded(long surveyId, String respondentHash) {
        return responses.existsBySurveyIdAndRespondentHash(surveyId, respondentHash);
    }

    /**
     * Records one person's answers. {@code params} are the form's values by field name {@code q<n>}.
     * A second response of the same person is refused (also under a race: the unique key decides).
     */
    @Transactional
    public void respond(long surveyId, String respondentHash, Map<String, String[]> params) {
        Survey s = get(surveyId);
        s.requireOpen();
        if (responses.existsBySurveyIdAndRespondentHash(surveyId, respondentHash)) {
            throw duplicate();
        }
        List<SurveyResponse.Answer> answers = new ArrayList<>();
        List<SurveyQuestion> qs = s.getQuestions();
        for (int i = 0; i < qs.size(); i++) {
            String value = answer(i, qs.get(i), params.get("q" + i));
            if (value != null) {
                answers.add(new SurveyResponse.Answer(i, value));
            }
        }
        if (answers.isEmpty()) {
            throw new DomainException("newsletter.survey.empty", "한 문항 이상 답해 주세요.");
        }
        try {
            responses.save(new SurveyResponse(surveyId, respondentHash, answers, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
    }

    private static DomainException duplicate() {
        return DomainException.conflict("newsletter.survey.duplicate",
                "이미 이 조사에 응답하셨습니다. 한 사람당 한 번만 응답할 수 있습니다.");
    }

    /** Validates and encodes an answer; null when optional and unanswered. */
    static String answer(int index, SurveyQuestion q, String[] raw) {
        List<String> values = raw == null ? List.of()
                : Arrays.stream(raw).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        String label = (index + 1) + "번 문항";
        if (values.isEmpty()) {
            if (q.required()) {
                throw new DomainException("newsletter.survey.required", label + "에 답해 주세요: " + q.text(), index + 1);
            }
            return null;
        }
        switch (q.kind()) {
            case SINGLE, MULTIPLE -> {
                if (q.kind() == SurveyQuestion.Kind.SINGLE && values.size() > 1) {
                    throw new DomainException("newsletter.survey.single", label + "은(는) 하나만 고를 수 있습니다.");
                }
                Set<Integer> chosen = new LinkedHashSet<>();
                for (String v : values) {
                    int o = parseInt(v, label);
                    if (o < 0 || o >= q.optionList().size()) {
                        throw new DomainException("newsletter.survey.option", label + "의 보기가 올바르지 않습니다.");
                    }
                    chosen.add(o);
                }
                return String.join(",", chosen.stream().sorted().map(String::valueOf).toList());
            }
            case SCALE -> {
                int v = parseInt(values.get(0), label);
                if (values.size() > 1 || v < 1 || v > q.scaleMax()) {
                    throw new DomainException("newsletter.survey.scale", label + "은(는) 1~" + q.scaleMax() + " 중 하나를 골라 주세요.");
                }
                return Integer.toString(v);
            }
            default -> {
                String text = String.join("\n", values);
                if (text.length() > 2000) {
                    throw new DomainException("newsletter.survey.text", label + "의 답은 2,000자 이내로 적어 주세요.");
                }
                return text;
            }
        }
    }

    private static int parseInt(String v, String label) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new DomainException("newsletter.survey.option", label + "의 값이 올바르지 않습니다.");
        }
    }

    @Transactional(readOnly = true)
    public Results results(long surveyId) {
        Survey s = get(surveyId);
        List<SurveyResponse> all = responses.findBySurveyIdOrderBySubmittedAtAsc(surveyId);
        List<QuestionResult> out = new ArrayList<>();
        List<SurveyQuestion> qs = s.getQuestions();
        for (int i = 0; i < qs.size(); i++) {
            SurveyQuestion q = qs.get(i);
            final int qi = i;
            List<String> values = all.stream().flatMap(r -> r.getAnswers().stream()).filter(a -> a.questionNo() == qi)
                    .map(SurveyResponse.Answer::value).toList();
            List<String> labels = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            BigDecimal average = null;
            List<String> texts = List.of();
            switch (q.kind()) {
                case SINGLE, MULTIPLE -> {
                    labels.addAll(q.optionList());
                    long[] c = new long[labels.size()];
                    values.forEach(v -> Arrays.stream(v.split(",")).mapToInt(Integer::parseInt)
                            .filter(o -> o < c.length).forEach(o -> c[o]++));
                    Arrays.stream(c).forEach(counts::add);
                }
                case SCALE -> {
                    long[] c = new long[q.scaleMax()];
                    long sum = 0;
                    for (String v : values) {
                        int n = Integer.parseInt(v);
                        c[n - 1]++;
                        sum += n;
                    }
                    for (int p = 1; p <= q.scaleMax(); p++) {
                        labels.add(p + "점");
                        counts.add(c[p - 1]);
                    }
                    average = values.isEmpty() ? null
                            : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
                }
                case TEXT -> texts = values;
            }
            out.add(new QuestionResult(i + 1, q, labels, counts, average, texts, values.size()));
        }
        return new Results(s, all.size(), out);
    }

    /** Results workbook: a summary sheet and one row per response (no personal data is collected). */
    @Transactional
    public byte[] exportXlsx(long surveyId) {
        Results r = results(surveyId);
        List<SurveyResponse> all = responses.findBySurveyIdOrderBySubmittedAtAsc(surveyId);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet summary = wb.createSheet("요약");
            int row = 0;
            Row head = summary.createRow(row++);
            head.createCell(0).setCellValue(Spreadsheets.safeText(r.survey().getTitle()));
            head.createCell(1).setCellValue("응답 " + r.responses() + "건");
            for (QuestionResult q : r.questions()) {
                Row qr = summary.createRow(row++);
                qr.createCell(0).setCellValue(q.number() + ". " + Spreadsheets.safeText(q.question().text()));
                qr.createCell(1).setCellValue(q.question().kindLabel());
                if (q.average() != null) {
                    qr.createCell(2).setCellValue("평균 " + q.average().toPlainString());
                }
                for (int i = 0; i < q.labels().size(); i++) {
                    Row o = summary.createRow(row++);
                    o.createCell(1).setCellValue(Spreadsheets.safeText(q.labels().get(i)));
                    o.createCell(2).setCellValue(q.counts().get(i));
                }
            }
            Sheet raw = wb.createSheet("응답");
            Row h = raw.createRow(0);
            h.createCell(0).setCellValue("응답 번호");
            h.createCell(1).setCellValue("응답 시각");
            List<SurveyQuestion> qs = r.survey().getQuestions();
            for (int i = 0; i < qs.size(); i++) {
                h.createCell(i + 2).setCellValue((i + 1) + ". " + Spreadsheets.safeText(qs.get(i).text()));
            }
            int n = 1;
            for (SurveyResponse resp : all) {
                Row x = raw.createRow(n);
                x.createCell(0).setCellValue(n++);
                x.createCell(1).setCellValue(resp.getSubmittedAt().atZone(clock.getZone()).toLocalDateTime().toString());
                for (SurveyResponse.Answer a : resp.getAnswers()) {
                    if (a.questionNo() < qs.size()) {
                        x.createCell(a.questionNo() + 2).setCellValue(Spreadsheets.safeText(display(qs.get(a.questionNo()), a.value())));
                    }
                }
            }
            wb.write(out);
            audit.record("newsletter.survey.exported", "Survey", surveyId, "만족도 조사 결과 엑셀 내려받기");
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String display(SurveyQuestion q, String value) {
        return switch (q.kind()) {
            case SINGLE, MULTIPLE -> String.join(", ", Arrays.stream(value.split(",")).mapToInt(Integer::parseInt)
                    .filter(o -> o < q.optionList().size()).mapToObj(o -> q.optionList().get(o)).toList());
            default -> value;
        };
    }
}
