package kr.sotong.signage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import kr.sotong.platform.Roles;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.device.OfflineWatch;
import kr.sotong.testsupport.MutableClock;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SotongTest
class OfflineWatchTest {

    @Autowired
    SignageFixtures fx;
    @Autowired
    OfflineWatch watch;
    @Autowired
    DeviceRegistry registry;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Staff staff;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSilentDeviceAlertsThePrMediaTeamOnceUntilItIsHeardAgain() throws Exception {
        staff.create(Roles.PR_MEDIA); // someone to tell
        Device d = fx.device(SignageFixtures.uniqueTag());
        String token = fx.token(d);
        Instant start = Instant.now();
        clock.setTo(start);
        mvc.perform(post("/player/v1/heartbeat").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        assertThat(watch.check()).extracting(Device::id).doesNotContain(d.id());

        clock.setTo(start.plus(Duration.ofMinutes(11)));
        assertThat(watch.check()).extracting(Device::id).contains(d.id());
        assertThat(fx.as(() -> registry.get(d.id())).condition(clock.instant(), registry.offlineAfter()))
                .isEqualTo(Device.Condition.OFFLINE);
        assertThat(jdbc.sql("""
                        select count(*) from platform_notification where purpose = 'signage.offline' and body like :code""")
                .param("code", "%" + d.code() + "%").query(Long.class).single()).isPositive();
        // alerted once
        clock.setTo(start.plus(Duration.ofMinutes(20)));
        assertThat(watch.check()).extracting(Device::id).doesNotContain(d.id());

        // back online: the alert is cleared and a later silence alerts again
        mvc.perform(post("/player/v1/heartbeat").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        assertThat(fx.as(() -> registry.get(d.id())).offlineAlertedAt()).isNull();
        clock.setTo(start.plus(Duration.ofMinutes(35)));
        assertThat(watch.check()).extracting(Device::id).contains(d.id());
    }
}
