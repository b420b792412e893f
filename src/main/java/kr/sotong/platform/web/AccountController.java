package kr.sotong.platform.web;

import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.accounts.StaffAccounts;
import kr.sotong.platform.accounts.StaffPrincipal;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member's own account: change password (forced at first login). */
@Controller
class AccountController {

    private final StaffAccounts accounts;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountController(StaffAccounts accounts, StaffDirectory staff, MessageSource messages) {
        this.accounts = accounts;
        this.staff = staff;
        this.messages = messages;
    }

    @GetMapping("/staff/account/password")
    String form(Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("forced", auth != null && auth.getPrincipal() instanceof StaffPrincipal p && p.mustChangePassword());
        return "platform/password";
    }

    @PostMapping("/staff/account/password")
    String change(@RequestParam String current, @RequestParam String next, @RequestParam String confirm,
                  Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        String username = staff.requireCurrent().username();
        try {
            accounts.changeOwnPassword(username, current, next, confirm);
        } catch (DomainException e) {
            model.addAttribute("error", ApiErrors.text(messages, e));
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            model.addAttribute("forced", auth.getPrincipal() instanceof StaffPrincipal p && p.mustChangePassword());
            return "platform/password";
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth.getPrincipal() instanceof StaffPrincipal p) {
            StaffPrincipal updated = p.withPasswordChanged();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        redirect.addFlashAttribute("info", "비밀번호를 변경했습니다.");
        return "redirect:/staff";
    }
}
