package kr.sotong.signage.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Signage settings under {@code sotong.signage.*}.
 *
 * @param offlineAfter          silence after which a paired device counts as offline and staff are alerted
 * @param pairingCodeLifetime   how long a pairing code shown by a player stays valid
 * @param maxImageSize          largest accepted image upload
 * @param maxVideoSize          largest accepted video upload (the platform's multipart limit also applies)
 * @param maxVideoDuration      longest accepted video
 * @param pollInterval          how often players re-check their schedule (conditional GET)
 * @param heartbeatInterval     how often players send a heartbeat
 * @param clockSkewTolerance    device clock offsets up to this are not corrected in proof of play
 * @param proofOfPlayMaxAge     older plays are refused (a player offline longer than this lost them)
 * @param proofOfPlayMaxBatch   plays per upload
 * @param versionPollInterval   how often a node checks whether another node changed schedules
 */
@ConfigurationProperties("sotong.signage")
public record SignageProperties(Duration offlineAfter, Duration pairingCodeLifetime, DataSize maxImageSize,
                                DataSize maxVideoSize, Duration maxVideoDuration, Duration pollInterval,
                                Duration heartbeatInterval, Duration clockSkewTolerance, Duration proofOfPlayMaxAge,
                                int proofOfPlayMaxBatch, Duration versionPollInterval) {

    public SignageProperties {
        offlineAfter = offlineAfter == null ? Duration.ofMinutes(10) : offlineAfter;
        pairingCodeLifetime = pairingCodeLifetime == null ? Duration.ofMinutes(15) : pairingCodeLifetime;
        maxImageSize = maxImageSize == null ? DataSize.ofMegabytes(20) : maxImageSize;
        maxVideoSize = maxVideoSize == null ? DataSize.ofMegabytes(50) : maxVideoSize;
        maxVideoDuration = maxVideoDuration == null ? Duration.ofMinutes(30) : maxVideoDuration;
        pollInterval = pollInterval == null ? Duration.ofSeconds(60) : pollInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(60) : heartbeatInterval;
        clockSkewTolerance = clockSkewTolerance == null ? Duration.ofSeconds(2) : clockSkewTolerance;
        proofOfPlayMaxAge = proofOfPlayMaxAge == null ? Duration.ofDays(35) : proofOfPlayMaxAge;
        proofOfPlayMaxBatch = proofOfPlayMaxBatch <= 0 ? 1000 : proofOfPlayMaxBatch;
        versionPollInterval = versionPollInterval == null ? Duration.ofSeconds(2) : versionPollInterval;
    }
}
