package kr.sotong.contests.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kr.sotong.contests.core.ContestDefinition;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.contests.core.Eligibility;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.shared.DomainException;

/** The staff form of a contest definition: strings as typed, parsed with Korean messages. */
public class ContestForm {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String kind = "PHOTO";
    private String title;
    private boolean newThisYear;
    private String purposes;
    private String themes;
    private String field;
    private String uses;
    private String rules;
    private String programmeStart;
    private String programmeEnd;
    private String entryOpensAt;
    private String entryClosesAt;
    private List<String> eligibility = new ArrayList<>(List.of("ANYONE"));
    private String minAge;
    private String guardianUnderAge = "14";
    private String maxEntriesPerPerson = "3";
    private List<String> formats = new ArrayList<>();
    private String maxMegabytes;
    private String minLongSide;
    private String minDurationSeconds;
    private String maxDurationSeconds;
    private String prizeBudgetWon = "0";
    private String prizeGoods;
    private String scoreScaleMax = "10";
    private boolean normaliseScores;
    private boolean publicVote;
    private String voteWeightPercent = "0";
    private String voteOpensAt;
    private String voteClosesAt;

    static ContestForm of(ContestDefinition d) {
        ContestForm f = new ContestForm();
        f.kind = d.kind().name();
        f.title = d.title();
        f.newThisYear = d.newThisYear();
        f.purposes = String.join("\n", d.purposes());
        f.themes = String.join("\n", d.themes());
        f.field = d.field();
        f.uses = String.join("\n", d.uses());
        f.rules = d.rules();
        f.programmeStart = d.programmeStart() == null ? null : d.programmeStart().toString();
        f.programmeEnd = d.programmeEnd() == null ? null : d.programmeEnd().toString();
        f.entryOpensAt = local(d.entryOpensAt());
        f.entryClosesAt = local(d.entryClosesAt());
        f.eligibility = new ArrayList<>(d.eligibility().stream().map(Enum::name).toList());
        f.minAge = d.minAge() == null ? null : d.minAge().toString();
        f.guardianUnderAge = String.valueOf(d.guardianUnderAge());
        f.maxEntriesPerPerson = String.valueOf(d.maxEntriesPerPerson());
        f.formats = new ArrayList<>(d.formats().stream().map(Enum::name).toList());
        f.maxMegabytes = String.valueOf(d.maxBytes() / (1024 * 1024));
        f.minLongSide = d.minLongSide() == null ? null : d.minLongSide().toString();
        f.minDurationSeconds = d.minDurationMs() == null ? null : seconds(d.minDurationMs());
        f.maxDurationSeconds = d.maxDurationMs() == null ? null : seconds(d.maxDurationMs());
        f.prizeBudgetWon = String.valueOf(d.prizeBudgetWon());
        f.prizeGoods = d.prizeGoods();
        f.scoreScaleMax = String.valueOf(d.scoreScaleMax());
        f.normaliseScores = d.normaliseScores();
        f.publicVote = d.publicVote();
        f.voteWeightPercent = String.valueOf(d.voteWeightPercent());
        f.voteOpensAt = local(d.voteOpensAt());
        f.voteClosesAt = local(d.voteClosesAt());
        return f;
    }

