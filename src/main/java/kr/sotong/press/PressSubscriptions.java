package kr.sotong.press;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kr.sotong.platform.AuditLog;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.BudgetCategory;
import kr.sotong.workplan.SpendingRecord;
import kr.sotong.workplan.Workplan;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 신문 등 구독 and 언론사 공고 및 광고: subscriptions (copies, period, cost, renewal) and paid notices or ads
 * (outlet, date, topic, size, cost, budget line). Every cost is recorded against the work-plan budget
 * ({@link Workplan#recordSpending}, source module {@code press}); yearly totals are compared with the
 * budget of the press program.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
public class PressSubscriptions {

    /** The work-plan program of the press team (소통하고 공감받는 전략적인 언론홍보). */
    static final String PRESS_PROGRAM = "P3";

    private final RelationsRepository repo;
    private final ContactRepository contacts;
    private final Workplan workplan;
    private final AuditLog audit;
    private final Clock clock;

    PressSubscriptions(RelationsRepository repo, ContactRepository contacts, Workplan workplan, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.contacts = contacts;
        this.workplan = workplan;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Relations.Subscription> subscriptions(int year) {
        return repo.subscriptions(year);
    }

    public List<Relations.PaidNotice> notices(int year) {
        return repo.notices(year);
    }

    private String program(String code) {
        String c = code == null || code.isBlank() ? PRESS_PROGRAM : code.strip();
        workplan.program(c);
        return c;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addSubscription(long outletId, int copies, LocalDate start, LocalDate end, long costWon, LocalDate renewal,
                                String programCode, String note) {
        String outlet = contacts.outlet(outletId).orElseThrow(() -> DomainException.notFound("언론사", outletId)).name();
        if (copies <= 0 || copies > 10_000) {
            throw new DomainException("press.subscription.copies", "구독 부수는 1~10,000 사이여야 합니다.");
        }
        if (start == null || end == null || end.isBefore(start)) {
            throw new DomainException("press.subscription.period", "구독 기간의 시작일과 종료일을 바르게 입력해 주세요.");
        }
        if (costWon < 0) {
            throw new DomainException("press.amount.negative", "금액은 0 이상이어야 합니다.");
        }
        String p = program(programCode);
        long id = repo.insertSubscription(outletId, copies, start, end, costWon, renewal, p, Texts.optional("비고", note, 500),
                clock.instant());
        if (costWon > 0) {
            workplan.recordSpending(new SpendingRecord("press", "subscription:" + id, start.getYear(), p,
                    BudgetCategory.ADMINISTRATIVE, costWon, start, "신문 구독: " + outlet + " " + copies + "부"));
        }
        audit.record("press.subscription.add", "PressSubscription", id, outlet + " " + copies + "부 " + costWon + "원");
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addNotice(long outletId, LocalDate on, String topic, String sizeLabel, long costWon, String programCode,
                          BudgetCategory category, String note) {
        String outlet = contacts.outlet(outletId).orElseThrow(() -> DomainException.notFound("언론사", outletId)).name();
        if (on == null) {
            throw new DomainException("press.notice.date", "게재일을 입력해 주세요.");
        }
        if (costWon <= 0) {
            throw new DomainException("press.notice.cost", "광고·공고 금액은 0보다 커야 합니다.");
        }
        String t = Texts.required("주제", topic, 300);
        String p = program(programCode);
        BudgetCategory cat = category == null ? BudgetCategory.POLICY_PROGRAM : category;
        long id = repo.insertNotice(outletId, on, t, Texts.optional("규격", sizeLabel, 100), costWon, p, cat.name(),
                Texts.optional("비고", note, 500), clock.instant());
        workplan.recordSpending(new SpendingRecord("press", "notice:" + id, on.getYear(), p, cat, costWon, on,
                "언론사 공고·광고: " + outlet + " / " + t));
        audit.record("press.notice.add", "PressPaidNotice", id, outlet + " " + t + " " + costWon + "원");
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void deleteNotice(long id) {
        Relations.PaidNotice n = repo.notice(id).orElseThrow(() -> DomainException.notFound("공고·광고", id));
        repo.deleteNotice(id);
        workplan.withdrawSpending("press", "notice:" + id);
        audit.record("press.notice.delete", "PressPaidNotice", id, n.outletName() + " " + n.topic() + " 삭제");
    }

    /** Yearly totals against the press program's budget (천원 in the plan, 원 here). */
    public record Totals(int year, long subscriptionsWon, long noticesWon, long totalWon, Long budgetWon, String rate) {
    }

    public Totals totals(int year) {
        long subs = repo.subscriptions(year).stream().filter(s -> s.startsOn().getYear() == year)
                .mapToLong(Relations.Subscription::costWon).sum();
        long notices = repo.notices(year).stream().mapToLong(Relations.PaidNotice::costWon).sum();
        long total = subs + notices;
        Long budget = null;
        try {
            long thousands = workplan.program(PRESS_PROGRAM).fundingFor(year);
            budget = thousands == 0 ? null : thousands * 1000;
        } catch (DomainException e) {
            budget = null;
        }
        String rate = budget == null ? "-" : java.math.BigDecimal.valueOf(total).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(budget), 1, java.math.RoundingMode.HALF_UP).toPlainString();
        return new Totals(year, subs, notices, total, budget, rate);
    }
}
