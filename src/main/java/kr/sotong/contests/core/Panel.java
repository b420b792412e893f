package kr.sotong.contests.core;

import java.util.List;

/** 심사위원단: judges who score the entries assigned to the panel. */
public record Panel(long id, long contestId, String name, List<Judge> judges) {
}
