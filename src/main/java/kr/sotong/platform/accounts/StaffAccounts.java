package kr.sotong.platform.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff-account use cases (ADMIN screens, own password) and the {@link StaffDirectory}. */
@Service
public class StaffAccounts implements StaffDirectory {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    StaffAccounts(Accounts accounts, PasswordEncoder encoder, @org.springframework.context.annotation.Lazy AuditLog audit,
                  Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewAccount(String username, String displayName, String email, String teamCode, boolean teamLead,
                             Set<String> roles) {
    }

    /** Creates an account with a random temporary password, returned once to show to the administrator. */
    @Transactional
    public String create(NewAccount a) {
        String username = normaliseUsername(a.username());
        if (accounts.findByUsername(username).isPresent()) {
            throw DomainException.conflict("account.username.taken", "이미 사용 중인 아이디입니다: " + username, username);
        }
        String temporary = randomPassword();
        Account account = Account.create(username, requireName(a.displayName()), normaliseEmail(a.email()),
                encoder.encode(temporary), blankToNull(a.teamCode()), a.teamLead(), a.roles(), clock.instant());
        accounts.save(account);
        audit.record("account.create", "Account", username, "역할 " + a.roles() + ", 팀 " + a.teamCode());
        return temporary;
    }

    @Transactional
    public void update(long id, String displayName, String email, String teamCode, boolean teamLead, Set<String> roles) {
        Account a = load(id);
        a.update(requireName(displayName), normaliseEmail(email), blankToNull(teamCode), teamLead, roles);
        accounts.save(a);
        audit.record("account.update", "Account", a.getUsername(), "역할 " + roles + ", 팀 " + teamCode + (teamLead ? " (팀장)" : ""));
    }

    @Transactional
    public void disable(long id) {
        Account a = load(id);
        if (a.getUsername().equals(currentActor())) {
            throw new DomainException("account.disable.self", "자기 자신의 계정은 비활성화할 수 없습니다.");
        }
        a.disable();
        accounts.save(a);
        audit.record("account.disable", "Account", a.getUsername(), "계정 비활성화");
    }

    @Transactional
    public void enable(long id) {
        Account a = load(id);
        a.enable();
        accounts.save(a);
        audit.record("account.enable", "Account", a.getUsername(), "계정 활성화(잠금 해제)");
    }

    /** Sets a new random temporary password and returns it once. */
    @Transactional
    public String resetPassword(long id) {
        Account a = load(id);
        String temporary = randomPassword();
        a.resetPassword(encoder.encode(temporary));
        accounts.save(a);
        audit.record("account.reset-password", "Account", a.getUsername(), "임시 비밀번호 발급");
        return temporary;
    }

    @Transactional
    public void changeOwnPassword(String username, String current, String next, String confirm) {
        Account a = accounts.findByUsername(username).orElseThrow(() -> DomainException.notFound("계정", username));
        if (!encoder.matches(current == null ? "" : current, a.getPasswordHash())) {
            throw new DomainException("account.password.current-wrong", "현재 비밀번호가 맞지 않습니다.");
        }
        if (next == null || !next.equals(confirm)) {
            throw new DomainException("account.password.mismatch", "새 비밀번호와 확인 값이 서로 다릅니다.");
        }
        PasswordRules.check(username, next);
        if (encoder.matches(next, a.getPasswordHash())) {
            throw new DomainException("account.password.same", "새 비밀번호는 현재 비밀번호와 달라야 합니다.");
        }
        a.changePassword(encoder.encode(next));
        accounts.save(a);
        audit.recordAs(username, "account.change-password", "Account", username, "비밀번호 변경");
    }

    /** First start: creates {@code admin} when no account exists. Returns the password only if generated. */
    @Transactional
    public Optional<String> bootstrapAdmin(String configuredPassword) {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        if (!generated) {
            PasswordRules.check("admin", password);
        }
        Account admin = Account.create("admin", "시스템 관리자", null, encoder.encode(password), null, false,
                Set.of(Roles.ADMIN), clock.instant());
        accounts.save(admin);
        audit.recordAs("system", "account.bootstrap", "Account", "admin", generated
                ? "최초 관리자 계정 생성(임의 비밀번호, 첫 로그인 시 변경)"
                : "최초 관리자 계정 생성(SOTONG_ADMIN_INITIAL_PASSWORD, 첫 로그인 시 변경)");
        return generated ? Optional.of(password) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<Account> list() {
        return accounts.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    public Account load(long id) {
        return accounts.findById(id).orElseThrow(() -> DomainException.notFound("계정", id));
    }

    // ---- StaffDirectory ----

    @Override
    public Optional<StaffMember> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            return Optional.of(p.member());
        }
        return Optional.empty();
    }

    @Override
    public StaffMember requireCurrent() {
        return current().orElseThrow(() -> DomainException.forbidden("로그인이 필요합니다."));
    }

    @Override
    public String currentActor() {
        return current().map(StaffMember::username).orElse("system");
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StaffMember> byUsername(String username) {
        return accounts.findByUsername(username).map(Account::toMember);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StaffMember> byId(long id) {
        return accounts.findById(id).map(Account::toMember);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffMember> withRole(String role) {
        return accounts.findAllByOrderByUsername().stream().map(Account::toMember)
                .filter(m -> m.enabled() && m.roles().contains(role)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffMember> all() {
        return accounts.findAllByOrderByUsername().stream().map(Account::toMember).toList();
    }

    // ---- helpers ----

    static String randomPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        // guarantee letters and digits for the password rules
        sb.setCharAt(RANDOM.nextInt(8), (char) ('2' + RANDOM.nextInt(8)));
        sb.setCharAt(8 + RANDOM.nextInt(8), (char) ('a' + RANDOM.nextInt(26)));
        return sb.toString();
    }

    private static String normaliseUsername(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!u.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new DomainException("account.username.format",
                    "아이디는 영문 소문자·숫자·점·밑줄·하이픈으로 2~64자여야 합니다.");
        }
        return u;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new DomainException("account.name.required", "이름을 입력해 주세요.");
        }
        if (name.strip().length() > 100) {
            throw new DomainException("account.name.too-long", "이름은 100자 이내로 입력해 주세요.");
        }
        return name.strip();
    }

    private static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return EmailAddress.normalise(email);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
