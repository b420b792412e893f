package kr.sotong.monitoring;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code sotong.monitoring.*}. The alert threshold and digest time given here are defaults;
 * staff can change them on the settings page (stored in {@code monitoring_setting}).
 *
 * @param alertThreshold     negativity score (0–100) from which an article is flagged and alerted
 * @param classifierThreshold probability of 부정/왜곡 from the trained classifier that also flags an article
 * @param digestTime         time of the daily clipping digest e-mail (Asia/Seoul)
 * @param caseTarget         target time to answer a response case (보도설명자료 배포까지)
 * @param maxFeedSize        feeds and article pages larger than this are refused
 * @param connectTimeout     HTTP connect timeout per request
 * @param readTimeout        whole-response timeout per request
 * @param hostInterval       minimum pause between two requests to the same host
 * @param pollerEnabled      whether the background poller runs (the "지금 수집" button always works)
 * @param groupingThreshold  Jaccard similarity from which two articles are rewrites of one release
 * @param releaseContainment share of an article's noun shingles found in a release to attribute it
 */
@ConfigurationProperties("sotong.monitoring")
public record MonitoringProperties(Integer alertThreshold, Double classifierThreshold, LocalTime digestTime,
                                   Duration caseTarget, DataSize maxFeedSize, Duration connectTimeout,
                                   Duration readTimeout, Duration hostInterval, Boolean pollerEnabled,
                                   Double groupingThreshold, Double releaseContainment, String userAgent) {

    public MonitoringProperties {
        alertThreshold = alertThreshold == null ? 60 : alertThreshold;
        classifierThreshold = classifierThreshold == null ? 0.8 : classifierThreshold;
        digestTime = digestTime == null ? LocalTime.of(8, 0) : digestTime;
        caseTarget = caseTarget == null ? Duration.ofHours(24) : caseTarget;
        maxFeedSize = maxFeedSize == null ? DataSize.ofMegabytes(10) : maxFeedSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        hostInterval = hostInterval == null ? Duration.ofSeconds(1) : hostInterval;
        pollerEnabled = pollerEnabled == null || pollerEnabled;
        groupingThreshold = groupingThreshold == null ? 0.5 : groupingThreshold;
        releaseContainment = releaseContainment == null ? 0.35 : releaseContainment;
        userAgent = userAgent == null || userAgent.isBlank() ? "Sotong-Monitoring/1.0 (+geumcheon.go.kr)" : userAgent;
    }
}
