package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import kr.sotong.testsupport.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embargo with a fixed clock (absent from /press, the feed and the API one minute before the 보도 시점,
 * present one minute after), distribution by e-mail to the list's opted-in reporters with attachments,
 * the delivery log, never sending twice, publication events once per edition, corrections, and
 * documents requested by other modules.
 */
@SotongTest
class EmbargoAndDistributionTest {

    @Autowired
    PressFixtures fx;
    @Autowired
    PressOffice office;
    @Autowired
    PressContacts contacts;
    @Autowired
    PressJobs jobs;
    @Autowired
    Staff staff;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FileStore files;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private static List<MimeMessage> mailTo(String domain) {
        return Arrays.stream(TestEnvironment.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().endsWith("@" + domain));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                var part = mp.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    names.add(jakarta.mail.internet.MimeUtility.decodeText(part.getFileName()));
                }
            }
        }
        return names;
    }

    @Test
    void embargoHidesEverythingUntilTheMinuteAndMailGoesToEachOptedInReporterWithAttachments() throws Exception {
        var t = fx.team();
        String domain = "emb" + PressFixtures.unique() + ".press.test";
        String list = fx.listWithReporters(t.drafter(), domain, 3);
        // one reporter on the list who did not opt in, one who bounced: neither receives anything
        staff.runAs(t.drafter(), () -> {
            long outlet = contacts.outlets().get(0).id();
            long noOptIn = contacts.addReporter(new Contacts.Input(outlet, "이거부", "optout@" + domain, null, null, false));
            contacts.setMembership(list, noOptIn, true);
            long bounced = contacts.addReporter(new Contacts.Input(outlet, "박반송", "bounced@" + domain, null, null, true));
            contacts.setMembership(list, bounced, true);
            contacts.markBounced(bounced, "수신 거부 반송");
        });
        var base = LocalDateTime.of(2031, 3, 3, 9, 0);
        clock.setTo(base);
        String title = "엠바고 시험 <script>alert(1)</script> " + PressFixtures.unique();
        var distributeAt = base.plusHours(1).atZone(MutableClock.SEOUL).toInstant();
        var embargo = base.plusDays(1).withHour(6).atZone(MutableClock.SEOUL).toInstant();
        long[] id = new long[1];
        staff.runAs(t.drafter(), () -> {
            id[0] = office.create(PressFixtures.draft(title, distributeAt, embargo, List.of(list)));
            office.addFile(id[0], "ATTACHMENT", new ByteArrayInputStream((new String(minimalPdf(), StandardCharsets.US_ASCII)
                    + "%" + domain + "\n").getBytes(StandardCharsets.US_ASCII)), "붙임1_계획.pdf", null);
            office.submit(id[0], null);
        });
        staff.runAs(t.lead(), () -> office.review(id[0], null));
        staff.runAs(t.director(), () -> office.approve(id[0], null));

        // the distribution time comes: the job sends it, once, even when two nodes run the job together
        clock.setTo(base.plusHours(1).plusMinutes(1));
        var pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(jobs::distributeDue, jobs::distributeDue));
        pool.shutdown();
        for (Future<Integer> f : runs) {
            f.get();
        }
        assertThat(jdbc.sql("select count(*) from press_distribution where release_id = :id").param("id", id[0])
                .query(Long.class).single()).isEqualTo(1);
        staff.runAs(t.drafter(), () -> assertThat(office.release(id[0]).status()).isEqualTo(ReleaseStatus.DISTRIBUTED));
        jobs.distributeDue();
        assertThat(jdbc.sql("select count(*) from press_distribution where release_id = :id").param("id", id[0])
                .query(Long.class).single()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() >= 3);
        Thread.sleep(500);
        List<MimeMessage> mails = mailTo(domain);
        assertThat(mails).hasSize(3);
        for (MimeMessage m : mails) {
            assertThat(m.getSubject()).startsWith("[보도자료] 엠바고 시험").contains("보도 시점");
            assertThat(attachmentNames(m)).contains("붙임1_계획.pdf").anyMatch(n -> n.endsWith(".hwpx"));
        }
        assertThat(mails.stream().map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                return "";
            }
        })).doesNotContain("optout@" + domain, "bounced@" + domain);
        // per-recipient delivery log
        jobs.syncDeliveries();
        staff.runAs(t.drafter(), () -> {
            long distributionId = office.editions(id[0]).get(0).distributionId();
            var log = office.deliveries(distributionId);
            assertThat(log).hasSize(3).allMatch(d -> d.status().equals("SENT") && d.emailMasked().contains("*"));
        });

        // one minute before the embargo: nowhere outside the press team
        clock.setTo(base.plusDays(1).withHour(5).withMinute(59));
        String html = mvc.perform(get("/press")).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("엠바고 시험");
        assertThat(mvc.perform(get("/press/feed.xml")).andReturn().getResponse().getContentAsString()).doesNotContain("엠바고 시험");
        mvc.perform(get("/press/" + id[0])).andExpect(status().isNotFound());
        mvc.perform(get("/press/" + id[0] + "/release.hwpx")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/press/releases/" + id[0])).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1/press/releases")).andReturn().getResponse().getContentAsString())
                .doesNotContain("엠바고 시험");
        var viewer = staff.create(Roles.VIEWER);
        mvc.perform(get("/api/v1/press/releases/" + id[0]).with(staff.as(viewer))).andExpect(status().isNotFound());
        assertThat(office.publishedReleases(null, "엠바고 시험", 10, 0)).isEmpty();
        assertThat(jobs.publishDue()).isGreaterThanOrEqualTo(0);
        assertThat(fx.published).noneMatch(e -> e.releaseId() == id[0]);
        // … while the press team sees it
        mvc.perform(get("/api/v1/press/releases/" + id[0]).with(staff.as(t.drafter()))).andExpect(status().isOk());

        // one minute after: public page, feed, API and search; the event goes out exactly once
        clock.setTo(base.plusDays(1).withHour(6).withMinute(1));
        String page = mvc.perform(get("/press")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("엠바고 시험").contains("&lt;script&gt;").doesNotContain("<script>alert(1)");
        assertThat(mvc.perform(get("/press/feed.xml")).andReturn().getResponse().getContentAsString()).contains("엠바고 시험");
        String detail = mvc.perform(get("/press/" + id[0])).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("가이드북").contains("홍길동").contains("붙임1_계획.pdf").doesNotContain("<script>alert(1)");
        mvc.perform(get("/api/v1/press/releases/" + id[0])).andExpect(status().isOk());
        assertThat(office.publishedReleases(null, "엠바고 시험", 10, 0)).extracting(PublishedRelease::id).contains(id[0]);
        jobs.publishDue();
        jobs.publishDue();
        assertThat(fx.published.stream().filter(e -> e.releaseId() == id[0])).hasSize(1)
                .allMatch(e -> e.version() == 1 && !e.correction() && e.publicUrl().equals("/press/" + id[0])
                        && e.bodyText().contains("□ 금천구"));
    }

    @Test
    void correctionIsANewEditionDistributedAgainAndPublishedAgain() throws Exception {
        var t = fx.team();
        String domain = "cor" + PressFixtures.unique() + ".press.test";
        String list = fx.listWithReporters(t.drafter(), domain, 2);
        var base = LocalDateTime.of(2031, 5, 6, 9, 0);
        clock.setTo(base);
        var now = clock.instant();
        long id = fx.approvedRelease(t, PressFixtures.draft("정정 시험 " + PressFixtures.unique(), now,
                now.plus(Duration.ofMinutes(30)), List.of(list)));
        staff.runAs(t.drafter(), () -> office.distributeNow(id));
        clock.setTo(base.plusHours(1));
        jobs.publishDue();
        staff.runAs(t.drafter(), () -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> office.distributeNow(id))
                    .hasMessageContaining("배포할 수 없습니다");
            office.startCorrection(id, "행사 날짜 오기");
            ReleaseView v = office.release(id);
            assertThat(v.edition()).isEqualTo(2);
            var d = PressFixtures.draft(v.title(), clock.instant(), clock.instant().plus(Duration.ofMinutes(5)), List.of(list));
            office.update(id, v.lockVersion(), new ReleaseDraft(d.title(), d.subtitle(), d.body().replace("펴낸다고", "3월에 펴낸다고"),
                    d.department(), d.responsible(), d.contactName(), d.contactPhone(), d.distributeAt(), d.embargoUntil(),
                    d.listCodes(), null, "발간 시기를 3월로 바로잡음"));
            office.submit(id, null);
        });
        // while the correction is in the workflow the public still sees edition 1
        assertThat(office.publishedSummary(id)).get().extracting(PublishedRelease::edition).isEqualTo(1);
        // … and so do staff outside the press team, on screens and in the API
        var viewer = staff.create(Roles.VIEWER);
        staff.runAs(viewer, () -> {
            ReleaseView seen = office.release(id);
            assertThat(seen.edition()).isEqualTo(1);
            assertThat(seen.current().body()).doesNotContain("3월에 펴낸다고");
            assertThat(office.releases(null, null, 500, 0)).filteredOn(r -> r.id() == id).hasSize(1)
                    .allMatch(r -> r.edition() == 1);
        });
        assertThat(mvc.perform(get("/api/v1/press/releases/" + id).with(staff.as(viewer))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("3월에 펴낸다고");
        staff.runAs(t.lead(), () -> office.review(id, null));
        staff.runAs(t.director(), () -> office.approve(id, null));
        staff.runAs(t.drafter(), () -> office.distributeNow(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() >= 4);
        assertThat(mailTo(domain).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("[정정 보도자료]");
            } catch (Exception e) {
                return false;
            }
        })).hasSize(2);
        clock.setTo(base.plusHours(1).plusMinutes(10));
        jobs.publishDue();
        var detail = office.publishedRelease(id).orElseThrow();
        assertThat(detail.summary().edition()).isEqualTo(2);
        assertThat(detail.summary().correction()).isTrue();
        assertThat(detail.body()).contains("3월에 펴낸다고");
        assertThat(fx.published.stream().filter(e -> e.releaseId() == id).map(PressReleasePublished::version))
                .containsExactly(1, 2);
        assertThat(fx.published.stream().filter(e -> e.releaseId() == id && e.version() == 2)).allMatch(PressReleasePublished::correction);
    }

    @Test
    void documentRequestedByAnotherModuleIsDistributedOnceAndAnswered() throws Exception {
        var t = fx.team();
        String domain = "doc" + PressFixtures.unique() + ".press.test";
        String list = fx.listWithReporters(t.drafter(), domain, 2);
        String key = "monitoring:case:" + PressFixtures.unique();
        byte[] unique = (new String(minimalPdf(), StandardCharsets.US_ASCII) + "%" + key + "\n").getBytes(StandardCharsets.US_ASCII);
        var pdf = files.store(new ByteArrayInputStream(unique), "설명자료.pdf");
        var request = new DocumentDistributionRequested(key, "CLARIFICATION", "○○일보 보도에 대한 설명",
                "□ 보도 내용 중 예산 액수는 사실과 다릅니다.", "소통담당관", "홍길동", "02-2627-1234", List.of(list),
                List.of(pdf.sha256()));
        // published by another module in its transaction: the listener answers asynchronously
        tx.executeWithoutResult(s -> events.publishEvent(request));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(domain).size() >= 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.documentsDistributed.stream().anyMatch(d -> d.requestKey().equals(key)));
        assertThat(fx.documentsDistributed.stream().filter(d -> d.requestKey().equals(key)).findFirst().orElseThrow().recipients())
                .isEqualTo(2);
        MimeMessage m = mailTo(domain).get(0);
        assertThat(m.getSubject()).isEqualTo("[보도설명자료] ○○일보 보도에 대한 설명");
        assertThat(attachmentNames(m)).containsExactly("설명자료.pdf");
        // the same request again (redelivery): nothing more is sent
        tx.executeWithoutResult(s -> events.publishEvent(request));
        Thread.sleep(2000);
        assertThat(office.distributeDocument(request)).isEmpty();
        assertThat(mailTo(domain)).hasSize(2);
        assertThat(fx.documentsDistributed.stream().filter(d -> d.requestKey().equals(key))).hasSize(1);
        // a request that cannot be sent is recorded with its reason, not retried forever
        var bad = new DocumentDistributionRequested("bad:" + PressFixtures.unique(), "CLARIFICATION", "제목", "본문",
                null, null, null, List.of("NO-SUCH-LIST"), List.of());
        assertThat(office.distributeDocument(bad)).isPresent();
        assertThat(jdbc.sql("select failure from press_document where request_key = :k").param("k", bad.requestKey())
                .query(String.class).single()).contains("없는 배포 목록");
    }

    static byte[] minimalPdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
