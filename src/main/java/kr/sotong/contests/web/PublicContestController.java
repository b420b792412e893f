package kr.sotong.contests.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.contests.core.Awards;
import kr.sotong.contests.core.Contest;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestStatus;
import kr.sotong.contests.core.EntryDesk;
import kr.sotong.contests.core.PublicVotes;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Residents' contest pages: list, details, results gallery, public vote and the entry status page. */
@Controller
class PublicContestController {

    private static final Duration STATUS_SESSION = Duration.ofMinutes(15);

    private final ContestCatalog catalog;
    private final Awards awards;
    private final PublicVotes votes;
    private final EntryDesk desk;
    private final FileStore files;
    private final RateLimits limits;
    private final MessageSource messages;
    private final Clock clock;

    PublicContestController(ContestCatalog catalog, Awards awards, PublicVotes votes, EntryDesk desk, FileStore files,
                            RateLimits limits, MessageSource messages, Clock clock) {
        this.catalog = catalog;
        this.awards = awards;
        this.votes = votes;
        this.desk = desk;
        this.files = files;
        this.limits = limits;
        this.messages = messages;
        this.clock = clock;
    }

    public record Card(Contest contest, String state, boolean accepting, boolean voting) {
    }

    @GetMapping("/contests")
    String list(Model model) {
        List<Card> open = new ArrayList<>();
        List<Card> upcoming = new ArrayList<>();
        List<Card> judging = new ArrayList<>();
        List<Card> announced = new ArrayList<>();
        Instant now = clock.instant();
        for (Contest c : catalog.published()) {
            boolean accepting = catalog.acceptsEntriesNow(c);
            boolean voting = catalog.votingNow(c);
            if (c.status() == ContestStatus.ANNOUNCED) {
                announced.add(new Card(c, "결과 발표", false, false));
            } else if (accepting) {
                open.add(new Card(c, "접수 중", true, false));
            } else if (c.status() == ContestStatus.OPEN && c.def().entryOpensAt() != null && now.isBefore(c.def().entryOpensAt())) {
                upcoming.add(new Card(c, "접수 예정", false, false));
            } else {
                judging.add(new Card(c, voting ? "공개 투표 중" : "심사 중", false, voting));
            }
        }
        model.addAttribute("open", open);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("judging", judging);
        model.addAttribute("announced", announced);
        return "contests/list";
    }

    private Contest publicContest(long id) {
        Contest c = catalog.get(id);
        if (c.status() == ContestStatus.DRAFT) {
            throw DomainException.notFound("공모전", id);
        }
        return c;
    }

    @GetMapping("/contests/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        Contest c = publicContest(id);
        model.addAttribute("contest", c);
        model.addAttribute("accepting", catalog.acceptsEntriesNow(c));
        model.addAttribute("voting", catalog.votingNow(c));
        model.addAttribute("prizes", catalog.prizes(id));
        model.addAttribute("criteria", catalog.criteria(id));
        return "contests/detail";
    }

    @GetMapping("/contests/{id:\\d+}/results")
    String results(@PathVariable long id, Model model) {
        Awards.Results r = awards.results(id).orElseThrow(() -> DomainException.notFound("공모전 결과", id));
        model.addAttribute("results", r);
        model.addAttribute("contest", r.contest());
        return "contests/results";
    }

    @GetMapping("/contests/{id:\\d+}/media/{entryId:\\d+}")
    ResponseEntity<Resource> media(@PathVariable long id, @PathVariable long entryId) {
        String[] m = awards.publicMedia(id, entryId).orElseThrow(() -> DomainException.notFound("작품", entryId));
        return WebSupport.media(files, m[0], m[1], null, true);
    }

    // ---- public vote

    @GetMapping("/contests/{id:\\d+}/vote")
    String vote(@PathVariable long id, HttpSession session, Model model) {
        Contest c = publicContest(id);
        model.addAttribute("contest", c);
        model.addAttribute("candidates", votes.candidates(id));
        model.addAttribute("pending", session.getAttribute("contests.vote." + id) != null);
        return "contests/vote";
    }

    @PostMapping("/contests/{id:\\d+}/vote/code")
    String voteCode(@PathVariable long id, @RequestParam(required = false) Long entryId,
                    @RequestParam(required = false) String phone, HttpSession session, HttpServletRequest request,
                    RedirectAttributes flash) {
        try {
            limits.acquire("contests.vote", WebSupport.client(request), 20, Duration.ofHours(1));
            if (entryId == null) {
                throw new DomainException("contests.vote.entry", "투표할 작품을 고르세요.");
            }
            OneTimeCodes.Issued issued = votes.requestCode(id, phone);
            session.setAttribute("contests.vote." + id, new String[] {phone, String.valueOf(entryId)});
            flash.addFlashAttribute("info", "인증번호를 " + issued.maskedDestination() + "(으)로 보냈습니다.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", WebSupport.text(messages, e));
        }
        return "redirect:/contests/" + id + "/vote";
    }

