package kr.sotong.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.sotong.platform.accounts.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A staff member with a temporary password can do nothing on staff pages but change it. */
class MustChangePasswordFilter extends OncePerRequestFilter {

    static final String PAGE = "/staff/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getServletPath();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p && p.mustChangePassword()
                && path.startsWith("/staff") && !path.equals(PAGE)) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
