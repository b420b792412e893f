package kr.sotong.contests.core;

/** 심사 기준 with its weight (the weights of a contest add up to 100). */
public record Criterion(long id, long contestId, int position, String name, String description, int weight) {
}
