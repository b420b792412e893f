package kr.sotong.newsletter.support;

import java.util.function.Supplier;
import kr.sotong.shared.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post/redirect/get for staff actions: runs the action, shows its message or its Korean error. */
public final class Flash {

    private Flash() {
    }

    /**
     * Runs {@code action}; on success flashes {@code info} (or the action's own message when it returns
     * one), on a domain error flashes the error. Redirects to {@code target} either way.
     */
    public static String run(RedirectAttributes redirect, String target, String info, Supplier<String> action) {
        try {
            String message = action.get();
            redirect.addFlashAttribute("info", message != null ? message : info);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }

    public static String run(RedirectAttributes redirect, String target, String info, Runnable action) {
        return run(redirect, target, info, () -> {
            action.run();
            return null;
        });
    }
}
