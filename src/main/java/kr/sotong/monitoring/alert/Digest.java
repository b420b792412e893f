package kr.sotong.monitoring.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.monitoring.coverage.Coverage;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import kr.sotong.monitoring.ingest.Settings;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily clipping digest (일일 스크랩): at the configured time (default 08:00) an e-mail with the coverage of
 * the past 24 hours, flagged articles first, then grouped by press release, then the rest. Sent once per day to
 * the active on-duty staff and the head of office (DIRECTOR); a digest missed by more than three hours (server
 * down) is not sent late.
 */
@Service
public class Digest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d HH:mm").withZone(SEOUL);

    private final JdbcClient jdbc;
    private final Articles articles;
    private final Coverage coverage;
    private final Settings settings;
    private final Notifications notifications;
    private final StaffDirectory staff;
    private final Clock clock;

    Digest(JdbcClient jdbc, Articles articles, Coverage coverage, Settings settings, Notifications notifications,
           StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.coverage = coverage;
        this.settings = settings;
        this.notifications = notifications;
        this.staff = staff;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sotong.monitoring.digest-check:PT30S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "monitoring.digest", lockAtMostFor = "PT5M")
    public void tick() {
        sendIfDue();
    }

    /** Sends today's digest when its time has come and it was not sent yet. Returns the recipients count. */
    @Transactional
    public int sendIfDue() {
        ZonedDateTime now = clock.instant().atZone(SEOUL);
        LocalDateTime due = now.toLocalDate().atTime(settings.digestTime());
        if (now.toLocalDateTime().isBefore(due) || now.toLocalDateTime().isAfter(due.plusHours(3))) {
            return 0;
        }
        return send(now.toLocalDate());
    }

    /** Composes and queues the digest of the day (idempotent per day). */
    @Transactional
    public int send(LocalDate day) {
        Instant end = day.atTime(settings.digestTime()).atZone(SEOUL).toInstant();
        Instant start = end.minus(Duration.ofDays(1));
        int claimed = jdbc.sql("insert into monitoring_digest (day, sent_at, recipients, articles) values (:d, :at, 0, 0) on conflict do nothing")
                .param("d", day).param("at", Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return 0;
        }
        List<Article> list = articles.publishedBetween(start, end);
        String subject = "[언론 모니터링] " + day.getMonthValue() + "월 " + day.getDayOfMonth() + "일 보도 스크랩 (" + list.size() + "건)";
        String body = compose(day, start, end, list);
        Set<String> recipients = new LinkedHashSet<>();
        jdbc.sql("select account_id from monitoring_duty where active").query(Long.class).list()
                .forEach(id -> staff.byId(id).filter(StaffMember::enabled).map(StaffMember::email).ifPresent(recipients::add));
        staff.withRole(Roles.DIRECTOR).stream().filter(StaffMember::enabled).map(StaffMember::email).forEach(recipients::add);
        recipients.removeIf(e -> e == null || e.isBlank());
        for (String r : recipients) {
            notifications.send(Notification.email(r, subject, body, "monitoring.digest")
                    .withIdempotencyKey("monitoring.digest." + day + "." + r.toLowerCase()));
        }
        jdbc.sql("update monitoring_digest set recipients = :r, articles = :a where day = :d")
                .param("r", recipients.size()).param("a", list.size()).param("d", day).update();
        return recipients.size();
    }

    /** The digest text: flagged first, then by release (most covered first), then the rest. */
    public String compose(LocalDate day, Instant start, Instant end, List<Article> list) {
        StringBuilder sb = new StringBuilder();
        sb.append("금천구 언론 보도 스크랩 — ").append(day).append('\n')
                .append("집계 기간: ").append(TIME.format(start)).append(" ~ ").append(TIME.format(end))
                .append(" / 전체 ").append(list.size()).append("건\n\n");
        List<Article> flagged = list.stream().filter(a -> a.flagged() || a.sentiment() != null && a.sentiment().adverse())
                .sorted(Comparator.comparingInt(Article::score).reversed()).toList();
        sb.append("■ 주의 기사 (").append(flagged.size()).append("건)\n");
        if (flagged.isEmpty()) {
            sb.append("  없음\n");
        }
        for (Article a : flagged) {
            sb.append("  ! [").append(a.outlet()).append("] ").append(a.title()).append(" (부정 가능성 ").append(a.score())
                    .append("점)\n    ").append(a.url() == null ? "" : a.url()).append('\n');
        }
        Map<Long, List<Article>> byRelease = new LinkedHashMap<>();
        List<Article> rest = new ArrayList<>();
        for (Article a : list) {
            if (a.releaseId() != null) {
                byRelease.computeIfAbsent(a.releaseId(), k -> new ArrayList<>()).add(a);
            } else {
                rest.add(a);
            }
        }
        sb.append("\n■ 보도자료별 보도 (").append(byRelease.size()).append("건의 보도자료)\n");
        byRelease.entrySet().stream().sorted((x, y) -> y.getValue().size() - x.getValue().size()).forEach(e -> {
            String title = coverage.release(e.getKey()).map(Coverage.ReleaseRef::title).orElse("보도자료 #" + e.getKey());
            Set<String> outlets = new LinkedHashSet<>();
            e.getValue().forEach(a -> outlets.add(a.outlet()));
            sb.append("  ▶ ").append(title).append(" — ").append(e.getValue().size()).append("건, ").append(outlets.size())
                    .append("개 언론사\n");
            for (Article a : e.getValue()) {
                sb.append("    - [").append(a.outlet()).append("] ").append(a.title()).append('\n');
            }
        });
        sb.append("\n■ 기타 보도 (").append(rest.size()).append("건)\n");
        for (Article a : rest) {
            sb.append("  - [").append(a.outlet()).append("] ").append(a.title()).append('\n');
        }
        return sb.toString();
    }
}
