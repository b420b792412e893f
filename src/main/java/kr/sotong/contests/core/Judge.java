package kr.sotong.contests.core;

/** A staff account assigned to a panel of a contest. */
public record Judge(long id, long contestId, long panelId, long accountId, String displayName) {
}
