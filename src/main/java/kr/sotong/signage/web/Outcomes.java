package kr.sotong.signage.web;

import kr.sotong.shared.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post-redirect-get for staff actions: run it, flash the Korean result or the reason it was refused. */
final class Outcomes {

    private Outcomes() {
    }

    static String redirect(String target, RedirectAttributes flash, Runnable action, String done) {
        try {
            action.run();
            flash.addFlashAttribute("info", done);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }
}
