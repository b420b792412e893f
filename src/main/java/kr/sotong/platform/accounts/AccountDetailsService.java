package kr.sotong.platform.accounts;

import java.time.Clock;
import java.time.Duration;
import kr.sotong.platform.config.PlatformProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads staff for form login and counts failed logins: 5 failures lock the account for 15 minutes. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;
    private final int maxFailed;
    private final Duration lockout;

    AccountDetailsService(Accounts accounts, Clock clock, PlatformProperties properties) {
        this.accounts = accounts;
        this.clock = clock;
        this.maxFailed = properties.security().maxFailedLogins();
        this.lockout = properties.security().lockout();
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return accounts.findByUsername(u).map(a -> StaffPrincipal.of(a, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String u = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase(java.util.Locale.ROOT);
        accounts.recordFailure(u, maxFailed, clock.instant().plus(lockout));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal p) {
            accounts.recordSuccess(p.getUsername(), clock.instant());
        }
    }
}
