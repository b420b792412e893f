package kr.sotong.campaigns.placement;

import java.time.Instant;
import java.time.LocalDate;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Period;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A campaign such as 개청 30주년 특별 홍보 (code {@code ANNIVERSARY_30}). */
@Table("campaigns_campaign")
public class Campaign {

    public static final String ANNIVERSARY_30 = "ANNIVERSARY_30";

    @Id
    private Long id;
    private String code;
    private String name;
    private String description;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Long budgetThousands;
    private Instant createdAt;
    @Version
    private Integer version;

    Campaign() {
    }

    static Campaign create(String code, String name, String description, LocalDate start, LocalDate end,
                           Long budgetThousands, Instant now) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!c.matches("[A-Z0-9_]{2,40}")) {
            throw new DomainException("campaigns.code", "캠페인 코드는 영문 대문자·숫자·밑줄 2~40자로 입력해 주세요.");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new DomainException("campaigns.name", "캠페인 이름을 200자 이내로 입력해 주세요.");
        }
        if (start == null) {
            throw new DomainException("campaigns.start", "시작일을 입력해 주세요.");
        }
        Period.of(start, end);
        if (budgetThousands != null && budgetThousands < 0) {
            throw new DomainException("campaigns.budget", "예산은 0 이상이어야 합니다.");
        }
        Campaign k = new Campaign();
        k.code = c;
        k.name = n;
        k.description = description == null || description.isBlank() ? null : description.strip();
        k.startsOn = start;
        k.endsOn = end;
        k.budgetThousands = budgetThousands;
        k.createdAt = now;
        return k;
    }

    public Period period() {
        return Period.of(startsOn, endsOn);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Long getBudgetThousands() {
        return budgetThousands;
    }
}
