package kr.sotong.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TeamCatalog;
import kr.sotong.platform.accounts.ApiTokens;
import kr.sotong.platform.accounts.StaffAccounts;
import kr.sotong.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN: staff accounts (create, edit roles and team, disable, reset), integration tokens, audit log. */
@Controller
@RequestMapping("/staff/admin")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    private final StaffAccounts accounts;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final ObjectProvider<TeamCatalog> teams;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    AdminController(StaffAccounts accounts, ApiTokens tokens, AuditLog audit, ObjectProvider<TeamCatalog> teams,
                    MessageSource messages, JdbcClient jdbc) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.teams = teams;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    private void common(Model model) {
        TeamCatalog catalog = teams.getIfAvailable();
        model.addAttribute("teams", catalog == null ? List.of() : catalog.currentTeams());
        model.addAttribute("allRoles", Roles.ALL.stream().map(r -> new RoleOption(r, Roles.label(r))).toList());
    }

    record RoleOption(String code, String label) {
    }

    @GetMapping("/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list());
        common(model);
        return "platform/admin-accounts";
    }

    @PostMapping("/accounts")
    String create(@RequestParam String username, @RequestParam String displayName,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String teamCode,
                  @RequestParam(defaultValue = "false") boolean teamLead,
                  @RequestParam(required = false) Set<String> roles, Model model, RedirectAttributes redirect) {
        try {
            String temporary = accounts.create(new StaffAccounts.NewAccount(username, displayName, email, teamCode,
                    teamLead, roles == null ? Set.of() : roles));
            redirect.addFlashAttribute("info", "계정 '" + username.strip().toLowerCase() + "'을(를) 만들었습니다. 임시 비밀번호: "
                    + temporary + " (지금 한 번만 표시됩니다. 첫 로그인 때 바꾸게 됩니다.)");
            return "redirect:/staff/admin/accounts";
        } catch (DomainException e) {
            model.addAttribute("error", ApiErrors.text(messages, e));
            model.addAttribute("form", new AccountForm(username, displayName, email, teamCode, teamLead, roles));
            return list(model);
        }
    }

    record AccountForm(String username, String displayName, String email, String teamCode, boolean teamLead,
                       Set<String> roles) {
    }

    @GetMapping("/accounts/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.load(id));
        common(model);
        return "platform/admin-account";
    }

    @PostMapping("/accounts/{id}")
    String update(@PathVariable long id, @RequestParam String displayName, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String teamCode, @RequestParam(defaultValue = "false") boolean teamLead,
                  @RequestParam(required = false) Set<String> roles, Model model, RedirectAttributes redirect) {
        try {
            accounts.update(id, displayName, email, teamCode, teamLead, roles == null ? Set.of() : roles);
            redirect.addFlashAttribute("info", "계정 정보를 저장했습니다.");
            return "redirect:/staff/admin/accounts/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", ApiErrors.text(messages, e));
            return edit(id, model);
        }
    }

    @PostMapping("/accounts/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        try {
            accounts.disable(id);
            redirect.addFlashAttribute("info", "계정을 비활성화했습니다.");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", ApiErrors.text(messages, e));
        }
        return "redirect:/staff/admin/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        accounts.enable(id);
        redirect.addFlashAttribute("info", "계정을 활성화하고 잠금을 해제했습니다.");
        return "redirect:/staff/admin/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/reset")
    String reset(@PathVariable long id, RedirectAttributes redirect) {
        String temporary = accounts.resetPassword(id);
        redirect.addFlashAttribute("info", "임시 비밀번호: " + temporary + " (지금 한 번만 표시됩니다. 첫 로그인 때 바꾸게 됩니다.)");
        return "redirect:/staff/admin/accounts/" + id;
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.integrationTokens());
        model.addAttribute("accounts", accounts.list());
        return "platform/admin-tokens";
    }

    @PostMapping("/tokens")
    String issueToken(@RequestParam long accountId, @RequestParam String label,
                      @RequestParam(defaultValue = "365") int days, RedirectAttributes redirect) {
        try {
            if (days < 1 || days > 3650) {
                throw new DomainException("token.days.range", "유효 기간은 1~3650일이어야 합니다.");
            }
            ApiTokens.Issued issued = tokens.issueIntegrationToken(accountId, label, Duration.ofDays(days));
            redirect.addFlashAttribute("info", "토큰: " + issued.token() + " (지금 한 번만 표시됩니다. 안전한 곳에 보관하세요.)");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", ApiErrors.text(messages, e));
        }
        return "redirect:/staff/admin/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("info", "토큰을 폐기했습니다.");
        return "redirect:/staff/admin/tokens";
    }

    record AuditRow(long id, java.time.Instant at, String category, String actor, String action, String entityType,
                    String entityId, String summary) {
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String entityType, @RequestParam(required = false) String actor,
                 @RequestParam(defaultValue = "false") boolean verify, Model model) {
        StringBuilder sql = new StringBuilder(
                "select id, at, category, actor, action, entity_type, entity_id, summary from platform_audit_log where true");
        var spec = new java.util.LinkedHashMap<String, Object>();
        if (entityType != null && !entityType.isBlank()) {
            sql.append(" and entity_type = :entityType");
            spec.put("entityType", entityType.strip());
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor = :actor");
            spec.put("actor", actor.strip());
        }
        sql.append(" order by id desc limit 200");
        model.addAttribute("rows", jdbc.sql(sql.toString()).params(spec)
                .query((rs, i) -> new AuditRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list());
        model.addAttribute("entityType", entityType);
        model.addAttribute("actor", actor);
        if (verify) {
            model.addAttribute("verification", audit.verify());
        }
        return "platform/admin-audit";
    }
}
