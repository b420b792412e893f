package kr.sotong.contests.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.sotong.contests.media.MediaFormat;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blind judging. Judges are staff accounts on a panel; they see entries only by a blind code with the work
 * itself (metadata-free copy), never the entrant, receipt number or original file name. Per-criterion scores on
 * the contest's scale, recusal (declared by the judge or found by the coordinator, which removes that judge's
 * scores for the entry), and the ranking ({@link Ranking}).
 */
@Service
public class Judging {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContestRepository contests;
    private final EntryRepository entries;
    private final JudgingRepository judging;
    private final StaffDirectory staff;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Judging(ContestRepository contests, EntryRepository entries, JudgingRepository judging, StaffDirectory staff,
            PersonalDataCipher cipher, AuditLog audit, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.judging = judging;
        this.staff = staff;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------ coordinator

    /**
     * Closes entry and opens judging: every live entry gets a blind code and a panel (round-robin in random
     * order); judges whose name or e-mail equals an entrant's are excluded from that entry at once.
     */
    @Transactional
    public void start(long contestId) {
        Contest c = contests.lock(contestId);
        int weights = contests.criteria(contestId).stream().mapToInt(Criterion::weight).sum();
        List<Panel> panels = contests.panels(contestId).stream().filter(p -> !p.judges().isEmpty()).toList();
        int judgeCount = panels.stream().mapToInt(p -> p.judges().size()).sum();
        c.startJudging(clock.instant(), weights, judgeCount);
        contests.update(c, clock.instant());
        List<Entry> live = new ArrayList<>(entries.activeOfContest(contestId));
        Collections.shuffle(live, RANDOM);
        Set<String> used = new HashSet<>();
        Map<Long, StaffMember> accounts = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            Entry e = live.get(i);
            String code;
            do {
                code = blindCode();
            } while (!used.add(code));
            Panel panel = panels.get(i % panels.size());
            entries.setBlindCodeAndPanel(e.id(), code, panel.id());
            String nameHash = cipher.lookupHash(cipher.decrypt(e.nameEnc()).strip());
            String emailHash = e.emailEnc() == null ? null : cipher.lookupHash(cipher.decrypt(e.emailEnc()));
            for (Judge j : panel.judges()) {
                StaffMember m = accounts.computeIfAbsent(j.accountId(), id -> staff.byId(id).orElse(null));
                boolean sameName = cipher.lookupHash(j.displayName().strip()).equals(nameHash);
                boolean sameEmail = m != null && m.email() != null && emailHash != null
                        && cipher.lookupHash(m.email().strip().toLowerCase(Locale.ROOT)).equals(emailHash);
                if (sameName || sameEmail) {
                    judging.insertRecusal(e.id(), j.id(), "FOUND", "자동 확인: 응모자와 심사위원의 "
                            + (sameName ? "이름" : "이메일") + "이 같음", "system", clock.instant());
                }
            }
        }
        audit.record("contests.judging.started", "contests.contest", contestId,
                c.title() + " 심사 시작: 응모작 " + live.size() + "편, 심사위원단 " + panels.size() + "개");
    }

