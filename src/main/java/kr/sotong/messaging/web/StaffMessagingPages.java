package kr.sotong.messaging.web;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import kr.sotong.messaging.SubscriberChannel;
import kr.sotong.messaging.internal.Bulletin;
import kr.sotong.messaging.internal.Bulletins;
import kr.sotong.messaging.internal.GatewayClient;
import kr.sotong.messaging.internal.MessagingSettings;
import kr.sotong.messaging.internal.NightRule;
import kr.sotong.messaging.internal.SmsText;
import kr.sotong.messaging.internal.Subscribers;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff screens of messaging (홍보미디어팀): bulletins with the live byte counter, subscribers, templates. */
@Controller
@RequestMapping("/staff/messaging")
@PreAuthorize("hasAnyRole('PR_MEDIA','DIRECTOR','ADMIN')")
class StaffMessagingPages {

    private static final String WRITE = "hasAnyRole('PR_MEDIA','ADMIN')";

    private final Bulletins bulletins;
    private final Subscribers subscribers;
    private final GatewayClient gateway;
    private final MessagingSettings properties;
    private final FileStore files;
    private final StaffDirectory staff;
    private final MessageSource messages;

    StaffMessagingPages(Bulletins bulletins, Subscribers subscribers, GatewayClient gateway, MessagingSettings properties,
                        FileStore files, StaffDirectory staff, MessageSource messages) {
        this.bulletins = bulletins;
        this.subscribers = subscribers;
        this.gateway = gateway;
        this.properties = properties;
        this.files = files;
        this.staff = staff;
        this.messages = messages;
    }