    @PostMapping("/contests/{id:\\d+}/vote")
    String castVote(@PathVariable long id, @RequestParam(required = false) String code, HttpSession session,
                    RedirectAttributes flash) {
        Object pending = session.getAttribute("contests.vote." + id);
        if (!(pending instanceof String[] p)) {
            flash.addFlashAttribute("error", "작품을 고르고 인증번호를 먼저 받으세요.");
            return "redirect:/contests/" + id + "/vote";
        }
        try {
            votes.vote(id, p[0], code, Long.parseLong(p[1]));
            session.removeAttribute("contests.vote." + id);
            flash.addFlashAttribute("info", "투표했습니다. 참여해 주셔서 감사합니다.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", WebSupport.text(messages, e));
        }
        return "redirect:/contests/" + id + "/vote";
    }

    // ---- entry status (receipt number + one-time code)

    @GetMapping("/contests/status")
    String status(Model model) {
        return "contests/status";
    }

    @PostMapping("/contests/status/code")
    String statusCode(@RequestParam(required = false) String receiptNo, @RequestParam(required = false) String contact,
                      HttpSession session, HttpServletRequest request, Model model) {
        try {
            limits.acquire("contests.status", WebSupport.client(request), 10, Duration.ofHours(1));
            if (receiptNo == null || receiptNo.isBlank() || contact == null || contact.isBlank()) {
                throw new DomainException("contests.status.input", "접수번호와 응모 때 적은 휴대전화 번호(또는 이메일)를 입력하세요.");
            }
            desk.requestStatusCode(receiptNo, contact);
            session.setAttribute("contests.status.pending", new String[] {receiptNo.strip(), contact.strip()});
            model.addAttribute("codeSent", true);
            model.addAttribute("info", "접수번호와 연락처가 맞으면 인증번호를 보냈습니다. 10분 안에 입력하세요.");
        } catch (DomainException e) {
            model.addAttribute("error", WebSupport.text(messages, e));
            model.addAttribute("receiptNo", receiptNo);
        }
        return "contests/status";
    }

    @PostMapping("/contests/status/verify")
    String statusVerify(@RequestParam(required = false) String code, HttpSession session, Model model) {
        Object pending = session.getAttribute("contests.status.pending");
        if (!(pending instanceof String[] p)) {
            model.addAttribute("error", "접수번호와 연락처를 먼저 입력하세요.");
            return "contests/status";
        }
        try {
            long entryId = desk.verifyStatusCode(p[0], p[1], code);
            session.removeAttribute("contests.status.pending");
            session.setAttribute(DraftSession.STATUS_ENTRY, entryId);
            session.setAttribute(DraftSession.STATUS_UNTIL, clock.instant().plus(STATUS_SESSION));
            return "redirect:/contests/status/view";
        } catch (DomainException e) {
            model.addAttribute("error", WebSupport.text(messages, e));
            model.addAttribute("codeSent", true);
            model.addAttribute("errorField", "code");
            return "contests/status";
        }
    }

    private Long verifiedEntry(HttpSession session) {
        Object id = session.getAttribute(DraftSession.STATUS_ENTRY);
        Object until = session.getAttribute(DraftSession.STATUS_UNTIL);
        if (id instanceof Long l && until instanceof Instant u && clock.instant().isBefore(u)) {
            return l;
        }
        return null;
    }

    @GetMapping("/contests/status/view")
    String statusView(HttpSession session, Model model) {
        Long id = verifiedEntry(session);
        if (id == null) {
            model.addAttribute("error", "확인 시간이 지났습니다. 접수번호와 인증번호로 다시 확인하세요.");
            return "contests/status";
        }
        model.addAttribute("status", desk.status(id));
        return "contests/status-view";
    }

    @PostMapping("/contests/status/withdraw")
    String withdraw(HttpSession session, RedirectAttributes flash) {
        Long id = verifiedEntry(session);
        if (id == null) {
            return "redirect:/contests/status";
        }
        try {
            desk.withdraw(id);
            flash.addFlashAttribute("info", "응모를 철회했습니다.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", WebSupport.text(messages, e));
        }
        return "redirect:/contests/status/view";
    }
}