    static String blindCode() {
        StringBuilder sb = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The coordinator found a judge related to an entrant: that judge is excluded from the entry. */
    @Transactional
    public void exclude(long contestId, long judgeId, long entryId, String reason) {
        Contest c = contests.get(contestId);
        requireJudgingOpen(c);
        Entry e = entries.get(entryId);
        Judge j = contests.judges(contestId).stream().filter(x -> x.id() == judgeId).findFirst()
                .orElseThrow(() -> DomainException.notFound("심사위원", judgeId));
        if (e.contestId() != contestId) {
            throw DomainException.notFound("응모작", entryId);
        }
        String why = reason == null || reason.isBlank() ? "관계 확인됨" : reason.strip();
        judging.insertRecusal(entryId, j.id(), "FOUND", why, staff.currentActor(), clock.instant());
        int removed = judging.deleteScores(entryId, j.id());
        audit.record("contests.judging.excluded", "contests.entry", entryId,
                j.displayName() + " 위원을 " + e.blindCode() + " 심사에서 제외(" + why + "), 지운 점수 " + removed + "건");
    }

    @Transactional
    public void movePanel(long contestId, long entryId, long panelId) {
        Contest c = contests.get(contestId);
        requireJudgingOpen(c);
        Entry e = entries.get(entryId);
        if (e.contestId() != contestId || contests.panels(contestId).stream().noneMatch(p -> p.id() == panelId)) {
            throw DomainException.notFound("심사위원단", panelId);
        }
        entries.setPanel(entryId, panelId);
        audit.record("contests.judging.panel-moved", "contests.entry", entryId, e.blindCode() + " 심사위원단 변경");
    }

    private static void requireJudgingOpen(Contest c) {
        if (c.status() != ContestStatus.JUDGING) {
            throw DomainException.conflict("contests.judging.closed", "심사 중인 공모전에서만 할 수 있습니다.");
        }
    }

    public record Progress(Judge judge, String panelName, int assigned, int finished, int recused) {
    }

    public List<Progress> progress(long contestId) {
        List<Criterion> criteria = contests.criteria(contestId);
        Map<Long, String> panelNames = contests.panels(contestId).stream().collect(Collectors.toMap(Panel::id, Panel::name));
        List<Entry> live = entries.activeOfContest(contestId);
        Set<String> recused = judging.recusals(contestId).stream().map(r -> r.entryId() + ":" + r.judgeId())
                .collect(Collectors.toSet());
        Map<String, Integer> counts = new HashMap<>();
        for (Ranking.Score s : judging.scores(contestId)) {
            counts.merge(s.entryId() + ":" + s.judgeId(), 1, Integer::sum);
        }
        List<Progress> out = new ArrayList<>();
        for (Judge j : contests.judges(contestId)) {
            int assigned = 0;
            int done = 0;
            int rec = 0;
            for (Entry e : live) {
                if (e.panelId() == null || e.panelId() != j.panelId()) {
                    continue;
                }
                if (recused.contains(e.id() + ":" + j.id())) {
                    rec++;
                    continue;
                }
                assigned++;
                if (counts.getOrDefault(e.id() + ":" + j.id(), 0) >= criteria.size() && !criteria.isEmpty()) {
                    done++;
                }
            }
            out.add(new Progress(j, panelNames.getOrDefault(j.panelId(), ""), assigned, done, rec));
        }
        return out;
    }

    /** The ranking of the contest's live entries (see {@link Ranking} for the rules). */
    public List<Ranking.Row> ranking(long contestId) {
        Contest c = contests.get(contestId);
        List<Criterion> criteria = contests.criteria(contestId);
        Map<Long, List<Judge>> byPanel = contests.judges(contestId).stream().collect(Collectors.groupingBy(Judge::panelId));
        Set<String> recused = judging.recusals(contestId).stream().map(r -> r.entryId() + ":" + r.judgeId())
                .collect(Collectors.toSet());
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (Entry e : entries.activeOfContest(contestId)) {
            Set<Long> eligible = new HashSet<>();
            if (e.panelId() != null) {
                for (Judge j : byPanel.getOrDefault(e.panelId(), List.of())) {
                    if (!recused.contains(e.id() + ":" + j.id())) {
                        eligible.add(j.id());
                    }
                }
            }
            candidates.add(new Ranking.Candidate(e.id(), e.submittedAt(), eligible));
        }
        return Ranking.rank(new Ranking.Input(criteria, c.def().scoreScaleMax(), c.def().normaliseScores(),
                c.def().publicVote(), c.def().voteWeightPercent(), candidates, judging.scores(contestId),
                c.def().publicVote() ? judging.votes(contestId) : Map.of()));
    }

    public List<JudgingRepository.Recusal> recusals(long contestId) {
        return judging.recusals(contestId);
    }

    // ------------------------------------------------------------ judge side (blind)

    public record Assignment(long contestId, String contestTitle, String kindLabel, String statusLabel, String panelName,
                             int assigned, int finished) {
    }

    public List<Assignment> assignments(long accountId) {
        List<Assignment> out = new ArrayList<>();
        for (long contestId : contests.contestsJudgedBy(accountId)) {
            Contest c = contests.get(contestId);
            if (c.status() == ContestStatus.DRAFT || c.status() == ContestStatus.OPEN) {
                out.add(new Assignment(contestId, c.title(), c.kind().label(), "심사 시작 전", "", 0, 0));
                continue;
            }
            Progress p = progress(contestId).stream().filter(x -> x.judge().accountId() == accountId).findFirst().orElse(null);
            out.add(new Assignment(contestId, c.title(), c.kind().label(), c.status().label(),
                    p == null ? "" : p.panelName(), p == null ? 0 : p.assigned(), p == null ? 0 : p.finished()));
        }
        return out;
    }

    /** What a judge may know about an entry: the work, never the person. */
    public record BlindEntry(String blindCode, String title, String description, String aiService, String aiLicence,
                             String lyrics, MediaFormat.Category category, String mediaSummary, boolean mediaReady,
                             String mediaType, boolean recused, String recusalReason, Map<Long, Integer> myScores,
                             boolean finished) {
    }

    public record Board(long contestId, String contestTitle, ContestKind kind, List<String> themes, boolean open,
                        int scaleMax, List<Criterion> criteria, List<BlindEntry> entries) {
    }

    public Board board(long contestId, long accountId) {
        Contest c = contests.get(contestId);
        Judge j = judgeOrForbidden(contestId, accountId);
        if (c.status() == ContestStatus.DRAFT || c.status() == ContestStatus.OPEN) {
            throw DomainException.conflict("contests.judging.not-started", "아직 심사가 시작되지 않았습니다.");
        }
        List<Criterion> criteria = contests.criteria(contestId);
        Map<Long, JudgingRepository.Recusal> recusals = judging.recusals(contestId).stream()
                .filter(r -> r.judgeId() == j.id()).collect(Collectors.toMap(JudgingRepository.Recusal::entryId, r -> r,
                        (a, b) -> a));
        List<BlindEntry> rows = new ArrayList<>();
        for (Entry e : entries.activeOfContest(contestId)) {
            if (e.panelId() == null || e.panelId() != j.panelId()) {
                continue;
            }
            rows.add(blind(e, criteria, j, recusals.get(e.id())));
        }
        rows.sort((a, b) -> a.blindCode().compareTo(b.blindCode()));
        return new Board(contestId, c.title(), c.kind(), c.themes(), c.status() == ContestStatus.JUDGING,
                c.def().scoreScaleMax(), criteria, rows);
    }

    public record BlindDetail(Board board, BlindEntry entry) {
    }

    public BlindDetail entry(long contestId, long accountId, String blindCode) {
        Board board = board(contestId, accountId);
        BlindEntry e = board.entries().stream().filter(x -> x.blindCode().equals(blindCode)).findFirst()
                .orElseThrow(() -> DomainException.notFound("심사 대상 작품", blindCode));
        return new BlindDetail(board, e);
    }

    private BlindEntry blind(Entry e, List<Criterion> criteria, Judge j, JudgingRepository.Recusal recusal) {
        Map<Long, Integer> mine = recusal == null ? judging.scoresOf(e.id(), j.id()) : Map.of();
        boolean finished = !criteria.isEmpty() && criteria.stream().allMatch(c -> mine.containsKey(c.id()));
        return new BlindEntry(e.blindCode(), e.title(), e.description(), e.aiService(), e.aiLicence(), e.lyrics(),
                e.media().category(), e.media().summary(), e.publicSha256() != null, e.publicType(), recusal != null,
                recusal == null ? null : recusal.reason(), mine, finished);
    }

    /** The metadata-free copy a judge may play, when the judge is on the entry's panel and not recused. */
    public Optional<String[]> judgeMedia(long contestId, long accountId, String blindCode) {
        Judge j = judgeOrForbidden(contestId, accountId);
        return entries.byBlindCode(contestId, blindCode)
                .filter(e -> e.active() && e.panelId() != null && e.panelId() == j.panelId())
                .filter(e -> !judging.recused(e.id(), j.id()))
                .filter(e -> e.publicSha256() != null)
                .map(e -> new String[] {e.publicSha256(), e.publicType()});
    }

    /** Saves all criterion scores of one entry at once; any value off the scale saves nothing. */
    @Transactional
    public void score(long contestId, long accountId, String blindCode, Map<Long, String> raw) {
        Contest c = contests.get(contestId);
        Judge j = judgeOrForbidden(contestId, accountId);
        requireJudgingOpen(c);
        Entry e = panelEntry(contestId, j, blindCode);
        if (judging.recused(e.id(), j.id())) {
            throw DomainException.conflict("contests.judging.recused", "회피(제외)된 작품은 채점할 수 없습니다.");
        }
        int scale = c.def().scoreScaleMax();
        Map<Long, Integer> points = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Criterion cr : contests.criteria(contestId)) {
            String v = raw.get(cr.id());
            if (v == null || v.isBlank()) {
                problems.add("'" + cr.name() + "' 점수를 입력하세요");
                continue;
            }
            try {
                int p = Integer.parseInt(v.strip());
                if (p < 0 || p > scale) {
                    problems.add("'" + cr.name() + "' 점수 " + p + "점은 척도(0~" + scale + "점)를 벗어납니다");
                } else {
                    points.put(cr.id(), p);
                }
            } catch (NumberFormatException ex) {
                problems.add("'" + cr.name() + "' 점수는 0~" + scale + " 사이의 정수여야 합니다");
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException("contests.judging.scale", String.join(". ", problems) + ".");
        }
        Instant now = clock.instant();
        points.forEach((criterion, p) -> judging.upsertScore(e.id(), j.id(), criterion, p, now));
        audit.record("contests.judging.scored", "contests.entry", e.id(),
                "심사위원 #" + j.id() + " 채점 " + e.blindCode() + " (" + points.values().stream().map(String::valueOf)
                        .collect(Collectors.joining("/")) + ")");
    }

    /** A judge declares a conflict of interest: excluded from the entry, earlier scores removed. */
    @Transactional
    public void declareConflict(long contestId, long accountId, String blindCode, String reason) {
        Contest c = contests.get(contestId);
        Judge j = judgeOrForbidden(contestId, accountId);
        requireJudgingOpen(c);
        Entry e = panelEntry(contestId, j, blindCode);
        String why = reason == null || reason.isBlank() ? "이해관계 신고" : reason.strip();
        if (why.length() > 500) {
            throw new DomainException("contests.judging.reason", "사유는 500자 이내로 써 주세요.");
        }
        judging.insertRecusal(e.id(), j.id(), "DECLARED", why, staff.currentActor(), clock.instant());
        judging.deleteScores(e.id(), j.id());
        audit.record("contests.judging.recused", "contests.entry", e.id(), "심사위원 #" + j.id() + " 회피 신고: " + e.blindCode());
    }

    /** A live entry of the judge's panel, by its blind code. */
    private Entry panelEntry(long contestId, Judge j, String blindCode) {
        return entries.byBlindCode(contestId, blindCode).filter(Entry::active)
                .filter(x -> x.panelId() != null && x.panelId() == j.panelId())
                .orElseThrow(() -> DomainException.notFound("심사 대상 작품", blindCode));
    }

    public boolean isJudge(long contestId, long accountId) {
        return contests.judgeOf(contestId, accountId).isPresent();
    }

    private Judge judgeOrForbidden(long contestId, long accountId) {
        return contests.judgeOf(contestId, accountId)
                .orElseThrow(() -> DomainException.forbidden("이 공모전의 심사위원이 아닙니다."));
    }
}
