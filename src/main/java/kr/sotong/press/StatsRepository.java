package kr.sotong.press;

import static kr.sotong.press.ReleaseRepository.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts for the statistics page (original editions = releases produced). */
@Repository
class StatsRepository {

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** [year, count] of releases distributed (original editions). */
    List<long[]> releasesPerYear() {
        return jdbc.sql("""
                        select extract(year from distributed_at at time zone 'Asia/Seoul')::int, count(*)
                          from press_release_edition where edition = 1 group by 1 order by 1""")
                .query((rs, i) -> new long[] {rs.getInt(1), rs.getLong(2)}).list();
    }

    long[] releasesPerMonth(Instant from, Instant to) {
        long[] months = new long[12];
        jdbc.sql("""
                        select extract(month from distributed_at at time zone 'Asia/Seoul')::int, count(*)
                          from press_release_edition where edition = 1 and distributed_at >= :from and distributed_at < :to
                         group by 1""")
                .param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> new long[] {rs.getInt(1), rs.getLong(2)}).list()
                .forEach(r -> months[(int) r[0] - 1] = r[1]);
        return months;
    }

    /** [department, count] — 담당 부서 of the releases distributed in the period. */
    List<Object[]> releasesPerDepartment(Instant from, Instant to) {
        return jdbc.sql("""
                        select coalesce(department, '(미기재)'), count(*) from press_release_edition
                         where edition = 1 and distributed_at >= :from and distributed_at < :to group by 1 order by 2 desc, 1""")
                .param("from", ts(from)).param("to", ts(to))
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
    }

    long corrections(Instant from, Instant to) {
        return jdbc.sql("select count(*) from press_release_edition where edition > 1 and distributed_at >= :from and distributed_at < :to")
                .param("from", ts(from)).param("to", ts(to)).query(Long.class).single();
    }
}
