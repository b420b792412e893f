package kr.sotong.platform.accounts;

import org.springframework.data.relational.core.mapping.Table;

@Table("platform_account_role")
record AccountRole(String role) {
}
