package kr.sotong.education.catalogue;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the education module ({@code sotong.education.*}).
 *
 * @param baseUrl          public address used in links sent to residents
 * @param sweepInterval    how often offers are expired, free seats refilled and lotteries drawn
 * @param reminderTime     from this time of day, residents are reminded of tomorrow's sessions
 * @param applyPerIp       public registration attempts allowed per IP address and {@code applyWindow}
 * @param applyWindow      window of that limit
 * @param residentSession  how long a verified phone number stays verified in the browser session
 */
@ConfigurationProperties("sotong.education")
public record EducationProperties(String baseUrl, Duration sweepInterval, LocalTime reminderTime, int applyPerIp,
                                  Duration applyWindow, Duration residentSession) {

    public EducationProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        reminderTime = reminderTime == null ? LocalTime.of(10, 0) : reminderTime;
        applyPerIp = applyPerIp <= 0 ? 60 : applyPerIp;
        applyWindow = applyWindow == null ? Duration.ofMinutes(10) : applyWindow;
        residentSession = residentSession == null ? Duration.ofMinutes(30) : residentSession;
    }
}
