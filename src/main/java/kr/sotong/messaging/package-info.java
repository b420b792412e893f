/**
 * 메시지 (resident messaging): subscribers of the SMS alert service, the KakaoTalk channel and e-mail
 * with lawful consent records and double opt-in, weekly bulletins with byte-exact SMS sizing, the
 * delivery engine (one outbox row per bulletin x recipient, exactly once across crashes) over a
 * generic JSON SMS/Kakao gateway and SMTP, delivery reports, and the platform's SMS/KakaoTalk
 * notification transport.
 */
@org.springframework.modulith.ApplicationModule(displayName = "메시지")
package kr.sotong.messaging;
