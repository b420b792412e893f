package kr.sotong.education.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.education.catalogue.EducationProperties;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.education.counselling.CounsellingDesk;
import kr.sotong.education.counselling.Topic;
import kr.sotong.education.registration.Applicant;
import kr.sotong.education.registration.Channel;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.RateLimits;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 디지털상담소: residents pick a free 1:1 slot and book it with their name, phone and a one-time code. */
@Controller
@RequestMapping("/classes/counselling")
class CounsellingPublicController {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final CounsellingDesk desk;
    private final OneTimeCodes codes;
    private final RateLimits limits;
    private final EducationProperties properties;
    private final Texts texts;
    private final Clock clock;

    CounsellingPublicController(CounsellingDesk desk, OneTimeCodes codes, RateLimits limits, EducationProperties properties,
                                Texts texts, Clock clock) {
        this.desk = desk;
        this.codes = codes;
        this.limits = limits;
        this.properties = properties;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    String slots(Model model) {
        Map<LocalDate, List<CounsellingDesk.Slot>> byDay = new LinkedHashMap<>();
        for (CounsellingDesk.Slot s : desk.open()) {
            byDay.computeIfAbsent(s.startsAt().atZone(SEOUL).toLocalDate(), d -> new java.util.ArrayList<>()).add(s);
        }
        model.addAttribute("days", byDay);
        return "education/public/counselling";
    }

    @GetMapping("/{slotId}")
    String form(@PathVariable long slotId, Model model) {
        model.addAttribute("slot", openSlot(slotId));
        model.addAttribute("form", ApplyForm.empty());
        model.addAttribute("topics", Topic.values());
        return "education/public/counselling-book";
    }

    @PostMapping("/{slotId}")
    String book(@PathVariable long slotId, ApplyForm form, @RequestParam(required = false) String topic,
                @RequestParam(required = false) String detail, Model model, HttpServletRequest request, HttpSession session) {
        CounsellingDesk.Slot slot = desk.slot(slotId);
        model.addAttribute("slot", slot);
        model.addAttribute("form", form);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("topic", topic);
        model.addAttribute("detail", detail);
        try {
            limits.acquire("edu.counsel", request.getRemoteAddr(), properties.applyPerIp(), properties.applyWindow());
            Applicant who = ClassesController.applicant(new ApplyForm(form.name(), form.phone(), form.email(),
                    TargetGroup.RESIDENT.name(), form.consent(), null));
            Topic t = topic(topic);
            if (!ResidentSession.prove(codes, texts, session, clock, properties.residentSession(), who.phone(), form.code(), model,
                    "/classes/counselling/" + slotId, "edu.counselling.confirm")) {
                return "education/public/code";
            }
            model.addAttribute("booked", desk.book(slotId, who, t, detail, Channel.ONLINE));
            return "education/public/counselling-done";
        } catch (DomainException e) {
            model.addAttribute("error", texts.error(e));
            return "education/public/counselling-book";
        }
    }

    static Topic topic(String value) {
        try {
            return Topic.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new DomainException("edu.counselling.topic", "상담받고 싶은 내용을 고르세요.");
        }
    }

    private CounsellingDesk.Slot openSlot(long slotId) {
        CounsellingDesk.Slot s = desk.slot(slotId);
        if (s.status() != CounsellingDesk.Status.OPEN || !s.startsAt().isAfter(clock.instant())) {
            throw DomainException.conflict("edu.counselling.taken", "방금 다른 분이 예약했거나 지난 시간입니다. 다른 시간을 골라 주세요.");
        }
        return s;
    }
}
