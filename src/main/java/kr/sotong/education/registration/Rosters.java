package kr.sotong.education.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.sotong.education.catalogue.Course;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.education.catalogue.TargetGroup;
import kr.sotong.platform.AuditLog;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who registered, with names and phones masked. Every roster view or export is written to the access log with
 * its purpose; revealing one resident's full contact details is a separate, logged action.
 */
@Service
public class Rosters {

    private final Registrations registrations;
    private final Residents residents;
    private final Courses courses;
    private final AuditLog audit;

    Rosters(Registrations registrations, Residents residents, Courses courses, AuditLog audit) {
        this.registrations = registrations;
        this.residents = residents;
        this.courses = courses;
        this.audit = audit;
    }

    public record Entry(long registrationId, long residentId, int arrivalNo, RegistrationStatus status, Integer seatNo,
                        int waitlistPosition, Integer queueNo, String maskedName, String maskedPhone, TargetGroup group,
                        Channel channel, Instant createdAt, Instant offerExpiresAt, Boolean completed, String lotteryKey,
                        String endReason) {
    }

    /** The course's registrations in arrival order; logged as a personal-data access with {@code purpose}. */
    @Transactional
    public List<Entry> roster(long courseId, String purpose) {
        List<Registration> all = registrations.ofCourse(courseId);
        List<Entry> entries = entries(all);
        audit.recordAccess("EducationCourseRoster", courseId, purpose + " (" + entries.size() + "명, 마스킹)");
        return entries;
    }

    /** Seat holders (confirmed) in seat order, for roll-call; logged. */
    @Transactional
    public List<Entry> confirmed(long courseId, String purpose) {
        List<Entry> entries = entries(registrations.withStatus(courseId, RegistrationStatus.CONFIRMED)).stream()
                .sorted(java.util.Comparator.comparing(Entry::seatNo)).toList();
        audit.recordAccess("EducationCourseRoster", courseId, purpose + " (" + entries.size() + "명, 마스킹)");
        return entries;
    }

    /** A resident's own registrations, found by the verified phone number. */
    @Transactional(readOnly = true)
    public List<Mine> mine(PhoneNumber phone) {
        List<Long> ids = residents.idsByPhone(phone);
        List<Mine> out = new ArrayList<>();
        for (Registration r : registrations.ofResidents(ids)) {
            Course c = courses.require(r.courseId());
            String name = residents.contact(r.residentId()).map(x -> Masking.name(x.name())).orElse("");
            out.add(new Mine(r.id(), c.id(), c.title(), name, r.status(), r.seatNo(), registrations.waitlistPosition(r),
                    r.offerExpiresAt(), r.completed(), r.createdAt()));
        }
        return out;
    }

    public record Mine(long registrationId, long courseId, String courseTitle, String maskedName, RegistrationStatus status,
                       Integer seatNo, int waitlistPosition, Instant offerExpiresAt, Boolean completed, Instant createdAt) {
    }

    /** True when the registration belongs to someone using this phone number. */
    @Transactional(readOnly = true)
    public boolean belongsTo(long registrationId, PhoneNumber phone) {
        return registrations.find(registrationId).map(r -> residents.idsByPhone(phone).contains(r.residentId())).orElse(false);
    }

    /** Full contact details of one registrant (staff calling a resident); logged with the purpose. */
    @Transactional
    public Residents.Contact reveal(long registrationId, String purpose) {
        Registration r = registrations.require(registrationId);
        Residents.Contact c = residents.contact(r.residentId()).orElseThrow();
        audit.recordAccess("EducationResident", r.residentId(), purpose + " (신청 " + registrationId + ")");
        return c;
    }

    private List<Entry> entries(List<Registration> list) {
        Map<Long, Residents.Contact> contacts = list.stream().map(Registration::residentId).distinct()
                .map(id -> residents.contact(id).orElseThrow())
                .collect(Collectors.toMap(Residents.Contact::id, Function.identity()));
        List<Entry> out = new ArrayList<>();
        int position = 0;
        List<Registration> waitOrder = list.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .sorted(java.util.Comparator.comparing(Registration::queueNo)).toList();
        Map<Long, Integer> positions = new java.util.HashMap<>();
        for (Registration w : waitOrder) {
            positions.put(w.id(), ++position);
        }
        for (Registration r : list) {
            Residents.Contact c = contacts.get(r.residentId());
            out.add(new Entry(r.id(), r.residentId(), r.arrivalNo(), r.status(), r.seatNo(), positions.getOrDefault(r.id(), 0),
                    r.queueNo(), Masking.name(c.name()), c.phone().masked(), r.group(), r.channel(), r.createdAt(),
                    r.offerExpiresAt(), r.completed(), r.lotteryKey(), r.endReason()));
        }
        return out;
    }
}
