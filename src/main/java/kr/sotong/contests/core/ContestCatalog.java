package kr.sotong.contests.core;

import java.time.Clock;
import java.util.List;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contest definitions: what, when, who may enter, files, prizes within the budget, criteria, panels, judges. */
@Service
public class ContestCatalog {

    private final ContestRepository contests;
    private final EntryRepository entries;
    private final JudgingRepository judging;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final ContestsProperties properties;
    private final Clock clock;

    ContestCatalog(ContestRepository contests, EntryRepository entries, JudgingRepository judging, StaffDirectory staff,
                   AuditLog audit, ContestsProperties properties, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.judging = judging;
        this.staff = staff;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public long maxUploadBytes() {
        return properties.maxUpload().toBytes();
    }

    public Contest get(long id) {
        return contests.get(id);
    }

    public List<Contest> all() {
        return contests.all();
    }

    /** Contests residents can see (announced, open or judging), soonest deadline first. */
    public List<Contest> published() {
        return contests.withStatus(List.of(ContestStatus.OPEN, ContestStatus.JUDGING, ContestStatus.AWARDED,
                ContestStatus.ANNOUNCED));
    }

    public boolean acceptsEntriesNow(Contest c) {
        return c.acceptsEntriesAt(clock.instant());
    }

    public boolean votingNow(Contest c) {
        return c.votingOpenAt(clock.instant());
    }

    public long entryCount(long contestId) {
        return entries.countActive(contestId);
    }

    @Transactional
    public long create(ContestDefinition def) {
        Contest c = Contest.create(def, null, maxUploadBytes());
        long id = contests.insert(c, clock.instant());
        audit.record("contests.contest.created", "contests.contest", id, def.kind().label() + " 공모전 '" + def.title() + "' 등록");
        return id;
    }

    /** Initial data: creates the contest once under a stable key (no audit actor needed). */
    @Transactional
    public long createSeeded(ContestDefinition def, String seedKey) {
        return contests.findBySeedKey(seedKey).map(Contest::id).orElseGet(() -> {
            long id = contests.insert(Contest.create(def, seedKey, maxUploadBytes()), clock.instant());
            audit.recordAs("seed", "contests.contest.seeded", "contests.contest", id, def.title());
            return id;
        });
    }

    @Transactional
    public void update(long id, ContestDefinition def) {
        Contest c = contests.lock(id);
        c.redefine(def, maxUploadBytes(), entries.countAll(id) > 0);
        contests.update(c, clock.instant());
        audit.record("contests.contest.updated", "contests.contest", id, "공모전 '" + def.title() + "' 수정");
    }

    @Transactional
    public void publish(long id) {
        Contest c = contests.lock(id);
        c.publish();
        contests.update(c, clock.instant());
        audit.record("contests.contest.published", "contests.contest", id, "공모전 '" + c.title() + "' 공고");
    }

    @Transactional
    public void unpublish(long id) {
        Contest c = contests.lock(id);
        c.unpublish(entries.countAll(id) > 0);
        contests.update(c, clock.instant());
        audit.record("contests.contest.unpublished", "contests.contest", id, "공모전 '" + c.title() + "' 공고 취소");
    }

    // ---- prizes (the budget holds for the definition and, in Awards, for the decisions)

    public List<Prize> prizes(long contestId) {
        return contests.prizes(contestId);
    }

    @Transactional
    public long addPrize(long contestId, int rank, String name, int winners, long amountWon, String goods) {
        Contest c = contests.lock(contestId);
        if (c.status().compareTo(ContestStatus.AWARDED) >= 0) {
            throw DomainException.conflict("contests.prize.locked", "시상을 확정한 뒤에는 상을 바꿀 수 없습니다.");
        }
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new DomainException("contests.prize.name", "상 이름을 50자 이내로 입력하세요(예: 대상).");
        }
        if (rank < 1 || rank > 50) {
            throw new DomainException("contests.prize.rank", "순위는 1~50 사이여야 합니다.");
        }
        if (winners < 1 || winners > 1000) {
            throw new DomainException("contests.prize.winners", "수상 인원은 1명 이상이어야 합니다.");
        }
        if (amountWon < 0) {
            throw new DomainException("contests.prize.amount", "상금은 0원 이상이어야 합니다.");
        }
        List<Prize> existing = contests.prizes(contestId);
        if (existing.stream().anyMatch(p -> p.rank() == rank)) {
            throw DomainException.conflict("contests.prize.rank-taken", rank + "순위 상이 이미 있습니다.");
        }
        long total = existing.stream().mapToLong(Prize::totalWon).sum() + Math.multiplyExact(amountWon, (long) winners);
        long budget = c.def().prizeBudgetWon();
        if (total > budget) {
            throw new DomainException("contests.prize.over-budget", "상금 합계 " + won(total) + "이 총 시상금 예산 "
                    + won(budget) + "을 넘습니다.");
        }
        long id = contests.insertPrize(contestId, rank, name.strip(), winners, amountWon, goods == null ? "" : goods.strip());
        audit.record("contests.prize.added", "contests.contest", contestId,
                name.strip() + " " + winners + "명 × " + won(amountWon));
        return id;
    }

