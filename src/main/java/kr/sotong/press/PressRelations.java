package kr.sotong.press;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Press relations: interviews, planned articles and op-eds (인터뷰·기획기사·기고문) with outlet, date, topic
 * and result link; press tours and briefings with e-mailed invitations, RSVP and attendance; writing
 * training sessions (4 a year, by audience group, with working reporters as lecturers) with attendees
 * and feedback.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN','VIEWER')")
public class PressRelations {

    private final RelationsRepository repo;
    private final ContactRepository contacts;
    private final Notifications notifications;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    PressRelations(RelationsRepository repo, ContactRepository contacts, Notifications notifications,
                   PersonalDataCipher cipher, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.repo = repo;
        this.contacts = contacts;
        this.notifications = notifications;
        this.cipher = cipher;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    private void outlet(long id) {
        contacts.outlet(id).orElseThrow(() -> DomainException.notFound("언론사", id));
    }

    static String url(String u) {
        String v = Texts.optional("결과 링크", u, 500);
        if (v != null && !v.matches("(?i)https?://\\S+")) {
            throw new DomainException("press.url", "링크는 http:// 또는 https://로 시작해야 합니다.");
        }
        return v;
    }

    // ---------- placements ----------

    public List<Relations.Placement> placements(int year) {
        return repo.placements(year);
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addPlacement(Relations.PlacementKind kind, long outletId, LocalDate on, String topic, String resultUrl,
                             String note) {
        if (kind == null) {
            throw new DomainException("press.placement.kind", "구분(인터뷰/기획기사/기고문)을 고르세요.");
        }
        outlet(outletId);
        if (on == null) {
            throw new DomainException("press.placement.date", "게재(예정)일을 입력해 주세요.");
        }
        long id = repo.insertPlacement(kind, outletId, on, Texts.required("주제", topic, 300), url(resultUrl),
                Texts.optional("비고", note, 1000), staff.currentActor(), clock.instant());
        audit.record("press.placement.add", "PressPlacement", id, kind.label() + " " + topic);
        return id;
    }

    // ---------- events ----------

    public List<Relations.PressEvent> events() {
        return repo.events();
    }

    public Relations.PressEvent event(long id) {
        return repo.event(id).orElseThrow(() -> DomainException.notFound("언론 행사", id));
    }

    public List<Relations.Invitation> invitations(long eventId) {
        event(eventId);
        return repo.invitations(eventId);
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addEvent(Relations.EventKind kind, String title, Instant startsAt, String place, String description) {
        if (kind == null) {
            throw new DomainException("press.event.kind", "구분(프레스 투어/기자간담회)을 고르세요.");
        }
        if (startsAt == null) {
            throw new DomainException("press.event.starts", "일시를 입력해 주세요.");
        }
        long id = repo.insertEvent(kind, Texts.required("행사명", title, 200), startsAt, Texts.optional("장소", place, 300),
                Texts.optional("내용", description, 2000), staff.currentActor(), clock.instant());
        audit.record("press.event.add", "PressEvent", id, kind.label() + " " + title);
        return id;
    }

    /** Invites reporters by e-mail (once each); returns how many new invitations were sent. */
    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public int invite(long eventId, List<Long> reporterIds) {
        Relations.PressEvent e = event(eventId);
        if (reporterIds == null || reporterIds.isEmpty()) {
            throw new DomainException("press.event.no-reporters", "초대할 기자를 고르세요.");
        }
        int n = 0;
        for (long rid : reporterIds) {
            contacts.reporter(rid).orElseThrow(() -> DomainException.notFound("기자", rid));
            if (!repo.invite(eventId, rid, clock.instant())) {
                continue;
            }
            String email = cipher.decrypt(contacts.cipherText(rid).orElseThrow().emailEnc());
            String body = "금천구청 언론팀입니다.\n\n" + e.kind().label() + "에 초대합니다.\n\n행사: " + e.title() + "\n일시: "
                    + ReleaseDocuments.koreanDateTime(e.startsAt()) + "\n장소: " + (e.place() == null ? "추후 안내" : e.place())
                    + "\n\n참석 여부를 회신해 주시면 감사하겠습니다.";
            long nid = notifications.send(Notification.email(email, "[초대] " + e.title(), body, "press.event")
                    .withIdempotencyKey("press:event:" + eventId + ":" + rid));
            repo.setInvitationNotification(eventId, rid, nid);
            contacts.history(rid, "행사 초대", e.title(), staff.currentActor(), clock.instant());
            n++;
        }
        audit.record("press.event.invite", "PressEvent", eventId, "기자 " + n + "명 초대");
        return n;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void respond(long eventId, long reporterId, String rsvp, boolean attended) {
        event(eventId);
        if (!List.of("PENDING", "YES", "NO").contains(rsvp)) {
            throw new DomainException("press.event.rsvp", "참석 회신 값이 올바르지 않습니다.");
        }
        if (!repo.respond(eventId, reporterId, rsvp, attended)) {
            throw DomainException.notFound("초대", reporterId);
        }
        contacts.history(reporterId, "행사 회신", rsvp + (attended ? " / 참석" : ""), staff.currentActor(), clock.instant());
        audit.record("press.event.rsvp", "PressEvent", eventId, reporterId + ": " + rsvp + (attended ? " 참석" : ""));
    }

    // ---------- training ----------

    public List<Relations.Training> trainings(int year) {
        return repo.trainings(year);
    }

    public Relations.Training training(long id) {
        return repo.training(id).orElseThrow(() -> DomainException.notFound("보도자료 작성 교육", id));
    }

    public List<Relations.Attendee> attendees(long trainingId) {
        training(trainingId);
        return repo.attendees(trainingId);
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addTraining(String title, LocalDate on, String audience, String lecturer, String place, String note) {
        if (on == null) {
            throw new DomainException("press.training.date", "교육일을 입력해 주세요.");
        }
        long id = repo.insertTraining(Texts.required("교육명", title, 200), on, Texts.required("대상 그룹", audience, 100),
                Texts.optional("강사", lecturer, 200), Texts.optional("장소", place, 200), Texts.optional("비고", note, 1000),
                staff.currentActor(), clock.instant());
        audit.record("press.training.add", "PressTraining", id, title + " (" + audience + ")");
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void addAttendee(long trainingId, String name, String team, Integer rating, String feedback) {
        training(trainingId);
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new DomainException("press.training.rating", "만족도는 1~5 사이로 입력해 주세요.");
        }
        repo.insertAttendee(trainingId, Texts.required("이름", name, 100), Texts.optional("소속", team, 100), rating,
                Texts.optional("의견", feedback, 2000));
        audit.record("press.training.attendee", "PressTraining", trainingId, "수강자 추가");
    }
}
