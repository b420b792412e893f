package kr.sotong.contests.core;

import java.time.Clock;
import java.util.List;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.PhoneNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Optional public vote: one vote per phone verified by a one-time code; only a keyed hash of the phone is kept. */
@Service
public class PublicVotes {

    static final String OTP_VOTE = "contests.vote";

    private final ContestRepository contests;
    private final EntryRepository entries;
    private final JudgingRepository judging;
    private final OneTimeCodes codes;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    PublicVotes(ContestRepository contests, EntryRepository entries, JudgingRepository judging, OneTimeCodes codes,
                PersonalDataCipher cipher, AuditLog audit, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.judging = judging;
        this.codes = codes;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record Candidate(long entryId, String title, String description, String category, String mediaType) {
    }

    public boolean open(long contestId) {
        return contests.get(contestId).votingOpenAt(clock.instant());
    }

    public List<Candidate> candidates(long contestId) {
        requireOpen(contestId);
        return entries.activeOfContest(contestId).stream().filter(e -> e.publicSha256() != null)
                .map(e -> new Candidate(e.id(), e.title(), e.description(), e.media().category().name(), e.publicType()))
                .toList();
    }

    private Contest requireOpen(long contestId) {
        Contest c = contests.get(contestId);
        if (!c.votingOpenAt(clock.instant())) {
            throw DomainException.conflict("contests.vote.closed", "지금은 공개 투표 기간이 아닙니다.");
        }
        return c;
    }

    private static PhoneNumber mobile(String phone) {
        PhoneNumber p = PhoneNumber.parse(phone);
        if (!p.isMobile()) {
            throw new DomainException("contests.vote.mobile", "휴대전화 번호로만 투표할 수 있습니다.");
        }
        return p;
    }

    @Transactional
    public OneTimeCodes.Issued requestCode(long contestId, String phone) {
        requireOpen(contestId);
        PhoneNumber p = mobile(phone);
        if (judging.hasVoted(contestId, cipher.lookupHash(p.digits()))) {
            throw DomainException.conflict("contests.vote.twice", "이 휴대전화 번호로 이미 투표했습니다. 한 번호당 한 번만 투표할 수 있습니다.");
        }
        return codes.issue(OTP_VOTE, p.digits());
    }

    @Transactional(noRollbackFor = DomainException.class)
    public void vote(long contestId, String phone, String code, long entryId) {
        requireOpen(contestId);
        PhoneNumber p = mobile(phone);
        Entry e = entries.find(entryId).filter(x -> x.contestId() == contestId && x.active() && x.publicSha256() != null)
                .orElseThrow(() -> new DomainException("contests.vote.entry", "투표할 작품을 고르세요."));
        String hash = cipher.lookupHash(p.digits());
        if (judging.hasVoted(contestId, hash)) {
            throw DomainException.conflict("contests.vote.twice", "이 휴대전화 번호로 이미 투표했습니다. 한 번호당 한 번만 투표할 수 있습니다.");
        }
        codes.verify(OTP_VOTE, p.digits(), code);
        if (!judging.insertVote(contestId, hash, e.id(), clock.instant())) {
            throw DomainException.conflict("contests.vote.twice", "이 휴대전화 번호로 이미 투표했습니다. 한 번호당 한 번만 투표할 수 있습니다.");
        }
        audit.recordAs("resident:" + p.masked(), "contests.vote.cast", "contests.contest", contestId, "공개 투표 1표");
    }
}
