package kr.sotong.signage.schedule;

/** Something that can change what devices play was committed (published inside the transaction). */
public record ScheduleChanged(String reason) {
}
