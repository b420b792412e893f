package kr.sotong.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Residents' home page, the staff login page and the forbidden page. */
@Controller
class PublicPagesController {

    @GetMapping("/")
    String home() {
        return "platform/home";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String throttled, Model model) {
        if (error != null) {
            model.addAttribute("error", switch (error) {
                case "locked" -> "로그인에 여러 번 실패하여 계정이 잠겼습니다. 15분 뒤 다시 시도하거나 관리자에게 잠금 해제를 요청하세요.";
                case "disabled" -> "사용이 중지된 계정입니다. 관리자에게 문의하세요.";
                default -> "아이디 또는 비밀번호가 맞지 않습니다.";
            });
        }
        if (throttled != null) {
            model.addAttribute("error", "로그인 시도가 너무 많습니다. 1분 뒤 다시 시도하세요.");
        }
        if (logout != null) {
            model.addAttribute("info", "로그아웃했습니다.");
        }
        return "platform/login";
    }

    @GetMapping("/error/403")
    String forbidden(Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", "이 페이지를 볼 권한이 없습니다.");
        return "error";
    }
}
