package kr.sotong.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import kr.sotong.monitoring.MonitoringProperties;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Settings staff may change (alert threshold, classifier threshold, digest time); defaults from properties. */
@Service
public class Settings {

    static final String ALERT_THRESHOLD = "alert.threshold";
    static final String CLASSIFIER_THRESHOLD = "classifier.threshold";
    static final String DIGEST_TIME = "digest.time";

    private final JdbcClient jdbc;
    private final MonitoringProperties props;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;

    Settings(JdbcClient jdbc, MonitoringProperties props, AuditLog audit, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    public MonitoringProperties properties() {
        return props;
    }

    private Optional<String> value(String key) {
        return jdbc.sql("select value from monitoring_setting where key = :k").param("k", key).query(String.class).optional();
    }

    public int alertThreshold() {
        return value(ALERT_THRESHOLD).map(Integer::parseInt).orElse(props.alertThreshold());
    }

    public double classifierThreshold() {
        return value(CLASSIFIER_THRESHOLD).map(Double::parseDouble).orElse(props.classifierThreshold());
    }

    public LocalTime digestTime() {
        return value(DIGEST_TIME).map(LocalTime::parse).orElse(props.digestTime());
    }

    @Transactional
    public void update(int alertThreshold, double classifierThreshold, String digestTime) {
        if (alertThreshold < 1 || alertThreshold > 100) {
            throw new DomainException("monitoring.settings.threshold", "알림 기준 점수는 1~100 사이여야 합니다.");
        }
        if (classifierThreshold < 0.5 || classifierThreshold > 0.99) {
            throw new DomainException("monitoring.settings.classifier", "분류기 기준 확률은 0.5~0.99 사이여야 합니다.");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(digestTime == null ? "" : digestTime.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("monitoring.settings.digest", "요약 메일 시각은 08:00 형식으로 입력하세요.");
        }
        put(ALERT_THRESHOLD, Integer.toString(alertThreshold));
        put(CLASSIFIER_THRESHOLD, Double.toString(classifierThreshold));
        put(DIGEST_TIME, time.toString());
        audit.record("monitoring.settings.update", "MonitoringSetting", "monitoring",
                "알림 기준 " + alertThreshold + "점, 분류기 " + classifierThreshold + ", 요약 메일 " + time);
    }

    private void put(String key, String value) {
        jdbc.sql("""
                        insert into monitoring_setting (key, value, updated_at, updated_by) values (:k, :v, :at, :by)
                        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
                                                        updated_by = excluded.updated_by""")
                .param("k", key).param("v", value).param("at", Timestamp.from(clock.instant()))
                .param("by", staff.currentActor()).update();
    }
}
