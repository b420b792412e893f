package kr.sotong.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A domain error that a page controller did not turn into a form message shows the error page with
 * the Korean reason and the right status. Forms should catch {@link DomainException} themselves and
 * re-render with the message next to the field.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, Model model, HttpServletResponse response) {
        int status = ApiErrors.status(e.kind()).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", ApiErrors.text(messages, e));
        return "error";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("status", 413);
        model.addAttribute("message", "파일이 허용된 크기보다 큽니다.");
        return "error";
    }
}
