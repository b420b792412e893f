package kr.sotong.platform;

/**
 * The append-only, hash-chained audit log. Record every state-changing action here, inside the
 * transaction that makes the change (so a rolled-back change leaves no audit row), and every view or
 * export of residents' personal data with {@link #recordAccess}.
 */
public interface AuditLog {

    /** Records a change made by the current staff member (or {@code system} outside a request). */
    void record(String action, String entityType, Object entityId, String summary);

    /** Records a change made by a named actor (e.g. {@code resident:010-****-5678}, {@code scheduler}). */
    void recordAs(String actor, String action, String entityType, Object entityId, String summary);

    /** Records that personal data was viewed or exported: what, whose, and why. */
    void recordAccess(String subjectType, Object subjectId, String purpose);

    /** Walks the whole chain and reports the first row whose hash does not match. */
    Verification verify();

    record Verification(boolean valid, long rows, Long firstBrokenId) {
    }
}
