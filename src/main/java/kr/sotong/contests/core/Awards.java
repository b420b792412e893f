package kr.sotong.contests.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.contests.ContestWinnersAnnounced;
import kr.sotong.contests.UsageType;
import kr.sotong.contests.WorkUsages;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prizes to entries within the budget, confirmation and announcement (publishes {@link ContestWinnersAnnounced}),
 * the public results, the export for prize payment (access-logged) and where winning works are used.
 */
@Service
public class Awards implements WorkUsages {

    private final ContestRepository contests;
    private final EntryRepository entries;
    private final AwardRepository awards;
    private final Judging judging;
    private final PersonalDataCipher cipher;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Awards(ContestRepository contests, EntryRepository entries, AwardRepository awards, Judging judging,
           PersonalDataCipher cipher, StaffDirectory staff, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.awards = awards;
        this.judging = judging;
        this.cipher = cipher;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record AwardRow(long entryId, long prizeId, int prizeRank, String prizeName, long amountWon, String goods,
                           String receiptNo, String blindCode, String title, String maskedName) {
    }

    public List<AwardRow> awards(long contestId) {
        Map<Long, Prize> prizes = contests.prizes(contestId).stream().collect(Collectors.toMap(Prize::id, Function.identity()));
        List<AwardRow> rows = new ArrayList<>();
        for (AwardRepository.Award a : awards.awards(contestId)) {
            Entry e = entries.get(a.entryId());
            Prize p = prizes.get(a.prizeId());
            rows.add(new AwardRow(e.id(), p.id(), p.rank(), p.name(), a.amountWon(), p.goods(), e.receiptNo(), e.blindCode(),
                    e.title(), Masking.name(cipher.decrypt(e.nameEnc()))));
        }
        return rows;
    }

    public long awardedTotal(long contestId) {
        return awards.awards(contestId).stream().mapToLong(AwardRepository.Award::amountWon).sum();
    }

    /** Fills the prizes in rank order from the ranking. Needs every entry fully judged. */
    @Transactional
    public void propose(long contestId) {
        Contest c = contests.lock(contestId);
        requireJudging(c);
        List<Ranking.Row> ranking = judging.ranking(contestId);
        long incomplete = ranking.stream().filter(r -> !r.complete()).count();
        if (incomplete > 0) {
            throw DomainException.conflict("contests.awards.incomplete",
                    "심사가 끝나지 않은 작품이 " + incomplete + "편 있습니다. 모든 심사위원이 채점한 뒤 제안할 수 있습니다.");
        }
        List<Prize> prizes = contests.prizes(contestId);
        if (prizes.isEmpty()) {
            throw new DomainException("contests.awards.no-prizes", "시상 내역(상 이름, 인원, 상금)을 먼저 정하세요.");
        }
        awards.deleteAll(contestId);
        int next = 0;
        long total = 0;
        Instant now = clock.instant();
        for (Prize p : prizes) {
            for (int k = 0; k < p.winners() && next < ranking.size(); k++) {
                total += p.amountWon();
                awards.insert(contestId, ranking.get(next++).entryId(), p.id(), p.amountWon(), staff.currentActor(), now);
            }
        }
        checkBudget(c, total);
        audit.record("contests.awards.proposed", "contests.contest", contestId, "순위에 따라 " + next + "편 수상 제안, 상금 "
                + ContestCatalog.won(total));
    }

    @Transactional
    public void assign(long contestId, long entryId, long prizeId) {
        Contest c = contests.lock(contestId);
        requireJudging(c);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId || !e.active()) {
            throw new DomainException("contests.awards.entry", "심사 대상인 응모작만 수상작으로 정할 수 있습니다.");
        }
        Prize p = contests.prizes(contestId).stream().filter(x -> x.id() == prizeId).findFirst()
                .orElseThrow(() -> DomainException.notFound("상", prizeId));
        List<AwardRepository.Award> current = awards.awards(contestId);
        if (current.stream().anyMatch(a -> a.entryId() == entryId)) {
            throw DomainException.conflict("contests.awards.twice", "이 작품은 이미 수상작입니다. 먼저 기존 결정을 취소하세요.");
        }
        long taken = current.stream().filter(a -> a.prizeId() == prizeId).count();
        if (taken >= p.winners()) {
            throw DomainException.conflict("contests.awards.full", p.name() + "은(는) " + p.winners() + "명까지입니다.");
        }
        long total = current.stream().mapToLong(AwardRepository.Award::amountWon).sum() + p.amountWon();
        checkBudget(c, total);
        awards.insert(contestId, entryId, prizeId, p.amountWon(), staff.currentActor(), clock.instant());
        audit.record("contests.awards.assigned", "contests.entry", entryId, e.receiptNo() + " → " + p.name());
    }

    @Transactional
    public void revoke(long contestId, long entryId) {
        Contest c = contests.lock(contestId);
        requireJudging(c);
        if (awards.delete(contestId, entryId) == 0) {
            throw DomainException.notFound("수상 결정", entryId);
        }
        audit.record("contests.awards.revoked", "contests.entry", entryId, "수상 결정 취소");
    }

