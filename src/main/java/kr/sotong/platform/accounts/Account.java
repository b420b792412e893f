package kr.sotong.platform.accounts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A staff account (aggregate root). Passwords are only ever held as hashes. */
@Table("platform_account")
public class Account {

    @Id
    private Long id;
    private String username;
    private String displayName;
    private String email;
    private String passwordHash;
    private String teamCode;
    private boolean teamLead;
    private boolean enabled;
    private boolean mustChangePassword;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant lastLoginAt;
    private Instant createdAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "account_id")
    private Set<AccountRole> roles = new HashSet<>();

    Account() {
    }

    static Account create(String username, String displayName, String email, String passwordHash, String teamCode,
                          boolean teamLead, Set<String> roles, Instant now) {
        Account a = new Account();
        a.username = username;
        a.displayName = displayName;
        a.email = email;
        a.passwordHash = passwordHash;
        a.teamCode = teamCode;
        a.teamLead = teamLead;
        a.enabled = true;
        a.mustChangePassword = true;
        a.createdAt = now;
        a.assignRoles(roles);
        return a;
    }

    void assignRoles(Set<String> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new DomainException("account.roles.required", "역할을 하나 이상 지정해 주세요.");
        }
        for (String r : newRoles) {
            if (!Roles.ALL.contains(r)) {
                throw new DomainException("account.roles.unknown", "알 수 없는 역할입니다: " + r, r);
            }
        }
        roles = newRoles.stream().map(AccountRole::new).collect(Collectors.toCollection(HashSet::new));
    }

    void update(String newDisplayName, String newEmail, String newTeamCode, boolean newTeamLead, Set<String> newRoles) {
        displayName = newDisplayName;
        email = newEmail;
        teamCode = newTeamCode;
        teamLead = newTeamLead;
        assignRoles(newRoles);
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
    }

    /** An administrator set a temporary password: the owner must change it at next login. */
    void resetPassword(String temporaryHash) {
        passwordHash = temporaryHash;
        mustChangePassword = true;
        failedAttempts = 0;
        lockedUntil = null;
    }

    void disable() {
        enabled = false;
    }

    void enable() {
        enabled = true;
        failedAttempts = 0;
        lockedUntil = null;
    }

    public StaffMember toMember() {
        return new StaffMember(id, username, displayName, email, teamCode, teamLead, enabled, roleNames());
    }

    public Set<String> roleNames() {
        return roles.stream().map(AccountRole::role).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getTeamCode() {
        return teamCode;
    }

    public boolean isTeamLead() {
        return teamLead;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
