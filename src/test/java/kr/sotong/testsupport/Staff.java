package kr.sotong.testsupport;

import java.util.Set;
import java.util.UUID;
import kr.sotong.platform.StaffMember;
import kr.sotong.platform.accounts.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Creates staff accounts for tests (unique names) and signs MockMvc requests in as them:
 * {@code mvc.perform(get("/staff").with(staff.as(staff.create(Roles.PRESS))))}.
 * It is a bean in every {@link SotongTest} context: {@code @Autowired Staff staff}.
 */
@Component
public class Staff {

    /** Password of every account created here. */
    public static final String PASSWORD = "Test-pass-1234";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public Staff(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** Creates an enabled account (password {@link #PASSWORD}, no forced change) and returns it. */
    public StaffMember create(String... roles) {
        return create(null, false, roles);
    }

    public StaffMember create(String teamCode, boolean teamLead, String... roles) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@test.sotong.local";
        long id = jdbc.sql("""
                        insert into platform_account (username, display_name, email, password_hash, team_code, team_lead,
                                                      enabled, must_change_password)
                        values (:u, :n, :e, :p, :t, :l, true, false) returning id""")
                .param("u", username).param("n", "테스트 " + username).param("e", email)
                .param("p", encoder.encode(PASSWORD)).param("t", teamCode).param("l", teamLead)
                .query(Long.class).single();
        for (String r : roles) {
            jdbc.sql("insert into platform_account_role (account_id, role) values (:a, :r)").param("a", id).param("r", r)
                    .update();
        }
        return new StaffMember(id, username, "테스트 " + username, email, teamCode, teamLead, true, Set.of(roles));
    }

    /** MockMvc: perform the request as this staff member. */
    public RequestPostProcessor as(StaffMember member) {
        StaffPrincipal p = new StaffPrincipal(member, null, false, false);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    /** Runs code with this staff member in the security context (for calling facades directly). */
    public void runAs(StaffMember member, Runnable action) {
        StaffPrincipal p = new StaffPrincipal(member, null, false, false);
        var ctx = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(ctx);
        try {
            action.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}
