package kr.sotong.platform.accounts;

import kr.sotong.shared.DomainException;

/** Staff password rules: at least 10 characters with letters and digits, not the user name. */
final class PasswordRules {

    private PasswordRules() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < 10) {
            throw new DomainException("account.password.short", "비밀번호는 10자 이상이어야 합니다.");
        }
        if (password.length() > 128) {
            throw new DomainException("account.password.long", "비밀번호는 128자 이하여야 합니다.");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        if (!letter || !digit) {
            throw new DomainException("account.password.classes", "비밀번호에는 문자와 숫자를 모두 넣어 주세요.");
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            throw new DomainException("account.password.username", "비밀번호에 아이디를 넣을 수 없습니다.");
        }
    }
}
