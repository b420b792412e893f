package kr.sotong.education.registration;

import java.text.Normalizer;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.PhoneNumber;

/**
 * A resident as they identify: name and phone number (and optionally an e-mail address for confirmations), with
 * the target group they belong to. Validated on construction; names are NFC-normalised and trimmed.
 */
public record Applicant(String name, PhoneNumber phone, String email, TargetGroup group) {

    public static Applicant of(String rawName, String rawPhone, String rawEmail, TargetGroup group, boolean requireMobile) {
        String name = normaliseName(rawName);
        PhoneNumber phone = PhoneNumber.parse(rawPhone);
        if (requireMobile && !phone.isMobile()) {
            throw new DomainException("edu.phone.mobile", "문자를 받을 수 있는 휴대전화 번호(010 등)를 입력하세요.");
        }
        String email = rawEmail == null || rawEmail.isBlank() ? null : EmailAddress.normalise(rawEmail);
        return new Applicant(name, phone, email, group == null ? TargetGroup.RESIDENT : group);
    }

    /** Trims, collapses spaces; 1–30 characters of letters (any script), spaces, dots, hyphens and apostrophes. */
    public static String normaliseName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException("edu.name.required", "이름을 입력하세요.");
        }
        String n = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (n.codePointCount(0, n.length()) > 30) {
            throw new DomainException("edu.name.long", "이름은 30자 이내로 입력하세요.");
        }
        if (!n.codePoints().allMatch(cp -> Character.isLetter(cp) || cp == ' ' || cp == '.' || cp == '-' || cp == '\'')) {
            throw new DomainException("edu.name.chars", "이름에는 글자만 입력하세요 (숫자나 기호는 빼 주세요).");
        }
        return n;
    }
}
