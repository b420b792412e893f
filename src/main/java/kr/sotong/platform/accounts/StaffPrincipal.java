package kr.sotong.platform.accounts;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import kr.sotong.platform.StaffMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member as Spring Security holds it (in the session or per bearer request). */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final StaffMember member;
    private String passwordHash;
    private final boolean locked;
    private final boolean mustChangePassword;

    public StaffPrincipal(StaffMember member, String passwordHash, boolean locked, boolean mustChangePassword) {
        this.member = member;
        this.passwordHash = passwordHash;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    static StaffPrincipal of(Account a, Instant now) {
        return new StaffPrincipal(a.toMember(), a.getPasswordHash(), a.isLocked(now), a.isMustChangePassword());
    }

    public StaffMember member() {
        return member;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public StaffPrincipal withPasswordChanged() {
        return new StaffPrincipal(member, null, false, false);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return member.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    public List<String> roles() {
        return List.copyOf(member.roles());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return member.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return member.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffPrincipal p && p.member.username().equals(member.username());
    }

    @Override
    public int hashCode() {
        return member.username().hashCode();
    }
}
