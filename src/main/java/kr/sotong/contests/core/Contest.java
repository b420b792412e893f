package kr.sotong.contests.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.contests.media.MediaReport;
import kr.sotong.contests.media.MediaRules;
import kr.sotong.shared.DomainException;

/** A contest (공모전): its definition and the state it is in. Guards its own transitions. */
public final class Contest {

    private final Long id;
    private final String seedKey;
    private ContestDefinition def;
    private ContestStatus status;
    private String announcement;
    private Instant announcedAt;
    private final int version;

    Contest(Long id, String seedKey, ContestDefinition def, ContestStatus status, String announcement,
            Instant announcedAt, int version) {
        this.id = id;
        this.seedKey = seedKey;
        this.def = def;
        this.status = status;
        this.announcement = announcement == null ? "" : announcement;
        this.announcedAt = announcedAt;
        this.version = version;
    }

    static Contest create(ContestDefinition def, String seedKey, long maxUploadBytes) {
        validate(def, maxUploadBytes);
        return new Contest(null, seedKey, def, ContestStatus.DRAFT, "", null, 0);
    }

    static void validate(ContestDefinition d, long maxUploadBytes) {
        if (d.kind() == null) {
            throw new DomainException("contests.kind.required", "공모 종류를 고르세요.");
        }
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            throw new DomainException("contests.title.required", "공모전 이름을 200자 이내로 입력하세요.");
        }
        if (d.programmeStart() != null && d.programmeEnd() != null && d.programmeEnd().isBefore(d.programmeStart())) {
            throw new DomainException("contests.programme.order", "추진기간의 끝이 시작보다 앞설 수 없습니다.");
        }
        if (d.entryOpensAt() != null && d.entryClosesAt() != null && !d.entryClosesAt().isAfter(d.entryOpensAt())) {
            throw new DomainException("contests.entry-period.order", "접수 마감은 접수 시작보다 뒤여야 합니다.");
        }
        if (d.formats().isEmpty()) {
            throw new DomainException("contests.formats.required", "받을 파일 형식을 하나 이상 고르세요.");
        }
        if (d.maxBytes() <= 0 || d.maxBytes() > maxUploadBytes) {
            throw new DomainException("contests.max-bytes", "파일 크기 제한은 1바이트 이상 " + (maxUploadBytes / (1024 * 1024))
                    + "MB 이하여야 합니다.");
        }
        if (d.minDurationMs() != null && d.maxDurationMs() != null && d.maxDurationMs() < d.minDurationMs()) {
            throw new DomainException("contests.duration.order", "최대 재생 시간이 최소 재생 시간보다 짧습니다.");
        }
        if (d.minAge() != null && (d.minAge() < 0 || d.minAge() > 120)) {
            throw new DomainException("contests.min-age", "최소 나이는 0~120 사이여야 합니다.");
        }
        if (d.guardianUnderAge() < 0 || d.guardianUnderAge() > 20) {
            throw new DomainException("contests.guardian-age", "보호자 동의 기준 나이는 0~20 사이여야 합니다.");
        }
        if (d.maxEntriesPerPerson() < 1 || d.maxEntriesPerPerson() > 100) {
            throw new DomainException("contests.max-entries", "1인당 응모 수는 1~100 사이여야 합니다.");
        }
        if (d.prizeBudgetWon() < 0) {
            throw new DomainException("contests.budget", "총 시상금은 0원 이상이어야 합니다.");
        }
        if (d.scoreScaleMax() < 1 || d.scoreScaleMax() > 100) {
            throw new DomainException("contests.scale", "심사 점수 척도(만점)는 1~100 사이여야 합니다.");
        }
        if (d.voteWeightPercent() < 0 || d.voteWeightPercent() > 100) {
            throw new DomainException("contests.vote-weight", "공개 투표 반영 비율은 0~100% 사이여야 합니다.");
        }
        if (d.publicVote() && (d.voteOpensAt() == null || d.voteClosesAt() == null
                || !d.voteClosesAt().isAfter(d.voteOpensAt()))) {
            throw new DomainException("contests.vote-period", "공개 투표를 하려면 투표 시작과 마감(시작보다 뒤)을 입력하세요.");
        }
    }

    /** Changes the definition. What entries or scores already depend on is locked. */
    void redefine(ContestDefinition next, long maxUploadBytes, boolean hasEntries) {
        validate(next, maxUploadBytes);
        if (status == ContestStatus.ANNOUNCED) {
            throw DomainException.conflict("contests.locked", "결과를 발표한 공모전은 고칠 수 없습니다.");
        }
        if (hasEntries && (next.kind() != def.kind() || !next.formats().containsAll(def.formats())
                && status != ContestStatus.DRAFT)) {
            throw DomainException.conflict("contests.locked-kind",
                    "응모작이 있는 공모전은 종류를 바꾸거나 받던 파일 형식을 뺄 수 없습니다.");
        }
        if (status.compareTo(ContestStatus.JUDGING) >= 0 && next.scoreScaleMax() != def.scoreScaleMax()) {
            throw DomainException.conflict("contests.locked-scale", "심사를 시작한 뒤에는 점수 척도를 바꿀 수 없습니다.");
        }
        this.def = next;
    }

    void publish() {
        if (status != ContestStatus.DRAFT) {
            throw DomainException.conflict("contests.publish.state", "준비 중인 공모전만 공고할 수 있습니다.");
        }
        if (def.entryOpensAt() == null || def.entryClosesAt() == null) {
            throw new DomainException("contests.publish.period", "공고하려면 접수 시작·마감 일시를 먼저 정하세요.");
        }
        status = ContestStatus.OPEN;
    }

    void unpublish(boolean hasEntries) {
        if (status != ContestStatus.OPEN || hasEntries) {
            throw DomainException.conflict("contests.unpublish", "응모작이 없는 공고 중 공모전만 공고를 취소할 수 있습니다.");
        }
        status = ContestStatus.DRAFT;
    }

    /** Entries are taken while OPEN and inside the entry period [opens, closes). */
    boolean acceptsEntriesAt(Instant t) {
        return status == ContestStatus.OPEN && def.entryOpensAt() != null && def.entryClosesAt() != null
                && !t.isBefore(def.entryOpensAt()) && t.isBefore(def.entryClosesAt());
    }

    void requireAcceptingEntries(Instant t) {
        if (acceptsEntriesAt(t)) {
            return;
        }
        if (status == ContestStatus.OPEN && def.entryOpensAt() != null && t.isBefore(def.entryOpensAt())) {
            throw DomainException.conflict("contests.entry.not-yet", "아직 접수 기간이 아닙니다.");
        }
        throw DomainException.conflict("contests.entry.closed", "접수가 마감되었습니다. 마감 뒤에는 응모할 수 없습니다.");
    }

    void startJudging(Instant now, int criteriaWeightSum, int judges) {
        if (status != ContestStatus.OPEN) {
            throw DomainException.conflict("contests.judging.state", "공고 중인 공모전만 심사를 시작할 수 있습니다.");
        }
        if (def.entryClosesAt() != null && now.isBefore(def.entryClosesAt())) {
            throw DomainException.conflict("contests.judging.early", "접수 마감 전에는 심사를 시작할 수 없습니다.");
        }
        if (criteriaWeightSum != 100) {
            throw new DomainException("contests.judging.weights",
                    "심사 기준의 가중치 합계가 100이어야 합니다(지금 " + criteriaWeightSum + ").");
        }
        if (judges == 0) {
            throw new DomainException("contests.judging.no-judges", "심사위원을 한 명 이상 배정하세요.");
        }
        status = ContestStatus.JUDGING;
    }

    void confirmAwards() {
        if (status != ContestStatus.JUDGING) {
            throw DomainException.conflict("contests.awards.state", "심사 중인 공모전만 시상을 확정할 수 있습니다.");
        }
        status = ContestStatus.AWARDED;
    }

    void reopenAwards() {
        if (status != ContestStatus.AWARDED) {
            throw DomainException.conflict("contests.awards.reopen", "시상 확정 상태에서만 다시 심사 단계로 돌릴 수 있습니다.");
        }
        status = ContestStatus.JUDGING;
    }

    void announce(Instant now, String text) {
        if (status != ContestStatus.AWARDED) {
            throw DomainException.conflict("contests.announce.state", "시상을 확정한 뒤에 결과를 발표할 수 있습니다.");
        }
        status = ContestStatus.ANNOUNCED;
        announcement = text == null ? "" : text.strip();
        announcedAt = now;
    }

    boolean votingOpenAt(Instant t) {
        return def.publicVote() && status == ContestStatus.JUDGING && def.voteOpensAt() != null
                && def.voteClosesAt() != null && !t.isBefore(def.voteOpensAt()) && t.isBefore(def.voteClosesAt());
    }

    public MediaRules mediaRules() {
        return new MediaRules(def.formats(), def.maxBytes(), def.minLongSide(), def.minDurationMs(), def.maxDurationMs());
    }

    /** "JPEG, PNG · 최대 30.0MB · 긴 변 1920픽셀 이상" for the entry form. */
    public String requirementsText() {
        StringBuilder sb = new StringBuilder(MediaFormat.labels(def.formats()));
        sb.append(" · 최대 ").append(def.maxBytes() / (1024 * 1024)).append("MB");
        if (def.minLongSide() != null) {
            sb.append(" · 긴 변 ").append(def.minLongSide()).append("픽셀 이상");
        }
        if (def.minDurationMs() != null || def.maxDurationMs() != null) {
            sb.append(" · 길이 ");
            if (def.minDurationMs() != null) {
                sb.append(MediaReport.seconds(def.minDurationMs())).append(" 이상");
            }
            if (def.maxDurationMs() != null) {
                sb.append(def.minDurationMs() != null ? " " : "").append(MediaReport.seconds(def.maxDurationMs())).append(" 이하");
            }
        }
        return sb.toString();
    }

    /** The accept attribute for the file input (a hint for the picker; the server checks content). */
    public String acceptAttribute() {
        StringBuilder sb = new StringBuilder();
        for (MediaFormat f : def.formats()) {
            String ext = switch (f) {
                case JPEG -> ".jpg,.jpeg";
                case PNG -> ".png";
                case MP4 -> ".mp4,.m4v";
                case MOV -> ".mov";
                case WEBM -> ".webm";
                case MKV -> ".mkv";
                case MP3 -> ".mp3";
                case WAV -> ".wav";
                case M4A -> ".m4a";
                case FLAC -> ".flac";
            };
            sb.append(sb.isEmpty() ? "" : ",").append(ext).append(',').append(f.mediaType());
        }
        return sb.toString();
    }

    public Long id() {
        return id;
    }

    public String seedKey() {
        return seedKey;
    }

    public ContestDefinition def() {
        return def;
    }

    public ContestKind kind() {
        return def.kind();
    }

    public String title() {
        return def.title();
    }

    public ContestStatus status() {
        return status;
    }

    public String announcement() {
        return announcement;
    }

    public Instant announcedAt() {
        return announcedAt;
    }

    public int version() {
        return version;
    }

    public Set<Eligibility> eligibility() {
        return def.eligibility();
    }

    public List<String> themes() {
        return def.themes();
    }

    public LocalDate programmeStart() {
        return def.programmeStart();
    }

    public LocalDate programmeEnd() {
        return def.programmeEnd();
    }
}
