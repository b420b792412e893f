package kr.sotong.signage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.contests.ContestWinnersAnnounced;
import kr.sotong.newsletter.NewsletterIssuePublished;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.press.PressReleasePublished;
import kr.sotong.signage.content.ContentItem;
import kr.sotong.signage.content.ContentItems;
import kr.sotong.signage.content.ContentKind;
import kr.sotong.signage.content.ContentSource;
import kr.sotong.signage.content.ContentStatus;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Other modules' published events become signage content awaiting approval, once each. */
@SotongTest
class ContentIntakeTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ContentItems items;
    @Autowired
    FileStore files;

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private ContentItem awaitItem(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> items.findBySourceKey(key).isPresent());
        return items.findBySourceKey(key).orElseThrow();
    }

    private static long uniqueId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    @Test
    void aPublishedPressReleaseBecomesANoticeWithAQrCodeOnceAndACorrectionReplacesIt() {
        long id = uniqueId();
        PressReleasePublished v1 = new PressReleasePublished(id, 1, "금천구, 개청 30주년 기념 주간 운영", "9월 한 달간 구민 참여 행사",
                "□ 개요\nㅇ 기간: 2025. 9. 1. ~ 9. 30.\nㅇ 장소: 금천구청 광장\n\n- 세부 일정은 누리집 참조", "홍보미디어팀",
                Instant.now(), Instant.now(), false, "/press/" + id);
        publish(v1);
        ContentItem notice = awaitItem("press:" + id + ":v1");
        assertThat(notice.kind()).isEqualTo(ContentKind.NOTICE);
        assertThat(notice.status()).isEqualTo(ContentStatus.PENDING);
        assertThat(notice.source()).isEqualTo(ContentSource.PRESS);
        assertThat(notice.bodyText()).contains("9월 한 달간 구민 참여 행사").contains("ㅇ 기간").contains("문의: 홍보미디어팀");
        assertThat(notice.linkUrl()).endsWith("/press/" + id);
        assertThat(notice.qrSha256()).isNotNull();
        assertThat(files.find(notice.qrSha256()).orElseThrow().mediaType()).isEqualTo("image/png");
        assertThat(notice.validUntil()).isEqualTo(notice.validFrom().plusDays(14));

        // delivered again (e.g. republished after a restart): still one item
        publish(v1);
        PressReleasePublished v2 = new PressReleasePublished(id, 2, "[정정] 금천구, 개청 30주년 기념 주간 운영", null,
                "ㅇ 장소: 금천구청 대강당", "홍보미디어팀", Instant.now(), Instant.now(), true, "/press/" + id);
        publish(v2);
        ContentItem corrected = awaitItem("press:" + id + ":v2");
        assertThat(corrected.status()).isEqualTo(ContentStatus.PENDING);
        await().atMost(Duration.ofSeconds(10)).until(() -> items.findBySourceKey("press:" + id + ":v1").orElseThrow().status()
                == ContentStatus.WITHDRAWN);
        assertThat(items.findBySourcePrefix("press:" + id + ":")).hasSize(2);
        assertThat(items.findBySourceKey("press:" + id + ":v1").orElseThrow().decisionNote()).contains("정정");
    }

    @Test
    void contestWinnersBecomeImagesVideosOrNoticesAndArriveOnce() throws Exception {
        long contest = uniqueId();
        StoredFile photo = files.store(new ByteArrayInputStream(SignageFixtures.png(Color.YELLOW, 1200, 800)), "winner.png");
        StoredFile video;
        try (var in = getClass().getResourceAsStream("/signage/clip-2s.mp4")) {
            video = files.store(in, "short.mp4");
        }
        StoredFile tiny = files.store(new ByteArrayInputStream(SignageFixtures.png(Color.RED, 50, 50)), "tiny.png");
        ContestWinnersAnnounced event = new ContestWinnersAnnounced(contest, "2025 금천 디지털사진 공모전", "PHOTO", List.of(
                new ContestWinnersAnnounced.Winner(1, 1, "대상", "금천의 아침", photo.sha256(), photo.mediaType(), "홍*동"),
                new ContestWinnersAnnounced.Winner(2, 2, "최우수상", "가산 야경", video.sha256(), video.mediaType(), "김*수"),
                new ContestWinnersAnnounced.Winner(3, 3, "우수상", "시흥 골목", "f".repeat(64), "image/png", "이*영"),
                new ContestWinnersAnnounced.Winner(4, 3, "우수상", "작은 사진", tiny.sha256(), tiny.mediaType(), "박*민")));
        publish(event);
        ContentItem first = awaitItem("contest:" + contest + ":entry:1");
        ContentItem second = awaitItem("contest:" + contest + ":entry:2");
        ContentItem missing = awaitItem("contest:" + contest + ":entry:3");
        ContentItem small = awaitItem("contest:" + contest + ":entry:4");
        assertThat(first.kind()).isEqualTo(ContentKind.IMAGE);
        assertThat(first.width()).isEqualTo(1200);
        assertThat(first.title()).contains("대상").contains("금천의 아침");
        assertThat(second.kind()).isEqualTo(ContentKind.VIDEO);
        assertThat(second.durationMs()).isBetween(1900L, 2100L);
        assertThat(missing.kind()).isEqualTo(ContentKind.NOTICE);
        assertThat(missing.checkNote()).contains("찾을 수 없어");
        assertThat(missing.bodyText()).contains("이*영");
        assertThat(small.kind()).isEqualTo(ContentKind.NOTICE);
        assertThat(small.checkNote()).contains("해상도가 너무 낮습니다");
        assertThat(List.of(first, second, missing, small)).allMatch(c -> c.status() == ContentStatus.PENDING);

        publish(event);
        // the second delivery is handled (idempotently) before this one completes
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(500))
                .until(() -> items.findBySourcePrefix("contest:" + contest + ":").size() == 4);
    }

    @Test
    void aNewsletterCoverBecomesAnImageAndAnIssueWithoutCoverANotice() {
        long issue = uniqueId();
        StoredFile cover = files.store(new ByteArrayInputStream(SignageFixtures.png(Color.WHITE, 900, 1270)), "cover.png");
        publish(new NewsletterIssuePublished(issue, 301, "2025-09", "개청 30주년 특별호", 24, cover.sha256(), cover.mediaType(),
                "/newsletter/2025-09"));
        publish(new NewsletterIssuePublished(issue + 1, 302, "2025-10", "가을호", 20, null, null, "/newsletter/2025-10"));
        ContentItem image = awaitItem("newsletter:" + issue);
        ContentItem notice = awaitItem("newsletter:" + (issue + 1));
        assertThat(image.kind()).isEqualTo(ContentKind.IMAGE);
        assertThat(image.title()).contains("301호").contains("2025-09");
        assertThat(image.height()).isEqualTo(1270);
        assertThat(notice.kind()).isEqualTo(ContentKind.NOTICE);
        assertThat(notice.qrSha256()).isNotNull();
        assertThat(notice.bodyText()).contains("302호");
    }
}
