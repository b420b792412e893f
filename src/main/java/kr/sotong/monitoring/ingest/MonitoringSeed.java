package kr.sotong.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import kr.sotong.platform.SeedRuns;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Initial relevance terms for Geumcheon-gu (place names, the district head, G밸리, facilities and programs from
 * the 2025 work plan). The yearly coverage baselines are in the migration.
 */
@Component
@Order(100)
class MonitoringSeed implements ApplicationRunner {

    static final List<String[]> TERMS = List.of(
            new String[] {"금천구", "PLACE"}, new String[] {"금천", "PLACE"}, new String[] {"금천구청", "ORGANISATION"},
            new String[] {"금천구청장", "PERSON"}, new String[] {"유성훈", "PERSON"}, new String[] {"금천구의회", "ORGANISATION"},
            new String[] {"G밸리", "PLACE"}, new String[] {"지밸리", "PLACE"}, new String[] {"가산디지털단지", "PLACE"},
            new String[] {"가산동", "PLACE"}, new String[] {"독산동", "PLACE"}, new String[] {"시흥동", "PLACE"},
            new String[] {"독산역", "FACILITY"}, new String[] {"석수역", "FACILITY"}, new String[] {"금천구청역", "FACILITY"},
            new String[] {"시흥대로", "PLACE"}, new String[] {"호암산", "PLACE"}, new String[] {"안양천", "PLACE"},
            new String[] {"금천한내", "PLACE"}, new String[] {"금천향기", "PROGRAM"}, new String[] {"금나래", "PROGRAM"},
            new String[] {"금천하모니축제", "PROGRAM"}, new String[] {"G밸리 기업지원센터", "FACILITY"},
            new String[] {"좋은도시 금천", "PROGRAM"});

    private final SeedRuns seeds;
    private final JdbcClient jdbc;
    private final Clock clock;

    MonitoringSeed(SeedRuns seeds, JdbcClient jdbc, Clock clock) {
        this.seeds = seeds;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String checksum = Integer.toHexString(TERMS.stream().map(t -> t[0] + ":" + t[1]).toList().hashCode());
        seeds.runOnce("monitoring-terms", "1", checksum, () -> {
            for (String[] t : TERMS) {
                jdbc.sql("""
                                insert into monitoring_term (term, kind, active, created_at, created_by)
                                values (:t, :k, true, :at, 'seed') on conflict (term) do nothing""")
                        .param("t", t[0]).param("k", t[1]).param("at", Timestamp.from(clock.instant())).update();
            }
        });
    }
}
