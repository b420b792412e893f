package kr.sotong.platform;

import java.util.Set;

/** A staff account as other modules see it. */
public record StaffMember(long id, String username, String displayName, String email, String teamCode,
                          boolean teamLead, boolean enabled, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
