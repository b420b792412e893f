package kr.sotong.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.accounts.ApiTokens;
import kr.sotong.platform.config.PlatformProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "인증·감사", description = "API 토큰 발급과 감사 로그 무결성 검증")
class AuthApiController {

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final PlatformProperties properties;

    AuthApiController(ApiTokens tokens, AuditLog audit, PlatformProperties properties) {
        this.tokens = tokens;
        this.audit = audit;
        this.properties = properties;
    }

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/auth/token")
    @Operation(summary = "단기 Bearer 토큰 발급", description = "아이디·비밀번호로 짧은 수명의 토큰을 받습니다.")
    TokenResponse token(@RequestBody TokenRequest request) {
        ApiTokens.Issued issued = tokens.issueForCredentials(request.username(), request.password(),
                properties.security().maxFailedLogins(), properties.security().lockout());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "감사 로그 해시 체인 검증")
    AuditLog.Verification verify() {
        return audit.verify();
    }
}
