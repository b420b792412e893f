package kr.sotong.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Platform settings under {@code sotong.*} (see docs/operations.md). */
@ConfigurationProperties("sotong")
public record PlatformProperties(
        Path home,
        String seed,
        ZoneId zone,
        String baseUrl,
        Security security,
        String dataKey,
        String dataKeysRetired,
        String lookupKey,
        Files files,
        Notifications notifications,
        Pdf pdf) {

    public PlatformProperties {
        home = home == null ? Path.of("./sotong-data") : home;
        seed = seed == null || seed.isBlank() ? "geumcheon-2025" : seed;
        zone = zone == null ? ZoneId.of("Asia/Seoul") : zone;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        security = security == null ? new Security(null, 5, null, null) : security;
        files = files == null ? new Files(null) : files;
        notifications = notifications == null ? new Notifications(null, null, 0) : notifications;
        pdf = pdf == null ? new Pdf(null) : pdf;
    }

    public record Security(String adminInitialPassword, int maxFailedLogins, Duration lockout,
                           Duration accessTokenLifetime) {
        public Security {
            maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
            lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
            accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(30) : accessTokenLifetime;
        }
    }

    public record Files(DataSize maxUpload) {
        public Files {
            maxUpload = maxUpload == null ? DataSize.ofMegabytes(50) : maxUpload;
        }
    }

    public record Notifications(String mailFrom, Duration pollInterval, int maxAttempts) {
        public Notifications {
            mailFrom = mailFrom == null || mailFrom.isBlank() ? "sotong@localhost" : mailFrom;
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
            maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        }
    }

    public record Pdf(String fontPath) {
    }
}
