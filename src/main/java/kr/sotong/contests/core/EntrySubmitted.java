package kr.sotong.contests.core;

/** Internal: an entry was submitted (its public, metadata-free copy is made after commit). */
public record EntrySubmitted(long entryId, long contestId) {
}
