package kr.sotong.shared;

/**
 * Masks personal data for display, as the architecture prescribes: {@code 010-****-5678}, {@code 홍*동},
 * {@code ho***@example.com}.
 */
public final class Masking {

    private Masking() {
    }

    /** Masks the middle group of a formatted number; unformatted digits are formatted first when possible. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone;
        if (!p.contains("-")) {
            var parsed = PhoneNumber.tryParse(p);
            if (parsed.valid()) {
                p = parsed.number().formatted();
            }
        }
        String[] parts = p.split("-");
        if (parts.length == 3) {
            return parts[0] + "-" + "*".repeat(parts[1].length()) + "-" + parts[2];
        }
        if (p.length() <= 4) {
            return "*".repeat(p.length());
        }
        return "*".repeat(p.length() - 4) + p.substring(p.length() - 4);
    }

    /** 홍길동 → 홍*동, 이순 → 이*, 남궁민수 → 남**수, John Smith → J********h. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String n = name.strip();
        int[] cps = n.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** hong.gildong@example.com → ho**********@example.com. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "*".repeat(Math.min(email.length(), 8));
        }
        String local = email.substring(0, at);
        int keep = Math.min(2, local.length() - 1);
        return local.substring(0, Math.max(keep, 0)) + "*".repeat(local.length() - Math.max(keep, 0)) + email.substring(at);
    }
}
