package kr.sotong.contests.web;

import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;

/** The resident's unfinished entries (draft ids by contest) and verified status look-ups, in the HTTP session. */
final class DraftSession {

    private static final String DRAFTS = "contests.drafts";
    private static final String RECEIPTS = "contests.receipts";
    static final String STATUS_ENTRY = "contests.status.entry";
    static final String STATUS_UNTIL = "contests.status.until";

    private DraftSession() {
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, String> map(HttpSession session, String key) {
        Object o = session.getAttribute(key);
        if (o instanceof Map<?, ?> m) {
            return (Map<Long, String>) m;
        }
        Map<Long, String> m = new HashMap<>();
        session.setAttribute(key, m);
        return m;
    }

    static String draft(HttpSession session, long contestId) {
        return session == null ? null : map(session, DRAFTS).get(contestId);
    }

    static void setDraft(HttpSession session, long contestId, String draftId) {
        Map<Long, String> m = map(session, DRAFTS);
        m.put(contestId, draftId);
        session.setAttribute(DRAFTS, m);
    }

    static void clearDraft(HttpSession session, long contestId) {
        Map<Long, String> m = map(session, DRAFTS);
        m.remove(contestId);
        session.setAttribute(DRAFTS, m);
    }

    static String receipt(HttpSession session, long contestId) {
        return session == null ? null : map(session, RECEIPTS).get(contestId);
    }

    static void setReceipt(HttpSession session, long contestId, String receipt) {
        Map<Long, String> m = map(session, RECEIPTS);
        m.put(contestId, receipt);
        session.setAttribute(RECEIPTS, m);
    }
}
