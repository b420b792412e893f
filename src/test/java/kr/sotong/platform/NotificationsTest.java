package kr.sotong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SotongTest
class NotificationsTest {

    @Autowired
    Notifications notifications;
    @Autowired
    FileStore files;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(TestEnvironment.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void manyAtOnceAreQueuedLikeOneByOneInTheirOrderAndIdempotent() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = "many-a-" + tag + "@example.org";
        String b = "many-b-" + tag + "@example.org";
        long earlier = tx.execute(s -> notifications.send(Notification.email(a, "먼저", "먼저 보낸 알림", "test.many")
                .withIdempotencyKey("many:" + tag + ":1")));
        List<Long> ids = tx.execute(s -> notifications.sendAll(List.of(
                Notification.email(a, "하나", "이미 보낸 키", "test.many").withIdempotencyKey("many:" + tag + ":1"),
                Notification.email(b, "둘", "새 알림", "test.many").withIdempotencyKey("many:" + tag + ":2"),
                Notification.sms("010-2345-6789", "셋", "test.many").withIdempotencyKey("many:" + tag + ":3"),
                Notification.email(b, "둘 다시", "같은 키 두 번", "test.many").withIdempotencyKey("many:" + tag + ":2"))));
        assertThat(ids).hasSize(4);
        assertThat(ids.get(0)).isEqualTo(earlier);
        assertThat(ids.get(3)).isEqualTo(ids.get(1));
        assertThat(ids.get(2)).isNotIn(ids.get(0), ids.get(1));
        assertThat(jdbc.sql("select count(*) from platform_notification where idempotency_key like :k").param("k", "many:" + tag + ":%")
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select recipient_hint from platform_notification where id = :id").param("id", ids.get(2))
                .query(String.class).single()).doesNotContain("2345");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(b).size() == 1);
        assertThat(mailTo(b).get(0).getSubject()).isEqualTo("둘");
        // a rolled-back transaction queues nothing
        String c = "many-c-" + tag + "@example.org";
        try {
            tx.executeWithoutResult(s -> {
                notifications.sendAll(List.of(Notification.email(c, "넷", "취소될 알림", "test.many").withIdempotencyKey("many:" + tag + ":4")));
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(jdbc.sql("select count(*) from platform_notification where idempotency_key = :k").param("k", "many:" + tag + ":4")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void emailIsSentAfterCommitWithAttachments() throws Exception {
        String to = "reporter-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
        StoredFile file = files.store(new ByteArrayInputStream("%PDF-1.4\n보도자료 첨부\n".getBytes(StandardCharsets.UTF_8)),
                "붙임1.pdf");
        long id = tx.execute(s -> notifications.send(Notification.email(to, "[보도자료] 시험", "본문입니다.", "test.mail")
                .withAttachments(List.of(new Notification.Attachment(file.sha256(), "붙임1_보도자료.pdf")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailTo(to).isEmpty());
        MimeMessage m = mailTo(to).get(0);
        assertThat(m.getSubject()).isEqualTo("[보도자료] 시험");
        MimeMultipart mp = (MimeMultipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(2);
        assertThat(mp.getBodyPart(1).getFileName()).contains("붙임1_보도자료.pdf".substring(0, 3));
        assertThat(GreenMailUtil.getBody(m)).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.status(id).state() == Notifications.State.SENT);
    }

    @Test
    void eachRowOfABatchKeepsItsOwnOutcome() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String good = "batch-" + tag + "@example.org";
        List<Long> ids = tx.execute(s -> notifications.sendAll(List.of(
                Notification.email(good, "정상", "보낼 수 있는 알림", "test.batch"),
                // no SMS gateway is configured in the tests: this one fails and is retried later
                Notification.sms("010-3456-7890", "게이트웨이가 없는 문자", "test.batch"),
                Notification.email(good, "정상 둘", "보낼 수 있는 알림", "test.batch"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> notifications.status(id).attempts() > 0
                && notifications.status(id).state() != Notifications.State.SENDING));
        record Row(String status, int attempts, String error, boolean sent, boolean retryLater) {
        }
        List<Row> rows = ids.stream().map(id -> jdbc.sql("""
                        select status, attempts, last_error, sent_at is not null, next_attempt_at > now() + interval '5 seconds'
                          from platform_notification where id = :id""")
                .param("id", id).query((rs, i) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5)))
                .single()).toList();
        assertThat(rows.get(0)).isEqualTo(new Row("SENT", 1, null, true, false));
        assertThat(rows.get(2)).isEqualTo(new Row("SENT", 1, null, true, false));
        // the message that could not be sent waits for its next attempt, with the reason, not marked sent
        assertThat(rows.get(1).status()).isEqualTo("PENDING");
        assertThat(rows.get(1).attempts()).isEqualTo(1);
        assertThat(rows.get(1).error()).isNotBlank();
        assertThat(rows.get(1).sent()).isFalse();
        assertThat(rows.get(1).retryLater()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(good).size() == 2);
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        String to = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
        try {
            tx.executeWithoutResult(s -> {
                notifications.send(Notification.email(to, "보내면 안 됨", "x", "test.rollback"));
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        Thread.sleep(1500);
        assertThat(mailTo(to)).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyIsSentOnce() {
        String to = "once-" + UUID.randomUUID().toString().substring(0, 8) + "@press.example";
        String key = "test-once-" + UUID.randomUUID();
        long a = notifications.send(Notification.email(to, "한 번만", "x", "test.once").withIdempotencyKey(key));
        long b = notifications.send(Notification.email(to, "한 번만", "x", "test.once").withIdempotencyKey(key));
        assertThat(b).isEqualTo(a);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(to).size() == 1);
        assertThat(jdbc.sql("select count(*) from platform_notification where idempotency_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void recipientsAreEncryptedAtRestAndShownMasked() {
        String to = "private-" + UUID.randomUUID().toString().substring(0, 8) + "@resident.example";
        long id = notifications.send(Notification.email(to, "안내", "x", "test.private"));
        var row = jdbc.sql("select recipient, recipient_hint from platform_notification where id = :id").param("id", id)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).startsWith("pd1:").doesNotContain("private-");
        assertThat(row[1]).startsWith("pr").contains("*").endsWith("@resident.example");
    }
}
