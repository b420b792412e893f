package kr.sotong.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.messaging.internal.Bulletins;
import kr.sotong.messaging.internal.Composer;
import kr.sotong.messaging.internal.DeliveryReports;
import kr.sotong.messaging.internal.SmsText;
import kr.sotong.messaging.internal.Subscribers;
import kr.sotong.platform.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Messaging REST API: bulletin reports (staff), subscribe/unsubscribe (public), gateway webhooks (signed). */
@RestController
@RequestMapping("/api/v1/messaging")
@Tag(name = "메시지", description = "구독, 발송 보고, 게이트웨이 웹훅")
class MessagingApi {

    private final Bulletins bulletins;
    private final Subscribers subscribers;
    private final DeliveryReports reports;
    private final RateLimits limits;

    MessagingApi(Bulletins bulletins, Subscribers subscribers, DeliveryReports reports, RateLimits limits) {
        this.bulletins = bulletins;
        this.subscribers = subscribers;
        this.reports = reports;
        this.limits = limits;
    }

    @GetMapping("/bulletins/{id}/report")
    @Operation(summary = "발송별 보고: 대상, 접수, 배달, 실패, 수신거부, 대체발송, 대기")
    @PreAuthorize("hasAnyRole('PR_MEDIA','DIRECTOR','ADMIN')")
    Bulletins.Report report(@PathVariable long id) {
        return bulletins.report(id);
    }

    record SizeRequest(String channel, boolean advertising, String subject, String body, String variables, String kakaoCode,
                       boolean image) {
    }

    record SizeResponse(int bytes, String type, String typeLabel, int limit, List<String> unencodable, List<String> errors,
                        String text) {
    }

    @PostMapping("/preview")
    @Operation(summary = "편집기: 완성된 문구, 바이트 수(EUC-KR), 자동 선택된 유형(SMS/LMS/MMS/알림톡)")
    @PreAuthorize("hasAnyRole('PR_MEDIA','ADMIN')")
    SizeResponse preview(@RequestBody SizeRequest r) {
        SubscriberChannel ch = PublicSubscriptionPages.channel(r.channel() == null ? "SMS" : r.channel());
        Composer.Result c = bulletins.preview(new Bulletins.Draft("미리보기", ch, r.advertising(), null, r.kakaoCode(), r.subject(),
                r.body(), r.variables(), r.image() ? "image" : null));
        int limit = switch (c.type()) {
            case SMS -> SmsText.SMS_MAX_BYTES;
            case LMS, MMS -> SmsText.LMS_MAX_BYTES;
            case ATA -> Composer.KAKAO_MAX_CHARS;
            case EMAIL -> 0;
        };
        return new SizeResponse(c.bytes(), c.type().name(), c.type().label(), limit, c.unencodable(), c.errors(), c.text());
    }

    record SubscribeRequest(String channel, String contact, boolean advertising, boolean night) {
    }

    record SubscribeResponse(String maskedDestination, Instant codeExpiresAt) {
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "구독 신청(1단계): 인증번호를 문자 또는 이메일로 보냄")
    SubscribeResponse subscribe(@RequestBody SubscribeRequest r, HttpServletRequest request) {
        limits.acquire("messaging.subscribe", request.getRemoteAddr(), 20, Duration.ofHours(1));
        var issued = subscribers.requestSubscription(PublicSubscriptionPages.channel(r.channel()), r.contact(), r.advertising(), r.night());
        return new SubscribeResponse(issued.maskedDestination(), issued.expiresAt());
    }

    record ConfirmRequest(String channel, String contact, String code) {
    }

    record SubscriptionJson(String channel, String maskedContact, String status, boolean advertising, boolean night) {
        static SubscriptionJson of(Subscribers.SubscriberView s) {
            return new SubscriptionJson(s.channel().name(), s.masked(), s.status(), s.advertising(), s.night());
        }
    }

    @PostMapping("/subscriptions/confirm")
    @Operation(summary = "구독 확인(2단계): 인증번호 확인 후 구독 시작")
    SubscriptionJson confirm(@RequestBody ConfirmRequest r) {
        return SubscriptionJson.of(subscribers.confirm(PublicSubscriptionPages.channel(r.channel()), r.contact(), r.code()));
    }

    record UnsubscribeRequest(String token) {
    }

    @PostMapping("/subscriptions/unsubscribe")
    @Operation(summary = "수신 거부(메시지의 링크 토큰)")
    SubscriptionJson unsubscribe(@RequestBody UnsubscribeRequest r) {
        return SubscriptionJson.of(subscribers.optOutByToken(r.token()));
    }

    @PostMapping("/gateway/delivery-reports")
    @Operation(summary = "게이트웨이 배달 결과 웹훅 (X-Gateway-Timestamp, X-Gateway-Signature: HMAC-SHA256)")
    DeliveryReports.Applied deliveryReports(@RequestHeader(value = "X-Gateway-Timestamp", required = false) String ts,
                                            @RequestHeader(value = "X-Gateway-Signature", required = false) String sig,
                                            @RequestBody String body) {
        reports.verify(ts, sig, body);
        return reports.apply(body);
    }

    record InboundResult(int optedOut) {
    }

    @PostMapping("/gateway/inbound")
    @Operation(summary = "회신 문자(MO) 웹훅: 수신거부 키워드 처리")
    InboundResult inbound(@RequestHeader(value = "X-Gateway-Timestamp", required = false) String ts,
                          @RequestHeader(value = "X-Gateway-Signature", required = false) String sig,
                          @RequestBody String body) {
        reports.verify(ts, sig, body);
        return new InboundResult(reports.inbound(body));
    }
}
