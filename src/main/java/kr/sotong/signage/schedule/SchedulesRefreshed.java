package kr.sotong.signage.schedule;

/** This node loaded a new schedule version (after a local commit or another node's change). */
public record SchedulesRefreshed(long version) {
}