    private String text(DomainException e) {
        return messages.getMessage(e.code(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    private String run(RedirectAttributes redirect, String target, Map<String, String> form, String ok, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", ok);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
            if (form != null) {
                redirect.addFlashAttribute("form", form);
            }
        }
        return "redirect:" + target;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("counts", subscribers.activeCounts());
        model.addAttribute("suppressed", subscribers.suppressionCount());
        model.addAttribute("slots", bulletins.slots());
        model.addAttribute("bulletins", bulletins.recent(50));
        model.addAttribute("gatewayConfigured", gateway.configured());
        model.addAttribute("gatewayReason", GatewayClient.notConfiguredReason());
        model.addAttribute("senderNumber", properties.senderNumber());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("channels", SubscriberChannel.values());
        return "messaging/overview";
    }

    @PostMapping("/slots")
    @PreAuthorize(WRITE)
    String saveSlot(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging", null, "정기 발송 요일·시각을 저장했습니다.", () -> {
            LocalTime time;
            try {
                time = LocalTime.parse(form.getOrDefault("time", ""));
            } catch (java.time.format.DateTimeParseException e) {
                throw new DomainException("messaging.slot.time", "시각은 10:00 형식으로 입력하세요.");
            }
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(form.getOrDefault("day", ""));
            } catch (IllegalArgumentException e) {
                throw new DomainException("messaging.slot.day", "요일을 고르세요.");
            }
            bulletins.saveSlot(PublicSubscriptionPages.channel(form.get("channel")), day, time, form.containsKey("enabled"));
        });
    }

    // ---------------- bulletins ----------------

    private void editorModel(Model model) {
        model.addAttribute("channels", SubscriberChannel.values());
        model.addAttribute("templates", bulletins.templates());
        model.addAttribute("smsMax", SmsText.SMS_MAX_BYTES);
        model.addAttribute("lmsMax", SmsText.LMS_MAX_BYTES);
    }

    @GetMapping("/bulletins/new")
    String newBulletin(@RequestParam(required = false) String channel, @RequestParam(required = false) Long template, Model model) {
        editorModel(model);
        if (!model.containsAttribute("form")) {
            SubscriberChannel ch = channel == null ? SubscriberChannel.SMS : PublicSubscriptionPages.channel(channel);
            Map<String, String> form = new java.util.HashMap<>(Map.of("channel", ch.name(), "title", "", "body", "", "variables", "", "subject", "", "kakaoCode", ""));
            if (template != null) {
                bulletins.template(template).ifPresent(t -> {
                    form.put("channel", t.channel().name());
                    form.put("body", t.body());
                    form.put("subject", t.subject() == null ? "" : t.subject());
                    form.put("kakaoCode", t.kakaoCode() == null ? "" : t.kakaoCode());
                    form.put("templateId", Long.toString(t.id()));
                    form.put("variables", String.join("\n", t.variables().stream().map(v -> v + "=").toList()));
                });
            }
            model.addAttribute("form", form);
        }
        return "messaging/editor";
    }

    private Bulletins.Draft draft(Map<String, String> f, String imageSha) {
        Long tpl = f.get("templateId") == null || f.get("templateId").isBlank() ? null : parseLong(f.get("templateId"));
        return new Bulletins.Draft(f.get("title"), PublicSubscriptionPages.channel(f.get("channel")), f.containsKey("advertising"),
                tpl, f.get("kakaoCode"), f.get("subject"), f.get("body"), f.get("variables"), imageSha);
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String image(MultipartFile file, String current) {
        if (file == null || file.isEmpty()) {
            return current;
        }
        try (var in = file.getInputStream()) {
            return files.store(in, file.getOriginalFilename(), 300 * 1024).sha256();
        } catch (IOException e) {
            throw new DomainException("messaging.image.read", "이미지를 읽을 수 없습니다.");
        }
    }

    @PostMapping("/bulletins")
    @PreAuthorize(WRITE)
    String create(@RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile image,
                  RedirectAttributes redirect) {
        try {
            long id = bulletins.create(draft(form, image(image, null)));
            redirect.addFlashAttribute("info", "발송을 저장했습니다. 예약하거나 바로 보낼 수 있습니다.");
            return "redirect:/staff/messaging/bulletins/" + id;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
            redirect.addFlashAttribute("form", form);
            return "redirect:/staff/messaging/bulletins/new";
        }
    }

    @GetMapping("/bulletins/{id}")
    String bulletin(@PathVariable long id, Model model) {
        Bulletin b = bulletins.bulletin(id);
        model.addAttribute("b", b);
        model.addAttribute("report", bulletins.report(id));
        model.addAttribute("nextSlot", bulletins.nextSlot(b.channel()).orElse(null));
        editorModel(model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("channel", b.channel().name(), "title", b.title(), "body", b.body(),
                    "variables", b.variables(), "subject", b.subject() == null ? "" : b.subject(),
                    "kakaoCode", b.kakaoCode() == null ? "" : b.kakaoCode(), "advertising", b.advertising() ? "on" : "",
                    "templateId", b.templateId() == null ? "" : b.templateId().toString()));
        }
        return "messaging/bulletin";
    }

    @GetMapping("/bulletins/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("b", bulletins.bulletin(id));
        model.addAttribute("report", bulletins.report(id));
        return "messaging/bulletin :: progress";
    }

    @PostMapping("/bulletins/{id}")
    @PreAuthorize(WRITE)
    String update(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile image,
                  RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/bulletins/" + id, form, "저장했습니다.", () -> {
            Bulletin b = bulletins.bulletin(id);
            bulletins.update(id, draft(form, image(image, b.imageSha256())), Integer.parseInt(form.getOrDefault("version", "-1")));
        });
    }

    @PostMapping("/bulletins/{id}/schedule")
    @PreAuthorize(WRITE)
    String schedule(@PathVariable long id, @RequestParam(required = false) String at, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/bulletins/" + id, null, "예약했습니다.", () -> {
            Instant when;
            if (at == null || at.isBlank()) {
                when = bulletins.nextSlot(bulletins.bulletin(id).channel())
                        .orElseThrow(() -> new DomainException("messaging.slot.none", "정기 발송 일정이 없습니다. 예약 시각을 입력하세요."));
            } else {
                try {
                    when = LocalDateTime.parse(at).atZone(NightRule.SEOUL).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new DomainException("messaging.schedule.format", "예약 시각 형식이 올바르지 않습니다.");
                }
            }
            bulletins.schedule(id, when);
        });
    }

    @PostMapping("/bulletins/{id}/unschedule")
    @PreAuthorize(WRITE)
    String unschedule(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/bulletins/" + id, null, "예약을 해제했습니다.", () -> bulletins.unschedule(id));
    }

    @PostMapping("/bulletins/{id}/start")
    @PreAuthorize(WRITE)
    String start(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/bulletins/" + id, null, "발송을 시작했습니다.",
                () -> bulletins.start(id, staff.currentActor()));
    }

    @PostMapping("/bulletins/{id}/cancel")
    @PreAuthorize(WRITE)
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/bulletins/" + id, null, "발송을 취소했습니다.", () -> bulletins.cancel(id));
    }

    @PostMapping("/bulletins/{id}/retry")
    @PreAuthorize(WRITE)
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/bulletins/" + id, null, "실패한 건을 다시 보냅니다(같은 건은 두 번 배달되지 않습니다).",
                () -> bulletins.retryFailed(id));
    }

    // ---------------- subscribers ----------------

    @GetMapping("/subscribers")
    String subscribersPage(@RequestParam(required = false) String channel, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        SubscriberChannel ch = channel == null || channel.isBlank() ? null : PublicSubscriptionPages.channel(channel);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("list", subscribers.find(q));
                model.addAttribute("searched", true);
            } catch (DomainException e) {
                model.addAttribute("error", text(e));
                model.addAttribute("list", java.util.List.of());
            }
        } else {
            model.addAttribute("list", subscribers.list(ch, status, 100, Math.max(0, page) * 100));
        }
        model.addAttribute("counts", subscribers.activeCounts());
        model.addAttribute("channels", SubscriberChannel.values());
        model.addAttribute("channel", channel);
        model.addAttribute("status", status);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("q", q);
        return "messaging/subscribers";
    }

    @GetMapping("/subscribers/{id}")
    String subscriber(@PathVariable long id, Model model) {
        model.addAttribute("s", subscribers.view(id).orElseThrow(() -> DomainException.notFound("구독자", id)));
        model.addAttribute("consents", subscribers.consents(id));
        return "messaging/subscriber";
    }

    @PostMapping("/subscribers/import")
    @PreAuthorize(WRITE)
    String importList(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String apply, Model model,
                      RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("messaging.import.no-file", "CSV 파일을 골라 주세요.");
            }
            var report = subscribers.importList(file.getBytes(), apply != null);
            redirect.addFlashAttribute("importReport", report);
            if (!report.errors().isEmpty()) {
                redirect.addFlashAttribute("error", "잘못된 행이 " + report.errors().size() + "개 있어 아무것도 가져오지 않았습니다. 고친 뒤 다시 올려 주세요.");
            } else if (report.applied()) {
                redirect.addFlashAttribute("info", report.imported() + "명을 가져왔습니다.");
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", "파일을 읽을 수 없습니다.");
        }
        return "redirect:/staff/messaging/subscribers";
    }

    @PostMapping("/subscribers/opt-out-list")
    @PreAuthorize(WRITE)
    String optOutList(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("messaging.import.no-file", "080 수신거부 목록 파일을 골라 주세요.");
            }
            var r = subscribers.importOptOutList(file.getBytes());
            redirect.addFlashAttribute("info", "080 수신거부 " + r.lines() + "건 반영: 구독 해지 " + r.optedOut() + "건, 수신거부 목록에만 추가 " + r.suppressedOnly() + "건");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", "파일을 읽을 수 없습니다.");
        }
        return "redirect:/staff/messaging/subscribers";
    }

    @PostMapping("/subscribers/opt-out")
    @PreAuthorize(WRITE)
    String optOut(@RequestParam(required = false) String contact, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/subscribers", null, "수신 거부로 처리했습니다.",
                () -> subscribers.optOutContact(contact, "STAFF", "직원 처리(전화 요청 등)"));
    }

    // ---------------- templates ----------------

    @GetMapping("/templates")
    String templates(Model model) {
        model.addAttribute("templates", bulletins.templates());
        model.addAttribute("channels", SubscriberChannel.values());
        return "messaging/templates";
    }

    @PostMapping("/templates")
    @PreAuthorize(WRITE)
    String saveTemplate(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return run(redirect, "/staff/messaging/templates", form, "템플릿을 저장했습니다.", () -> bulletins.saveTemplate(
                form.get("id") == null || form.get("id").isBlank() ? null : parseLong(form.get("id")), form.get("name"),
                PublicSubscriptionPages.channel(form.get("channel")), form.get("kakaoCode"), form.get("subject"), form.get("body"),
                form.containsKey("approved")));
    }
}
