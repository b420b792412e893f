package kr.sotong.contests.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's view of entries: masked by default, unmasked only on request with a purpose (access-logged),
 * disqualification with a reason. Staff who judge the contest are refused here — judging stays blind.
 */
@Service
public class StaffEntries {

    private final ContestRepository contests;
    private final EntryRepository entries;
    private final Awards awards;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final java.time.Clock clock;

    StaffEntries(ContestRepository contests, EntryRepository entries, Awards awards, PersonalDataCipher cipher,
                 AuditLog audit, java.time.Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.awards = awards;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record Similar(String otherReceiptNo, long otherEntryId, String kind, int distance) {
    }

    public record Row(long id, String receiptNo, String blindCode, String title, EntryStatus status, String statusReason,
                      Instant submittedAt, String maskedName, String maskedPhone, String basisLabel, boolean minor,
                      String mediaSummary, String mediaName, List<String> warnings, List<Similar> similar,
                      boolean publicReady, String publicError, String award) {
    }

    /** Throws FORBIDDEN when the viewer judges this contest. */
    public void requireNotJudge(long contestId, StaffMember viewer) {
        if (viewer != null && contests.judgeOf(contestId, viewer.id()).isPresent()) {
            throw DomainException.forbidden("이 공모전의 심사위원은 응모자 정보를 볼 수 없습니다(블라인드 심사).");
        }
    }

    public List<Row> list(long contestId, StaffMember viewer) {
        requireNotJudge(contestId, viewer);
        contests.get(contestId);
        List<Entry> all = entries.ofContest(contestId);
        Map<Long, Entry> byId = all.stream().collect(Collectors.toMap(Entry::id, Function.identity()));
        Map<Long, List<Similar>> similar = new java.util.HashMap<>();
        for (EntryRepository.Similar s : entries.similarities(contestId)) {
            Entry a = byId.get(s.entryId());
            Entry b = byId.get(s.otherEntryId());
            if (a == null || b == null) {
                continue;
            }
            similar.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(new Similar(b.receiptNo(), b.id(), s.kind(), s.distance()));
            similar.computeIfAbsent(b.id(), k -> new ArrayList<>()).add(new Similar(a.receiptNo(), a.id(), s.kind(), s.distance()));
        }
        Map<Long, String> prizes = awards.prizeNames(contestId);
        List<Row> rows = new ArrayList<>();
        for (Entry e : all) {
            rows.add(row(e, similar.getOrDefault(e.id(), List.of()), prizes.get(e.id())));
        }
        return rows;
    }

    private Row row(Entry e, List<Similar> similar, String award) {
        return new Row(e.id(), e.receiptNo(), e.blindCode(), e.title(), e.status(), e.statusReason(), e.submittedAt(),
                Masking.name(cipher.decrypt(e.nameEnc())), Masking.phone(cipher.decrypt(e.phoneEnc())), e.basisLabel(),
                e.minor(), e.media().summary(), e.media().originalName(), e.media().warnings(), similar,
                e.publicSha256() != null, e.publicError(), award);
    }

    public record Detail(Row row, Entry entry, List<String> consents) {
    }

    public Detail detail(long contestId, long entryId, StaffMember viewer) {
        requireNotJudge(contestId, viewer);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId) {
            throw DomainException.notFound("응모작", entryId);
        }
        Row row = list(contestId, viewer).stream().filter(r -> r.id() == entryId).findFirst().orElseThrow();
        return new Detail(row, e, entries.consents(entryId));
    }

    public record Personal(String name, String phone, String email, String birthDate, String guardianName,
                           String guardianPhone) {
    }

    /** Unmasked personal data, for a stated purpose; written to the access log. */
    @Transactional
    public Personal reveal(long contestId, long entryId, StaffMember viewer, String purpose) {
        requireNotJudge(contestId, viewer);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId) {
            throw DomainException.notFound("응모작", entryId);
        }
        String why = purpose == null || purpose.isBlank() ? null : purpose.strip();
        if (why == null || why.length() > 200) {
            throw new DomainException("contests.reveal.purpose", "개인정보를 보는 목적을 200자 이내로 적으세요(예: 수상자 연락).");
        }
        audit.recordAccess("contests.entry", entryId, "응모자 개인정보 열람: " + why);
        return new Personal(cipher.decrypt(e.nameEnc()),
                kr.sotong.shared.PhoneNumber.parse(cipher.decrypt(e.phoneEnc())).formatted(),
                e.emailEnc() == null ? "" : cipher.decrypt(e.emailEnc()), cipher.decrypt(e.birthDateEnc()),
                e.guardianNameEnc() == null ? "" : cipher.decrypt(e.guardianNameEnc()),
                e.guardianPhoneEnc() == null ? "" : kr.sotong.shared.PhoneNumber.parse(cipher.decrypt(e.guardianPhoneEnc())).formatted());
    }

    @Transactional
    public void disqualify(long contestId, long entryId, String reason) {
        Contest c = contests.lock(contestId);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId) {
            throw DomainException.notFound("응모작", entryId);
        }
        if (c.status().compareTo(ContestStatus.AWARDED) >= 0) {
            throw DomainException.conflict("contests.entry.locked", "시상을 확정한 뒤에는 응모작을 제외할 수 없습니다.");
        }
        if (e.status() != EntryStatus.SUBMITTED) {
            throw DomainException.conflict("contests.entry.not-active", "접수 상태인 응모작만 제외할 수 있습니다.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new DomainException("contests.entry.reason", "제외 사유를 500자 이내로 적으세요.");
        }
        awards.revokeIfAny(contestId, entryId);
        entries.setStatus(entryId, EntryStatus.DISQUALIFIED, why);
        audit.record("contests.entry.disqualified", "contests.entry", entryId, e.receiptNo() + " 심사 제외: " + why);
    }

    @Transactional
    public void reinstate(long contestId, long entryId) {
        Contest c = contests.lock(contestId);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId || e.status() != EntryStatus.DISQUALIFIED) {
            throw DomainException.conflict("contests.entry.not-disqualified", "제외된 응모작만 되살릴 수 있습니다.");
        }
        if (c.status().compareTo(ContestStatus.AWARDED) >= 0) {
            throw DomainException.conflict("contests.entry.locked", "시상을 확정한 뒤에는 바꿀 수 없습니다.");
        }
        entries.setStatus(entryId, EntryStatus.SUBMITTED, null);
        audit.record("contests.entry.reinstated", "contests.entry", entryId, e.receiptNo() + " 제외 취소");
    }

    /** The original file for staff (downloads for production use); never for judges. */
    public String[] original(long contestId, long entryId, StaffMember viewer) {
        requireNotJudge(contestId, viewer);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId) {
            throw DomainException.notFound("응모작", entryId);
        }
        return new String[] {e.media().sha256(), e.media().mediaType(), e.receiptNo() + "-" + e.media().originalName()};
    }

    /** The public (metadata-free) copy for staff screens. */
    public String[] publicCopy(long contestId, long entryId, StaffMember viewer) {
        requireNotJudge(contestId, viewer);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId || e.publicSha256() == null) {
            throw DomainException.notFound("공개본", entryId);
        }
        return new String[] {e.publicSha256(), e.publicType()};
    }

    public Instant now() {
        return clock.instant();
    }
}