    /** Removes an award of an entry being disqualified (allowed only before confirmation). */
    void revokeIfAny(long contestId, long entryId) {
        if (awards.delete(contestId, entryId) > 0) {
            audit.record("contests.awards.revoked", "contests.entry", entryId, "제외에 따라 수상 결정 취소");
        }
    }

    private static void checkBudget(Contest c, long total) {
        if (total > c.def().prizeBudgetWon()) {
            throw new DomainException("contests.awards.over-budget", "수상 상금 합계 " + ContestCatalog.won(total)
                    + "이 총 시상금 예산 " + ContestCatalog.won(c.def().prizeBudgetWon()) + "을 넘습니다.");
        }
    }

    private static void requireJudging(Contest c) {
        if (c.status() != ContestStatus.JUDGING) {
            throw DomainException.conflict("contests.awards.state", "심사 중인 공모전에서만 수상작을 정할 수 있습니다.");
        }
    }

    @Transactional
    public void confirm(long contestId) {
        Contest c = contests.lock(contestId);
        List<AwardRepository.Award> current = awards.awards(contestId);
        if (current.isEmpty()) {
            throw new DomainException("contests.awards.none", "수상작을 한 편 이상 정하세요.");
        }
        checkBudget(c, current.stream().mapToLong(AwardRepository.Award::amountWon).sum());
        for (AwardRepository.Award a : current) {
            if (!entries.get(a.entryId()).active()) {
                throw DomainException.conflict("contests.awards.inactive", "제외되거나 철회된 응모작이 수상작에 있습니다.");
            }
        }
        c.confirmAwards();
        contests.update(c, clock.instant());
        audit.record("contests.awards.confirmed", "contests.contest", contestId, "시상 확정: " + current.size() + "편");
    }

    @Transactional
    public void reopen(long contestId) {
        Contest c = contests.lock(contestId);
        c.reopenAwards();
        contests.update(c, clock.instant());
        audit.record("contests.awards.reopened", "contests.contest", contestId, "시상 확정 취소(심사 단계로)");
    }

    /** Publishes the results; winners' works must have their metadata-free public copy. */
    @Transactional
    public void announce(long contestId, String text) {
        Contest c = contests.lock(contestId);
        List<AwardRow> rows = awards(contestId);
        List<ContestWinnersAnnounced.Winner> winners = new ArrayList<>();
        for (AwardRow r : rows) {
            Entry e = entries.get(r.entryId());
            if (e.publicSha256() == null) {
                throw DomainException.conflict("contests.announce.public-copy", "수상작 " + e.receiptNo()
                        + "의 공개본(메타데이터 제거본)이 아직 없습니다" + (e.publicError() == null ? "" : ": " + e.publicError()));
            }
            winners.add(new ContestWinnersAnnounced.Winner(e.id(), r.prizeRank(), r.prizeName(), e.title(),
                    e.publicSha256(), e.publicType(), r.maskedName()));
        }
        c.announce(clock.instant(), text);
        contests.update(c, clock.instant());
        audit.record("contests.results.announced", "contests.contest", contestId,
                c.title() + " 결과 발표: 수상 " + winners.size() + "편");
        events.publishEvent(new ContestWinnersAnnounced(contestId, c.title(), c.kind().name(), winners));
    }

    // ------------------------------------------------------------ public results

    public record Winner(long entryId, int prizeRank, String prizeName, String title, String description,
                         String maskedName, String category, String mediaType) {
    }

    public record Results(Contest contest, List<Winner> winners) {
    }

    public Optional<Results> results(long contestId) {
        Contest c = contests.get(contestId);
        if (c.status() != ContestStatus.ANNOUNCED) {
            return Optional.empty();
        }
        List<Winner> list = new ArrayList<>();
        for (AwardRow r : awards(contestId)) {
            Entry e = entries.get(r.entryId());
            list.add(new Winner(e.id(), r.prizeRank(), r.prizeName(), e.title(), e.description(), r.maskedName(),
                    e.media().category().name(), e.publicType()));
        }
        return Optional.of(new Results(c, list));
    }

    /**
     * The metadata-free copy of an entry the public may see: a winner of an announced contest, or a candidate of
     * an open public vote.
     */
    public Optional<String[]> publicMedia(long contestId, long entryId) {
        Contest c = contests.get(contestId);
        Optional<Entry> e = entries.find(entryId).filter(x -> x.contestId() == contestId && x.publicSha256() != null);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        boolean winner = c.status() == ContestStatus.ANNOUNCED && awards.awarded(entryId);
        boolean candidate = c.votingOpenAt(clock.instant()) && e.get().active();
        return winner || candidate ? Optional.of(new String[] {e.get().publicSha256(), e.get().publicType()}) : Optional.empty();
    }