    @Transactional
    public void removePrize(long contestId, long prizeId) {
        Contest c = contests.lock(contestId);
        if (c.status().compareTo(ContestStatus.AWARDED) >= 0) {
            throw DomainException.conflict("contests.prize.locked", "시상을 확정한 뒤에는 상을 바꿀 수 없습니다.");
        }
        try {
            if (contests.deletePrize(contestId, prizeId) == 0) {
                throw DomainException.notFound("상", prizeId);
            }
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw DomainException.conflict("contests.prize.awarded", "이미 수상작이 정해진 상은 지울 수 없습니다. 수상 결정을 먼저 취소하세요.");
        }
        audit.record("contests.prize.removed", "contests.contest", contestId, "상 #" + prizeId + " 삭제");
    }

    // ---- criteria

    public List<Criterion> criteria(long contestId) {
        return contests.criteria(contestId);
    }

    @Transactional
    public long addCriterion(long contestId, String name, String description, int weight) {
        Contest c = contests.lock(contestId);
        requireBeforeJudging(c);
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new DomainException("contests.criterion.name", "심사 기준 이름을 50자 이내로 입력하세요.");
        }
        if (weight < 1 || weight > 100) {
            throw new DomainException("contests.criterion.weight", "가중치는 1~100 사이여야 합니다.");
        }
        List<Criterion> existing = contests.criteria(contestId);
        int sum = existing.stream().mapToInt(Criterion::weight).sum() + weight;
        if (sum > 100) {
            throw new DomainException("contests.criterion.over", "가중치 합계가 100을 넘습니다(지금 "
                    + (sum - weight) + ", 추가 " + weight + ").");
        }
        if (existing.stream().anyMatch(x -> x.name().equals(name.strip()))) {
            throw DomainException.conflict("contests.criterion.duplicate", "같은 이름의 심사 기준이 있습니다.");
        }
        long id = contests.insertCriterion(contestId, name.strip(), description, weight);
        audit.record("contests.criterion.added", "contests.contest", contestId, name.strip() + " (" + weight + "%)");
        return id;
    }

    @Transactional
    public void removeCriterion(long contestId, long criterionId) {
        Contest c = contests.lock(contestId);
        requireBeforeJudging(c);
        if (contests.deleteCriterion(contestId, criterionId) == 0) {
            throw DomainException.notFound("심사 기준", criterionId);
        }
        audit.record("contests.criterion.removed", "contests.contest", contestId, "심사 기준 #" + criterionId + " 삭제");
    }

    private static void requireBeforeJudging(Contest c) {
        if (c.status().compareTo(ContestStatus.JUDGING) >= 0) {
            throw DomainException.conflict("contests.criterion.locked", "심사를 시작한 뒤에는 심사 기준을 바꿀 수 없습니다.");
        }
    }

    // ---- panels and judges

    public List<Panel> panels(long contestId) {
        return contests.panels(contestId);
    }

    @Transactional
    public long addPanel(long contestId, String name) {
        contests.lock(contestId);
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new DomainException("contests.panel.name", "심사위원단 이름을 50자 이내로 입력하세요.");
        }
        if (contests.panels(contestId).stream().anyMatch(p -> p.name().equals(name.strip()))) {
            throw DomainException.conflict("contests.panel.duplicate", "같은 이름의 심사위원단이 있습니다.");
        }
        long id = contests.insertPanel(contestId, name.strip());
        audit.record("contests.panel.added", "contests.contest", contestId, "심사위원단 '" + name.strip() + "'");
        return id;
    }

    @Transactional
    public long addJudge(long contestId, long panelId, long accountId) {
        Contest c = contests.lock(contestId);
        if (c.status().compareTo(ContestStatus.AWARDED) >= 0) {
            throw DomainException.conflict("contests.judge.locked", "시상을 확정한 뒤에는 심사위원을 바꿀 수 없습니다.");
        }
        if (contests.panels(contestId).stream().noneMatch(p -> p.id() == panelId)) {
            throw DomainException.notFound("심사위원단", panelId);
        }
        StaffMember m = staff.byId(accountId).filter(StaffMember::enabled)
                .orElseThrow(() -> DomainException.notFound("직원 계정", accountId));
        if (contests.judgeOf(contestId, accountId).isPresent()) {
            throw DomainException.conflict("contests.judge.duplicate", m.displayName() + " 님은 이미 이 공모전의 심사위원입니다.");
        }
        long id = contests.insertJudge(contestId, panelId, accountId, m.displayName());
        audit.record("contests.judge.added", "contests.contest", contestId, "심사위원 " + m.displayName() + " 배정");
        return id;
    }

    @Transactional
    public void removeJudge(long contestId, long judgeId) {
        contests.lock(contestId);
        if (judging.judgeHasScores(judgeId)) {
            throw DomainException.conflict("contests.judge.scored", "이미 채점한 심사위원은 뺄 수 없습니다. 필요하면 작품별로 제외하세요.");
        }
        if (contests.deleteJudge(contestId, judgeId) == 0) {
            throw DomainException.notFound("심사위원", judgeId);
        }
        audit.record("contests.judge.removed", "contests.contest", contestId, "심사위원 #" + judgeId + " 배정 취소");
    }

    static String won(long amount) {
        return String.format("%,d원", amount);
    }
}
