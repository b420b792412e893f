package kr.sotong.newsletter.distribution;

import java.time.Instant;
import java.time.LocalDate;
import kr.sotong.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A regular check of a distribution point (배부 점검): copies left, photo, problems found. */
@Table("newsletter_inspection")
public class Inspection {

    @Id
    private Long id;
    private Long pointId;
    private LocalDate inspectedOn;
    private String inspector;
    private int copiesLeft;
    private String photoSha256;
    private String problems;
    private String createdBy;
    private Instant createdAt;

    Inspection() {
    }

    static Inspection record(long pointId, LocalDate on, LocalDate today, String inspector, Integer copiesLeft,
                             String photoSha256, String problems, String by, Instant now) {
        if (on == null) {
            throw new DomainException("newsletter.inspection.date", "점검일을 입력해 주세요.");
        }
        if (on.isAfter(today)) {
            throw new DomainException("newsletter.inspection.future",
                    "점검일(" + on + ")이 오늘(" + today + ")보다 뒤일 수 없습니다. 점검한 날짜를 입력해 주세요.", on, today);
        }
        if (on.isBefore(today.minusYears(5))) {
            throw new DomainException("newsletter.inspection.old", "점검일이 너무 오래전입니다: " + on, on);
        }
        String who = inspector == null ? "" : inspector.strip();
        if (who.isEmpty() || who.length() > 100) {
            throw new DomainException("newsletter.inspection.inspector", "점검자 이름을 입력해 주세요.");
        }
        if (copiesLeft == null || copiesLeft < 0 || copiesLeft > 100_000) {
            throw new DomainException("newsletter.inspection.copies", "남은 부수를 0 이상의 숫자로 입력해 주세요.");
        }
        Inspection i = new Inspection();
        i.pointId = pointId;
        i.inspectedOn = on;
        i.inspector = who;
        i.copiesLeft = copiesLeft;
        i.photoSha256 = photoSha256;
        i.problems = problems == null || problems.isBlank() ? null : problems.strip();
        i.createdBy = by;
        i.createdAt = now;
        return i;
    }

    public Long getId() {
        return id;
    }

    public Long getPointId() {
        return pointId;
    }

    public LocalDate getInspectedOn() {
        return inspectedOn;
    }

    public String getInspector() {
        return inspector;
    }

    public int getCopiesLeft() {
        return copiesLeft;
    }

    public String getPhotoSha256() {
        return photoSha256;
    }

    public String getProblems() {
        return problems;
    }
}
