package kr.sotong.channels.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kr.sotong.channels.ChannelKind;
import kr.sotong.channels.internal.ChannelCatalog;
import kr.sotong.channels.internal.ContentCalendar;
import kr.sotong.channels.internal.Coupons;
import kr.sotong.channels.internal.Forms;
import kr.sotong.channels.internal.SnsEvents;
import kr.sotong.messaging.SubscriberChannel;
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

/** Staff screens of the PR channels (홍보미디어팀). */
@Controller
@RequestMapping("/staff/channels")
@PreAuthorize("hasAnyRole('PR_MEDIA','DIRECTOR','ADMIN')")
class ChannelPages {

    private static final String WRITE = "hasAnyRole('PR_MEDIA','ADMIN')";

    private final ChannelCatalog catalog;
    private final ContentCalendar calendar;
    private final SnsEvents events;
    private final Coupons coupons;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ChannelPages(ChannelCatalog catalog, ContentCalendar calendar, SnsEvents events, Coupons coupons, MessageSource messages,
                 java.time.Clock clock) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.events = events;
        this.coupons = coupons;
        this.messages = messages;
        this.clock = clock;
    }

    private String text(DomainException e) {
        return messages.getMessage(e.code(), e.args(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    interface Action {
        void run() throws IOException;
    }

    private String run(RedirectAttributes r, String target, Map<String, String> form, String ok, Action a) {
        try {
            a.run();
            r.addFlashAttribute("info", ok);
        } catch (DomainException e) {
            r.addFlashAttribute("error", text(e));
            if (form != null) {
                r.addFlashAttribute("form", form);
            }
        } catch (IOException e) {
            r.addFlashAttribute("error", "파일을 읽을 수 없습니다.");
        }
        return "redirect:" + target;
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("channels.choice", field + "을(를) 고르세요.");
        }
    }

    // ---------------- channels and metrics ----------------

    @GetMapping
    String channels(Model model) {
        model.addAttribute("overview", catalog.overview());
        model.addAttribute("kinds", ChannelKind.values());
        return "channels/channels";
    }

    @PostMapping
    @PreAuthorize(WRITE)
    String addChannel(@RequestParam Map<String, String> f, RedirectAttributes r) {
        return run(r, "/staff/channels", f, "채널을 추가했습니다.", () -> catalog.addChannel(choice(ChannelKind.class, f.get("kind"), "채널 종류"),
                f.get("name"), f.get("url"), Forms.date("개설일", f.get("openedOn"), false), f.get("cadence"), f.get("externalId")));
    }

    @GetMapping("/{id}")
    String channel(@PathVariable long id, Model model) {
        var c = catalog.channel(id);
        model.addAttribute("c", c);
        model.addAttribute("metrics", catalog.metrics(id));
        model.addAttribute("connector", catalog.connector(c.kind()).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        return "channels/channel";
    }

    @PostMapping("/{id}")
    @PreAuthorize(WRITE)
    String updateChannel(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes r) {
        return run(r, "/staff/channels/" + id, f, "채널 정보를 저장했습니다.", () -> catalog.updateChannel(id, f.get("url"),
                Forms.date("개설일", f.get("openedOn"), false), f.get("cadence"), f.get("externalId"), f.containsKey("active")));
    }

    @PostMapping("/{id}/metrics")
    @PreAuthorize(WRITE)
    String recordMetric(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes r) {
        return run(r, "/staff/channels/" + id, f, "지표를 기록했습니다.", () -> catalog.recordMetric(id, Forms.date("기준일", f.get("asOf"), true),
                Forms.number("구독자", f.get("subscribers")), Forms.number("콘텐츠 수", f.get("contents")), Forms.number("조회수", f.get("views")),
                "MANUAL", f.get("note")));
    }

    @PostMapping("/{id}/import")
    @PreAuthorize(WRITE)
    String importMetrics(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes r) {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("channels.file.none", "파일을 골라 주세요.");
            }
            var p = catalog.previewImport(id, file.getOriginalFilename(), file.getBytes());
            return "redirect:/staff/channels/imports/" + p.importId();
        } catch (DomainException e) {
            r.addFlashAttribute("error", text(e));
        } catch (IOException e) {
            r.addFlashAttribute("error", "파일을 읽을 수 없습니다.");
        }
        return "redirect:/staff/channels/" + id;
    }

    @GetMapping("/imports/{importId}")
    String importPreview(@PathVariable long importId, Model model) {
        var p = catalog.importPreview(importId);
        model.addAttribute("p", p);
        model.addAttribute("c", catalog.channel(p.channelId()));
        return "channels/import";
    }

    @PostMapping("/imports/{importId}/apply")
    @PreAuthorize(WRITE)
    String applyImport(@PathVariable long importId, RedirectAttributes r) {
        var p = catalog.importPreview(importId);
        return run(r, "/staff/channels/" + p.channelId(), null, "가져오기를 반영했습니다.", () -> catalog.applyImport(importId));
    }

    @PostMapping("/{id}/fetch")
    @PreAuthorize(WRITE)
    String fetch(@PathVariable long id, RedirectAttributes r) {
        return run(r, "/staff/channels/" + id, null, "플랫폼에서 오늘 지표를 가져왔습니다.",
                () -> catalog.fetch(id, catalog.connector(catalog.channel(id).kind()).orElse(null)));
    }

    // ---------------- content calendar ----------------

    @GetMapping("/calendar")
    String calendar(@RequestParam(required = false) String month, Model model) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            m = YearMonth.now(clock);
        }
        model.addAttribute("month", m);
        model.addAttribute("items", calendar.month(m));
        model.addAttribute("undated", calendar.undated());
        model.addAttribute("counts", calendar.yearlyCounts(m.getYear()));
        model.addAttribute("types", ContentCalendar.CONTENT_TYPES);
        model.addAttribute("formats", ContentCalendar.Format.values());
        model.addAttribute("campaigns", ContentCalendar.CAMPAIGNS);
        model.addAttribute("channels", catalog.channels());
        model.addAttribute("releases", calendar.recentReleases());
        model.addAttribute("names", catalog.channels().stream().collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.name())));
        return "channels/calendar";
    }

    private ContentCalendar.Input input(Map<String, String> f, List<Long> channelIds, List<String> tags) {
        List<String> all = new java.util.ArrayList<>(tags == null ? List.of() : tags);
        if (f.get("otherTags") != null) {
            all.addAll(Arrays.stream(f.get("otherTags").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        return new ContentCalendar.Input(f.get("title"), choice(ContentCalendar.Format.class, f.get("format"), "형식"), f.get("contentType"),
                Forms.date("게시 예정일", f.get("plannedOn"), false), Forms.date("게시일", f.get("publishedOn"), false),
                Forms.number("조회수", f.get("views")), f.get("url"), Forms.number("보도자료 번호", f.get("pressReleaseId")),
                f.get("pressReleaseTitle"), f.get("notes"), channelIds, all);
    }

    @PostMapping("/content")
    @PreAuthorize(WRITE)
    String createContent(@RequestParam Map<String, String> f, @RequestParam(required = false) List<Long> channelIds,
                         @RequestParam(required = false) List<String> tags, RedirectAttributes r) {
        return run(r, "/staff/channels/calendar" + (f.get("plannedOn") != null && f.get("plannedOn").length() >= 7 ? "?month=" + f.get("plannedOn").substring(0, 7) : ""),
                f, "콘텐츠를 추가했습니다.", () -> calendar.create(input(f, channelIds, tags)));
    }

    @GetMapping("/content/{id}")
    String content(@PathVariable long id, Model model) {
        var item = calendar.item(id);
        model.addAttribute("i", item);
        model.addAttribute("otherTags", String.join(", ", item.tags().stream().filter(t -> !ContentCalendar.CAMPAIGNS.contains(t)).toList()));
        model.addAttribute("types", ContentCalendar.CONTENT_TYPES);
        model.addAttribute("formats", ContentCalendar.Format.values());
        model.addAttribute("statuses", ContentCalendar.Status.values());
        model.addAttribute("campaigns", ContentCalendar.CAMPAIGNS);
        model.addAttribute("channels", catalog.channels());
        model.addAttribute("releases", calendar.recentReleases());
        return "channels/content";
    }

    @PostMapping("/content/{id}")
    @PreAuthorize(WRITE)
    String updateContent(@PathVariable long id, @RequestParam Map<String, String> f, @RequestParam(required = false) List<Long> channelIds,
                         @RequestParam(required = false) List<String> tags, RedirectAttributes r) {
        return run(r, "/staff/channels/content/" + id, f, "저장했습니다.", () -> calendar.update(id, input(f, channelIds, tags),
                Integer.parseInt(f.getOrDefault("version", "-1"))));
    }

    @PostMapping("/content/{id}/move")
    @PreAuthorize(WRITE)
    String move(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes r) {
        return run(r, "/staff/channels/content/" + id, null, "상태를 바꿨습니다.", () -> calendar.move(id,
                choice(ContentCalendar.Status.class, f.get("status"), "상태"), Forms.date("게시일", f.get("publishedOn"), false)));
    }

    // ---------------- promotions ----------------

    @GetMapping("/promotions")
    String promotions(Model model) {
        model.addAttribute("promotions", calendar.promotions());
        model.addAttribute("kinds", ContentCalendar.PromotionKind.values());
        return "channels/promotions";
    }

    @PostMapping("/promotions")
    @PreAuthorize(WRITE)
    String savePromotion(@RequestParam Map<String, String> f, RedirectAttributes r) {
        return run(r, "/staff/channels/promotions", f, "저장하고 업무계획 예산 집행에 기록했습니다.", () -> calendar.savePromotion(
                f.get("id") == null || f.get("id").isBlank() ? null : Forms.number("번호", f.get("id")),
                new ContentCalendar.PromotionInput(choice(ContentCalendar.PromotionKind.class, f.get("kind"), "종류"),
                        Forms.number("콘텐츠 번호", f.get("contentId")), f.get("partner"), f.get("targetAudience"),
                        Forms.date("시작일", f.get("startOn"), true), Forms.date("종료일", f.get("endOn"), true),
                        Forms.number("예산", f.get("budgetWon")), Forms.number("집행액", f.get("costWon")), Forms.number("도달", f.get("reach")),
                        Forms.number("클릭", f.get("clicks")), f.get("programCode"))));
    }

    @PostMapping("/promotions/{id}/cancel")
    @PreAuthorize(WRITE)
    String cancelPromotion(@PathVariable long id, RedirectAttributes r) {
        return run(r, "/staff/channels/promotions", null, "취소하고 예산 집행 기록을 철회했습니다.", () -> calendar.cancelPromotion(id));
    }

    // ---------------- SNS events ----------------

    @GetMapping("/events")
    String events(Model model) {
        model.addAttribute("events", events.events());
        return "channels/events";
    }

    private java.time.Instant time(String field, String v) {
        try {
            return LocalDateTime.parse(v == null ? "" : v.strip()).atZone(clock.getZone()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException("channels.time", field + "을(를) 입력하세요(날짜와 시각).");
        }
    }

    @PostMapping("/events")
    @PreAuthorize(WRITE)
    String createEvent(@RequestParam Map<String, String> f, RedirectAttributes r) {
        return run(r, "/staff/channels/events", f, "이벤트를 만들었습니다.", () -> {
            Long w = Forms.number("당첨자 수", f.get("winners"));
            events.create(f.get("slug"), f.get("title"), f.get("rules"), f.get("prize"), w == null ? 0 : w.intValue(),
                    time("시작", f.get("startAt")), time("종료", f.get("endAt")), f.containsKey("entryForm"));
        });
    }

    @GetMapping("/events/{id}")
    String event(@PathVariable long id, Model model) {
        model.addAttribute("e", events.event(id));
        model.addAttribute("entries", events.entries(id));
        model.addAttribute("offers", coupons.offers());
        return "channels/event";
    }

    @PostMapping("/events/{id}/{action:open|close|commit|draw}")
    @PreAuthorize(WRITE)
    String eventAction(@PathVariable long id, @PathVariable String action, RedirectAttributes r) {
        return run(r, "/staff/channels/events/" + id, null, switch (action) {
            case "open" -> "응모를 시작했습니다.";
            case "close" -> "응모를 마감했습니다.";
            case "commit" -> "추첨 시드의 해시와 응모자 명단을 공개했습니다.";
            default -> "추첨했습니다. 당첨자에게 문자로 알립니다.";
        }, () -> {
            switch (action) {
                case "open" -> events.open(id);
                case "close" -> events.close(id);
                case "commit" -> events.commit(id);
                default -> events.draw(id);
            }
        });
    }

    @PostMapping("/events/{id}/entrants")
    @PreAuthorize(WRITE)
    String importEntrants(@PathVariable long id, @RequestParam(required = false) String platform,
                          @RequestParam(required = false) MultipartFile file, RedirectAttributes r) {
        try {
            if (file == null || file.isEmpty()) {
                throw new DomainException("channels.file.none", "파일을 골라 주세요.");
            }
            var res = events.importEntrants(id, platform, file.getOriginalFilename(), file.getBytes());
            if (res.errors().isEmpty()) {
                r.addFlashAttribute("info", "응모자 " + res.added() + "명을 가져왔습니다 (중복 " + res.duplicates() + ", 대상 아님 " + res.ineligible() + ").");
            } else {
                r.addFlashAttribute("error", "잘못된 행이 있어 아무도 가져오지 않았습니다: " + String.join(" / ", res.errors().subList(0, Math.min(10, res.errors().size()))));
            }
        } catch (DomainException e) {
            r.addFlashAttribute("error", text(e));
        } catch (IOException e) {
            r.addFlashAttribute("error", "파일을 읽을 수 없습니다.");
        }
        return "redirect:/staff/channels/events/" + id;
    }

    // ---------------- coupons ----------------

    @GetMapping("/coupons")
    String coupons(Model model) {
        model.addAttribute("offers", coupons.offers());
        model.addAttribute("today", LocalDate.now(clock));
        return "channels/coupons";
    }

    @PostMapping("/coupons")
    @PreAuthorize(WRITE)
    String createOffer(@RequestParam Map<String, String> f, @RequestParam(required = false) MultipartFile file, RedirectAttributes r) {
        return run(r, "/staff/channels/coupons", f, "쿠폰을 만들었습니다.", () -> {
            List<String> codes = new java.util.ArrayList<>();
            if (f.get("codes") != null) {
                codes.addAll(Arrays.asList(f.get("codes").split("\\R")));
            }
            if (file != null && !file.isEmpty()) {
                var lines = kr.sotong.channels.internal.TableFile.read(file.getOriginalFilename(), file.getBytes());
                lines.forEach(l -> codes.add(l.get(0)));
            }
            Long gen = Forms.number("만들 코드 수", f.get("generate"));
            var created = coupons.create(f.get("partner"), f.get("title"), f.get("offer"), Forms.date("시작일", f.get("validFrom"), true),
                    Forms.date("종료일", f.get("validUntil"), true), codes, gen == null ? 0 : gen.intValue());
            r.addFlashAttribute("partnerCode", created.partnerCode());
            r.addFlashAttribute("partnerOffer", created.offerId());
        });
    }

    @GetMapping("/coupons/{id}")
    String offer(@PathVariable long id, Model model) {
        model.addAttribute("o", coupons.offer(id));
        model.addAttribute("coupons", coupons.coupons(id, 500));
        model.addAttribute("events", events.events().stream().filter(e -> e.status() == SnsEvents.Status.DRAWN).toList());
        return "channels/coupon";
    }

    @PostMapping("/coupons/{id}/issue")
    @PreAuthorize(WRITE)
    String issue(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes r) {
        return run(r, "/staff/channels/coupons/" + id, null, "쿠폰을 발급하고 문자로 보냈습니다.", () -> {
            if (f.get("eventId") != null && !f.get("eventId").isBlank()) {
                coupons.issueToWinners(id, Forms.number("이벤트", f.get("eventId")));
            } else {
                Long n = Forms.number("발급 수", f.get("count"));
                coupons.issueToSubscribers(id, SubscriberChannel.KAKAO, n == null ? 0 : n.intValue());
            }
        });
    }
}
