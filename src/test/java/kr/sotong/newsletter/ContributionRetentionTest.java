package kr.sotong.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kr.sotong.newsletter.contribution.ContributionRetention;
import kr.sotong.newsletter.contribution.ContributionService;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Contributors' names and contacts are erased one year after the review, as the form promises. */
@SotongTest
class ContributionRetentionTest {

    @Autowired
    ContributionRetention retention;
    @Autowired
    ContributionService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    MutableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    long contribution(Instant decidedAt) {
        return jdbc.sql("""
                        insert into newsletter_contribution (receipt_no, theme, title, story, credit, name_enc, contact_enc,
                             contact_hash, consent_publication, consent_rights, consent_privacy, status, decided_by, decided_at,
                             decision_note, submitted_at)
                        values (:r, '기타', '보관 기간 시험', '이야기', 'NAME', :n, :c, :h, true, true, true, 'REJECTED', 'tester',
                                :d, '시험', :d) returning id""")
                .param("r", "T" + UUID.randomUUID().toString().substring(0, 12)).param("n", cipher.encrypt("이보관"))
                .param("c", cipher.encrypt("01055550000")).param("h", cipher.lookupHash("01055550000"))
                .param("d", Timestamp.from(decidedAt)).query(Long.class).single();
    }

    @Test
    void personalDataIsErasedAYearAfterTheReview() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        clock.setTo(now);
        long old = contribution(now.minus(Duration.ofDays(366)));
        long recent = contribution(now.minus(Duration.ofDays(100)));
        assertThat(retention.eraseExpired()).isGreaterThanOrEqualTo(1);
        assertThat(service.review(old).maskedName()).isEqualTo("(파기됨)");
        assertThatThrownBy(() -> service.reveal(old, "확인")).isInstanceOf(DomainException.class).hasMessageContaining("파기");
        assertThat(service.review(recent).maskedName()).isEqualTo("이*관");
        assertThat(retention.eraseExpired()).isZero();
    }
}