    // ------------------------------------------------------------ export for prize payment

    /** XLSX with the winners' real names and contacts; every row is written to the access log. */
    @Transactional
    public byte[] exportForPayment(long contestId) {
        Contest c = contests.get(contestId);
        if (c.status().compareTo(ContestStatus.AWARDED) < 0) {
            throw DomainException.conflict("contests.export.state", "시상을 확정한 뒤에 지급용 명단을 내려받을 수 있습니다.");
        }
        List<AwardRow> rows = awards(contestId);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("상금 지급");
            String[] head = {"순위", "상", "상금(원)", "부상", "접수번호", "작품명", "성명", "휴대전화", "이메일", "생년월일",
                    "미성년", "법정대리인", "법정대리인 연락처"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int r = 1;
            long total = 0;
            for (AwardRow a : rows) {
                Entry e = entries.get(a.entryId());
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(a.prizeRank());
                row.createCell(1).setCellValue(Spreadsheets.safeText(a.prizeName()));
                row.createCell(2).setCellValue(a.amountWon());
                row.createCell(3).setCellValue(Spreadsheets.safeText(a.goods()));
                row.createCell(4).setCellValue(e.receiptNo());
                row.createCell(5).setCellValue(Spreadsheets.safeText(e.title()));
                row.createCell(6).setCellValue(Spreadsheets.safeText(cipher.decrypt(e.nameEnc())));
                row.createCell(7).setCellValue(kr.sotong.shared.PhoneNumber.parse(cipher.decrypt(e.phoneEnc())).formatted());
                row.createCell(8).setCellValue(e.emailEnc() == null ? "" : Spreadsheets.safeText(cipher.decrypt(e.emailEnc())));
                row.createCell(9).setCellValue(cipher.decrypt(e.birthDateEnc()));
                row.createCell(10).setCellValue(e.minor() ? "예" : "아니요");
                row.createCell(11).setCellValue(e.guardianNameEnc() == null ? "" : Spreadsheets.safeText(cipher.decrypt(e.guardianNameEnc())));
                row.createCell(12).setCellValue(e.guardianPhoneEnc() == null ? ""
                        : kr.sotong.shared.PhoneNumber.parse(cipher.decrypt(e.guardianPhoneEnc())).formatted());
                total += a.amountWon();
                audit.recordAccess("contests.entry", e.id(), "상금 지급용 수상자 명단 내보내기(" + c.title() + ")");
            }
            Row sum = sheet.createRow(r);
            sum.createCell(1).setCellValue("합계");
            sum.createCell(2).setCellValue(total);
            for (int i = 0; i < head.length; i++) {
                sheet.autoSizeColumn(i);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------ usage of winning works

    @Override
    @Transactional
    public long record(long entryId, UsageType type, LocalDate usedOn, String note, String link) {
        Entry e = entries.get(entryId);
        if (!awards.awarded(entryId)) {
            throw new DomainException("contests.usage.not-winner", "수상작의 활용만 기록할 수 있습니다.");
        }
        if (type == null) {
            throw new DomainException("contests.usage.type", "활용 유형을 고르세요.");
        }
        if (usedOn == null) {
            throw new DomainException("contests.usage.date", "활용한 날짜를 입력하세요.");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 500) {
            throw new DomainException("contests.usage.note", "설명은 500자 이내로 써 주세요.");
        }
        String l = checkLink(link);
        long id = awards.insertUsage(e.contestId(), entryId, type, usedOn, n, l, staff.currentActor(), clock.instant());
        audit.record("contests.usage.recorded", "contests.entry", entryId, type.label() + " " + usedOn + (l == null ? "" : " " + l));
        return id;
    }

    static String checkLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.strip();
        if (l.length() > 500) {
            throw new DomainException("contests.usage.link", "링크는 500자 이내여야 합니다.");
        }
        if (l.startsWith("/") && !l.startsWith("//") && !l.contains("\\")) {
            return l;
        }
        try {
            URI u = URI.create(l);
            if (("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null) {
                return l;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through
        }
        throw new DomainException("contests.usage.link", "링크는 http(s) 주소나 이 사이트의 경로(/로 시작)여야 합니다.");
    }

    @Override
    public List<Usage> of(long entryId) {
        return awards.usagesOfEntry(entryId);
    }

    public List<Usage> usagesOfContest(long contestId) {
        return awards.usagesOfContest(contestId);
    }

    @Transactional
    public void deleteUsage(long contestId, long usageId) {
        if (awards.deleteUsage(contestId, usageId) == 0) {
            throw DomainException.notFound("활용 기록", usageId);
        }
        audit.record("contests.usage.deleted", "contests.contest", contestId, "활용 기록 #" + usageId + " 삭제");
    }

    Map<Long, String> prizeNames(long contestId) {
        Map<Long, String> m = new HashMap<>();
        for (AwardRow r : awards(contestId)) {
            m.put(r.entryId(), r.prizeName());
        }
        return m;
    }
}
