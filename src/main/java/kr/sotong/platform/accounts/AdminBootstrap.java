package kr.sotong.platform.accounts;

import kr.sotong.platform.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: creates the {@code admin} account. Its password is {@code SOTONG_ADMIN_INITIAL_PASSWORD}
 * when set, otherwise a random one printed once to the log; either must be changed at first login.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final StaffAccounts accounts;
    private final PlatformProperties properties;

    AdminBootstrap(StaffAccounts accounts, PlatformProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.bootstrapAdmin(properties.security().adminInitialPassword()).ifPresentOrElse(
                password -> log.warn("""

                        ==========================================================
                         최초 관리자 계정이 만들어졌습니다.
                           아이디: admin
                           임시 비밀번호: {}
                         이 비밀번호는 다시 표시되지 않습니다. 첫 로그인 때 변경하세요.
                        ==========================================================""", password),
                () -> { });
    }
}
