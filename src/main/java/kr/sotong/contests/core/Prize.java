package kr.sotong.contests.core;

/** 시상: a prize rank (대상, 최우수상 …), how many winners get it and what each receives. */
public record Prize(long id, long contestId, int rank, String name, int winners, long amountWon, String goods) {

    public long totalWon() {
        return amountWon * winners;
    }
}
