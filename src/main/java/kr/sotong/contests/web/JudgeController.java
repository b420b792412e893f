package kr.sotong.contests.web;

import java.util.HashMap;
import java.util.Map;
import kr.sotong.contests.core.Judging;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
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

/**
 * Judge-facing pages ({@code /staff/judging}): the contests a staff member judges, the blind list of the panel's
 * entries, and one entry with its work, the score form and the recusal form. Nothing here carries the entrant's
 * identity: no name, contact, receipt number, original file name or submission time.
 */
@Controller
class JudgeController {

    private final Judging judging;
    private final StaffDirectory staff;
    private final FileStore files;
    private final MessageSource messages;

    JudgeController(Judging judging, StaffDirectory staff, FileStore files, MessageSource messages) {
        this.judging = judging;
        this.staff = staff;
        this.files = files;
        this.messages = messages;
    }

    private long me() {
        return staff.requireCurrent().id();
    }

    @GetMapping("/staff/judging")
    String assignments(Model model) {
        model.addAttribute("assignments", judging.assignments(me()));
        return "contests/judge/assignments";
    }

    @GetMapping("/staff/judging/{contestId:\\d+}")
    String board(@PathVariable long contestId, Model model) {
        model.addAttribute("board", judging.board(contestId, me()));
        return "contests/judge/board";
    }

    @GetMapping("/staff/judging/{contestId:\\d+}/{code:[A-Z0-9]{5}}")
    String entry(@PathVariable long contestId, @PathVariable String code, Model model) {
        Judging.BlindDetail d = judging.entry(contestId, me(), code);
        model.addAttribute("board", d.board());
        model.addAttribute("entry", d.entry());
        return "contests/judge/entry";
    }

    @PostMapping("/staff/judging/{contestId:\\d+}/{code:[A-Z0-9]{5}}/scores")
    String score(@PathVariable long contestId, @PathVariable String code, @RequestParam Map<String, String> params,
                 Model model, RedirectAttributes flash) {
        Map<Long, String> raw = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("c") && k.substring(1).matches("\\d{1,18}")) {
                raw.put(Long.parseLong(k.substring(1)), v);
            }
        });
        try {
            judging.score(contestId, me(), code, raw);
            flash.addFlashAttribute("info", "작품 " + code + "의 점수를 저장했습니다.");
            return "redirect:/staff/judging/" + contestId;
        } catch (DomainException e) {
            Judging.BlindDetail d = judging.entry(contestId, me(), code);
            model.addAttribute("board", d.board());
            model.addAttribute("entry", d.entry());
            model.addAttribute("error", WebSupport.text(messages, e));
            model.addAttribute("submitted", raw);
            return "contests/judge/entry";
        }
    }

    @PostMapping("/staff/judging/{contestId:\\d+}/{code:[A-Z0-9]{5}}/recuse")
    String recuse(@PathVariable long contestId, @PathVariable String code, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        try {
            judging.declareConflict(contestId, me(), code, reason);
            flash.addFlashAttribute("info", "작품 " + code + "의 심사를 회피했습니다. 이 작품의 점수는 반영되지 않습니다.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", WebSupport.text(messages, e));
        }
        return "redirect:/staff/judging/" + contestId;
    }

    @GetMapping("/staff/judging/{contestId:\\d+}/{code:[A-Z0-9]{5}}/media")
    ResponseEntity<Resource> media(@PathVariable long contestId, @PathVariable String code) {
        String[] m = judging.judgeMedia(contestId, me(), code).orElseThrow(() -> DomainException.notFound("작품", code));
        return WebSupport.media(files, m[0], m[1], null, false);
    }
}
