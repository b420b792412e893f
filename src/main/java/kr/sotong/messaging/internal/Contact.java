package kr.sotong.messaging.internal;

import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;

/** A subscriber's phone number (digits) or e-mail (lower case), normalised, with its masked form. */
public record Contact(SubscriberChannel channel, String value, String masked) {

    public static Contact of(SubscriberChannel channel, String raw) {
        if (channel == null) {
            throw new DomainException("messaging.channel.required", "받을 방법(문자, 카카오톡, 이메일)을 골라 주세요.");
        }
        if (channel == SubscriberChannel.EMAIL) {
            String e = EmailAddress.normalise(raw);
            return new Contact(channel, e, Masking.email(e));
        }
        PhoneNumber p = PhoneNumber.parse(raw);
        if (!p.isMobile()) {
            throw new DomainException("messaging.phone.not-mobile",
                    "문자·카카오톡은 휴대전화 번호(010 등)로만 받을 수 있습니다: " + p.formatted());
        }
        return new Contact(channel, p.digits(), p.masked());
    }
}
