package kr.sotong.press;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.Program;
import kr.sotong.workplan.Workplan;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual press plan: planned releases by month, issue and program. 기획형 보도자료 are derived from
 * the work plan's activities and their key dates (start and end of each activity's period); staff add
 * their own, assign owners and follow the status. Exported as an iCalendar feed for staff calendars.
 */
@Service
@Transactional(readOnly = true)
public class PressPlans {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final PlanRepository repo;
    private final Workplan workplan;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    PressPlans(PlanRepository repo, Workplan workplan, AuditLog audit, StaffDirectory staff, PersonalDataCipher cipher,
               Clock clock) {
        this.repo = repo;
        this.workplan = workplan;
        this.audit = audit;
        this.staff = staff;
        this.cipher = cipher;
        this.clock = clock;
    }

    public List<PlanItem> items(int year) {
        return repo.year(year);
    }

    public PlanItem item(long id) {
        return repo.item(id).orElseThrow(() -> DomainException.notFound("언론홍보계획 항목", id));
    }

    /** Items grouped by month 1…12 (for the calendar view). */
    public Map<Integer, List<PlanItem>> calendar(int year) {
        Map<Integer, List<PlanItem>> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(m, new ArrayList<>());
        }
        repo.year(year).forEach(i -> byMonth.get(i.month()).add(i));
        return byMonth;
    }

    /**
     * Derives 기획형 보도자료 from the work plan's activities of the year: one planned release when an
     * activity starts (착수) and one when it ends (성과), at those key dates. Items already derived are
     * kept as they are. Returns how many were added.
     */
    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public int deriveFromWorkplan(int year) {
        if (year < 2000 || year > 2100) {
            throw new DomainException("press.plan.year", "연도는 2000~2100 사이여야 합니다.");
        }
        Map<String, String> programTitles = new LinkedHashMap<>();
        workplan.programs().forEach(p -> programTitles.put(p.code(), p.title()));
        int added = 0;
        for (Program.Activity a : workplan.activities(year)) {
            String issue = programTitles.getOrDefault(a.programCode(), a.programCode());
            LocalDate start = a.start();
            LocalDate end = a.end();
            boolean wholeYear = start != null && end != null && start.equals(LocalDate.of(year, 1, 1))
                    && end.equals(LocalDate.of(year, 12, 31));
            if (start != null && start.getYear() == year && !wholeYear) {
                if (repo.insert(year, start.getMonthValue(), "[착수] " + a.title(), issue, a.programCode(), a.id(),
                        "wp:" + a.id() + ":start:" + year, start, null, periodNote(a))) {
                    added++;
                }
            }
            if (end != null && end.getYear() == year && (start == null || !end.equals(start)) && !wholeYear) {
                if (repo.insert(year, end.getMonthValue(), "[성과] " + a.title(), issue, a.programCode(), a.id(),
                        "wp:" + a.id() + ":end:" + year, end, null, periodNote(a))) {
                    added++;
                }
            }
            if (wholeYear) {
                if (repo.insert(year, 1, "[연중] " + a.title(), issue, a.programCode(), a.id(), "wp:" + a.id() + ":year:" + year,
                        start, null, periodNote(a))) {
                    added++;
                }
            }
        }
        audit.record("press.plan.derive", "PressPlan", year, "업무계획에서 기획형 보도자료 " + added + "건 추가");
        return added;
    }

    private static String periodNote(Program.Activity a) {
        String period = a.periodLabel() != null ? a.periodLabel() : (a.start() + " ~ " + (a.end() == null ? "" : a.end()));
        return "업무계획 " + a.code() + " (" + period + ")";
    }

    public record ItemInput(int month, String title, String issue, LocalDate keyDate, String owner, String status,
                            String note) {
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void add(int year, ItemInput in) {
        ItemInput c = clean(in, year);
        repo.insert(year, c.month(), c.title(), c.issue(), null, null, null, c.keyDate(), c.owner(), c.note());
        audit.record("press.plan.add", "PressPlan", year, c.month() + "월 " + c.title());
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void update(long id, ItemInput in) {
        PlanItem item = item(id);
        ItemInput c = clean(in, item.year());
        repo.update(id, c.month(), c.title(), c.issue(), c.keyDate(), c.owner(), c.status(), c.note());
        audit.record("press.plan.update", "PressPlanItem", id, c.month() + "월 " + c.title() + " / " + c.status());
    }

    private ItemInput clean(ItemInput in, int year) {
        if (in.month() < 1 || in.month() > 12) {
            throw new DomainException("press.plan.month", "월은 1~12 사이여야 합니다.");
        }
        String title = Texts.required("보도 주제", in.title(), 200);
        String issue = Texts.optional("이슈·분야", in.issue(), 100);
        if (in.keyDate() != null && in.keyDate().getYear() != year) {
            throw new DomainException("press.plan.key-date", "주요 일자는 계획 연도(" + year + "년) 안이어야 합니다.");
        }
        String owner = Texts.optional("담당자", in.owner(), 64);
        if (owner != null && staff.byUsername(owner).isEmpty()) {
            throw new DomainException("press.plan.owner", "없는 직원 아이디입니다: " + owner);
        }
        String status = in.status() == null || in.status().isBlank() ? "PLANNED" : in.status();
        if (!List.of("PLANNED", "DRAFTING", "DISTRIBUTED", "CANCELLED").contains(status)) {
            throw new DomainException("press.plan.status", "상태 값이 올바르지 않습니다: " + status);
        }
        return new ItemInput(in.month(), title, issue, in.keyDate(), owner, status, Texts.optional("비고", in.note(), 500));
    }

    // ---------- iCalendar ----------

    /** Secret path segment of a staff member's calendar feed URL (keyed hash; no session needed). */
    public String calendarToken(String username) {
        return cipher.lookupHash("press.plan.ics:" + username).substring(0, 32);
    }

    /** Checks a calendar feed URL: the token must match and the account must be press team and enabled. */
    public boolean calendarTokenValid(String username, String token) {
        if (username == null || token == null || !token.equals(calendarToken(username))) {
            return false;
        }
        return staff.byUsername(username).filter(StaffMember::enabled).filter(PressRelease::isPressTeam).isPresent();
    }

    /** RFC 5545 calendar of the year's planned releases (all-day events on their key dates or month starts). */
    public String icalendar(int year) {
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(clock.instant().atZone(ZoneId.of("UTC")));
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//Sotong//Press plan//KO");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "X-WR-CALNAME:" + escape(year + "년 언론홍보계획"));
        for (PlanItem i : repo.year(year)) {
            LocalDate d = i.keyDate() != null ? i.keyDate() : LocalDate.of(year, i.month(), 1);
            line(sb, "BEGIN:VEVENT");
            line(sb, "UID:press-plan-" + i.id() + "@sotong");
            line(sb, "DTSTAMP:" + stamp);
            line(sb, "DTSTART;VALUE=DATE:" + day.format(d));
            line(sb, "DTEND;VALUE=DATE:" + day.format(d.plusDays(1)));
            line(sb, "SUMMARY:" + escape("[보도계획] " + i.title()));
            StringBuilder desc = new StringBuilder("상태: " + i.statusLabel());
            if (i.issue() != null) {
                desc.append("\n이슈: ").append(i.issue());
            }
            if (i.owner() != null) {
                desc.append("\n담당: ").append(i.owner());
            }
            if (i.note() != null) {
                desc.append("\n").append(i.note());
            }
            line(sb, "DESCRIPTION:" + escape(desc.toString()));
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (UTF-8), as RFC 5545 requires. */
    static void line(StringBuilder sb, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            sb.append(content).append("\r\n");
            return;
        }
        int octets = 0;
        StringBuilder current = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            int limit = first ? 75 : 74;
            if (octets + len > limit) {
                sb.append(first ? "" : " ").append(current).append("\r\n");
                current.setLength(0);
                octets = 0;
                first = false;
            }
            current.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        sb.append(first ? "" : " ").append(current).append("\r\n");
    }
}
