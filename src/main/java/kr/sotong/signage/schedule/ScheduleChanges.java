package kr.sotong.signage.schedule;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a change that can alter schedules: bumps the shared schedule version in the caller's
 * transaction (so every node notices it) and publishes {@link ScheduleChanged}, on which this node
 * refreshes its cache and tells connected players right after the commit.
 */
@Component("signageScheduleChanges")
public class ScheduleChanges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public ScheduleChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String reason) {
        jdbc.sql("update signage_state set schedule_version = schedule_version + 1 where id = 1").update();
        events.publishEvent(new ScheduleChanged(reason));
    }

    public long currentVersion() {
        return jdbc.sql("select schedule_version from signage_state where id = 1").query(Long.class).single();
    }
}
