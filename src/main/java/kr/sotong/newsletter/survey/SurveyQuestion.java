package kr.sotong.newsletter.survey;

import java.util.Arrays;
import java.util.List;
import kr.sotong.shared.DomainException;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A question: single or multiple choice (options one per line), a 1…{@code scaleMax} scale, or free text.
 */
@Table("newsletter_survey_question")
public record SurveyQuestion(Kind kind, String text, boolean required, String options, int scaleMax) {

    public enum Kind { SINGLE, MULTIPLE, SCALE, TEXT }

    static SurveyQuestion of(Kind kind, String text, boolean required, String options, Integer scaleMax) {
        if (kind == null) {
            throw new DomainException("newsletter.question.kind", "문항 종류를 골라 주세요.");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 500) {
            throw new DomainException("newsletter.question.text", "문항 내용을 500자 이내로 입력해 주세요.");
        }
        List<String> opts = options == null ? List.of()
                : Arrays.stream(options.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        boolean choice = kind == Kind.SINGLE || kind == Kind.MULTIPLE;
        if (choice && (opts.size() < 2 || opts.size() > 20)) {
            throw new DomainException("newsletter.question.options", "선택형 문항은 보기를 한 줄에 하나씩 2~20개 입력해 주세요.");
        }
        if (choice && opts.stream().distinct().count() != opts.size()) {
            throw new DomainException("newsletter.question.options-duplicate", "같은 보기가 두 번 있습니다.");
        }
        int max = scaleMax == null ? 5 : scaleMax;
        if (kind == Kind.SCALE && (max < 3 || max > 10)) {
            throw new DomainException("newsletter.question.scale", "척도는 3~10점 사이로 정해 주세요.");
        }
        return new SurveyQuestion(kind, t, required, choice ? String.join("\n", opts) : "", kind == Kind.SCALE ? max : 5);
    }

    public List<String> optionList() {
        return options == null || options.isEmpty() ? List.of() : List.of(options.split("\n"));
    }

    public List<Integer> scalePoints() {
        return java.util.stream.IntStream.rangeClosed(1, scaleMax).boxed().toList();
    }

    public String kindLabel() {
        return switch (kind) {
            case SINGLE -> "하나 고르기";
            case MULTIPLE -> "여러 개 고르기";
            case SCALE -> "1~" + scaleMax + "점 척도";
            case TEXT -> "서술형";
        };
    }
}