    private static String seconds(long ms) {
        return BigDecimal.valueOf(ms).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private static String local(Instant i) {
        return i == null ? null : LOCAL.format(LocalDateTime.ofInstant(i, SEOUL));
    }

    ContestDefinition toDefinition() {
        ContestKind k;
        try {
            k = ContestKind.valueOf(kind);
        } catch (RuntimeException e) {
            throw new DomainException("contests.kind.required", "공모 종류를 고르세요.");
        }
        Set<Eligibility> elig = EnumSet.noneOf(Eligibility.class);
        for (String e : eligibility == null ? List.<String>of() : eligibility) {
            try {
                elig.add(Eligibility.valueOf(e));
            } catch (IllegalArgumentException ignored) {
                // unknown option
            }
        }
        Set<MediaFormat> fmts = new LinkedHashSet<>();
        for (String f : formats == null ? List.<String>of() : formats) {
            MediaFormat.parse(f).ifPresent(fmts::add);
        }
        Long maxMb = longOrNull(maxMegabytes, "파일 크기 제한(MB)");
        return new ContestDefinition(k, title == null ? "" : title, newThisYear, lines(purposes), lines(themes), field,
                lines(uses), rules, date(programmeStart, "추진기간 시작"), date(programmeEnd, "추진기간 끝"),
                instant(entryOpensAt, "접수 시작"), instant(entryClosesAt, "접수 마감"), elig,
                intOrNull(minAge, "최소 나이"), intOr(guardianUnderAge, 14, "보호자 동의 기준 나이"),
                intOr(maxEntriesPerPerson, 3, "1인당 응모 수"), fmts, maxMb == null ? 0 : maxMb * 1024 * 1024,
                intOrNull(minLongSide, "최소 해상도"), millis(minDurationSeconds, "최소 재생 시간"),
                millis(maxDurationSeconds, "최대 재생 시간"), won(prizeBudgetWon), prizeGoods,
                intOr(scoreScaleMax, 10, "점수 척도"), normaliseScores, publicVote, intOr(voteWeightPercent, 0, "투표 반영 비율"),
                instant(voteOpensAt, "투표 시작"), instant(voteClosesAt, "투표 마감"));
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String s, String label) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("contests.form.date", label + " 날짜 형식이 올바르지 않습니다(예: 2025-06-01).");
        }
    }

    static Instant instant(String s, String label) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip()).atZone(SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException("contests.form.datetime", label + " 일시 형식이 올바르지 않습니다(예: 2025-06-01T09:00).");
        }
    }

    private static Integer intOrNull(String s, String label) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new DomainException("contests.form.number", label + "은(는) 숫자로 입력하세요.");
        }
    }

    private static int intOr(String s, int fallback, String label) {
        Integer v = intOrNull(s, label);
        return v == null ? fallback : v;
    }

    private static Long longOrNull(String s, String label) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new DomainException("contests.form.number", label + "은(는) 숫자로 입력하세요.");
        }
    }

    static long won(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(s.strip().replace(",", "").replace("원", "").strip());
        } catch (NumberFormatException e) {
            throw new DomainException("contests.form.won", "금액은 원 단위 숫자로 입력하세요(예: 4,000,000).");
        }
    }

    private static Long millis(String s, String label) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(s.strip());
            if (v.signum() < 0) {
                throw new NumberFormatException();
            }
            return v.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException("contests.form.seconds", label + "은(는) 초 단위 숫자로 입력하세요(예: 15 또는 60.0).");
        }
    }

    // getters and setters for form binding
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public boolean isNewThisYear() { return newThisYear; }
    public void setNewThisYear(boolean v) { newThisYear = v; }
    public String getPurposes() { return purposes; }
    public void setPurposes(String v) { purposes = v; }
    public String getThemes() { return themes; }
    public void setThemes(String v) { themes = v; }
    public String getField() { return field; }
    public void setField(String v) { field = v; }
    public String getUses() { return uses; }
    public void setUses(String v) { uses = v; }
    public String getRules() { return rules; }
    public void setRules(String v) { rules = v; }
    public String getProgrammeStart() { return programmeStart; }
    public void setProgrammeStart(String v) { programmeStart = v; }
    public String getProgrammeEnd() { return programmeEnd; }
    public void setProgrammeEnd(String v) { programmeEnd = v; }
    public String getEntryOpensAt() { return entryOpensAt; }
    public void setEntryOpensAt(String v) { entryOpensAt = v; }
    public String getEntryClosesAt() { return entryClosesAt; }
    public void setEntryClosesAt(String v) { entryClosesAt = v; }
    public List<String> getEligibility() { return eligibility; }
    public void setEligibility(List<String> v) { eligibility = v; }
    public String getMinAge() { return minAge; }
    public void setMinAge(String v) { minAge = v; }
    public String getGuardianUnderAge() { return guardianUnderAge; }
    public void setGuardianUnderAge(String v) { guardianUnderAge = v; }
    public String getMaxEntriesPerPerson() { return maxEntriesPerPerson; }
    public void setMaxEntriesPerPerson(String v) { maxEntriesPerPerson = v; }
    public List<String> getFormats() { return formats; }
    public void setFormats(List<String> v) { formats = v; }
    public String getMaxMegabytes() { return maxMegabytes; }
    public void setMaxMegabytes(String v) { maxMegabytes = v; }
    public String getMinLongSide() { return minLongSide; }
    public void setMinLongSide(String v) { minLongSide = v; }
    public String getMinDurationSeconds() { return minDurationSeconds; }
    public void setMinDurationSeconds(String v) { minDurationSeconds = v; }
    public String getMaxDurationSeconds() { return maxDurationSeconds; }
    public void setMaxDurationSeconds(String v) { maxDurationSeconds = v; }
    public String getPrizeBudgetWon() { return prizeBudgetWon; }
    public void setPrizeBudgetWon(String v) { prizeBudgetWon = v; }
    public String getPrizeGoods() { return prizeGoods; }
    public void setPrizeGoods(String v) { prizeGoods = v; }
    public String getScoreScaleMax() { return scoreScaleMax; }
    public void setScoreScaleMax(String v) { scoreScaleMax = v; }
    public boolean isNormaliseScores() { return normaliseScores; }
    public void setNormaliseScores(boolean v) { normaliseScores = v; }
    public boolean isPublicVote() { return publicVote; }
    public void setPublicVote(boolean v) { publicVote = v; }
    public String getVoteWeightPercent() { return voteWeightPercent; }
    public void setVoteWeightPercent(String v) { voteWeightPercent = v; }
    public String getVoteOpensAt() { return voteOpensAt; }
    public void setVoteOpensAt(String v) { voteOpensAt = v; }
    public String getVoteClosesAt() { return voteClosesAt; }
    public void setVoteClosesAt(String v) { voteClosesAt = v; }
}
