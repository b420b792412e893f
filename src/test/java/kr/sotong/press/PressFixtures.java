package kr.sotong.press;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffMember;
import kr.sotong.testsupport.Staff;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test helpers for the press module: staff with the workflow roles, contacts on a list of their own
 * (so each test's distribution reaches only its reporters), releases moved through the workflow, and a
 * recorder of the module's events.
 */
@Component
public class PressFixtures {

    final Staff staff;
    final PressOffice office;
    final PressContacts contacts;
    final List<PressReleasePublished> published = new CopyOnWriteArrayList<>();
    final List<DocumentDistributed> documentsDistributed = new CopyOnWriteArrayList<>();

    PressFixtures(Staff staff, PressOffice office, PressContacts contacts) {
        this.staff = staff;
        this.office = office;
        this.contacts = contacts;
    }

    @EventListener
    void on(PressReleasePublished e) {
        published.add(e);
    }

    @EventListener
    void on(DocumentDistributed e) {
        documentsDistributed.add(e);
    }

    /** The three people of the workflow. */
    record Team(StaffMember drafter, StaffMember lead, StaffMember director) {
    }

    Team team() {
        return new Team(staff.create("PRESS", false, Roles.PRESS), staff.create("PRESS", true, Roles.PRESS),
                staff.create(Roles.DIRECTOR));
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A list with {@code n} opted-in reporters whose addresses end in {@code @<domain>}; returns the list code. */
    String listWithReporters(StaffMember pressMember, String domain, int n) {
        String code = ("L" + unique()).toUpperCase();
        staff.runAs(pressMember, () -> {
            long outlet = contacts.addOutlet(new Contacts.OutletInput("시험일보 " + unique(), OutletKind.LOCAL, true, null, null,
                    null, null));
            contacts.addList(code, "시험 목록 " + code, null);
            for (int i = 0; i < n; i++) {
                long r = contacts.addReporter(new Contacts.Input(outlet, "김기자" + i, "rep" + i + "@" + domain,
                        "010-1234-56" + (10 + i), "구정", true));
                contacts.setMembership(code, r, true);
            }
        });
        return code;
    }

    /** A list without reporters: releases sent to it reach nobody (keeps other tests' mailboxes quiet). */
    List<String> quietList() {
        String code = ("Q" + unique()).toUpperCase();
        staff.runAs(staff.create("PRESS", false, Roles.PRESS), () -> contacts.addList(code, "빈 목록 " + code, null));
        return List.of(code);
    }

    static ReleaseDraft draft(String title, Instant distributeAt, Instant embargoUntil, List<String> lists) {
        return new ReleaseDraft(title, "금천구, 주민과 함께 준비", """
                □ 금천구(구청장 유성훈)는 개청 30주년을 맞아 구 소개 가이드북을 펴낸다고 밝혔다.
                ㅇ 가이드북은 자연, 시설, 인물, 명소 등 분야별로 금천의 매력을 담았다.
                 - 인쇄 책자와 함께 홈페이지에 전자책으로도 게시한다.
                ※ 자세한 내용은 소통담당관 홍보미디어팀으로 문의하면 된다.""", "소통담당관", "소통담당관 박과장",
                "홍길동", "02-2627-1234", distributeAt, embargoUntil, lists, null, null);
    }

    /** Creates a release and takes it through review and approval; returns its id (status SCHEDULED). */
    long approvedRelease(Team t, ReleaseDraft d) {
        long[] id = new long[1];
        staff.runAs(t.drafter(), () -> {
            id[0] = office.create(d);
            office.submit(id[0], "검토 부탁드립니다");
        });
        staff.runAs(t.lead(), () -> office.review(id[0], "좋습니다"));
        staff.runAs(t.director(), () -> office.approve(id[0], "승인"));
        return id[0];
    }
}
