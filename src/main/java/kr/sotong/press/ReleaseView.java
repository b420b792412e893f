package kr.sotong.press;

import java.time.Instant;
import java.util.List;

/** A release as the press team sees it on staff screens and in the API. */
public record ReleaseView(long id, ReleaseStatus status, int edition, String owner, String ownerName, String teamCode,
                          Long planItemId, Revision current, List<String> listCodes, String reviewedBy,
                          String approvedBy, Instant createdAt, Instant updatedAt, int lockVersion) {

    /** One saved state of the text. */
    public record Revision(long id, int revision, int edition, String title, String subtitle, String body,
                           String department, String responsible, String contactName, String contactPhone,
                           Instant distributeAt, Instant embargoUntil, String correctionNote, String savedBy,
                           Instant savedAt) {

        /** The text as the standard layout prints it, line by line (for diffs and plain-text exports). */
        public List<String> printedLines() {
            List<String> lines = new java.util.ArrayList<>();
            lines.add("제목: " + title);
            if (subtitle != null && !subtitle.isBlank()) {
                for (String s : subtitle.split("\\R")) {
                    lines.add("부제: " + s.strip());
                }
            }
            for (String s : body.split("\\R")) {
                lines.add(s.stripTrailing());
            }
            lines.add("담당 부서: " + nz(department));
            lines.add("책임자: " + nz(responsible));
            lines.add("담당자: " + nz(contactName));
            lines.add("전화: " + nz(contactPhone));
            if (correctionNote != null && !correctionNote.isBlank()) {
                lines.add("정정 내용: " + correctionNote);
            }
            return lines;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    public record Comment(long id, String kind, String author, String authorName, String text, Instant at) {
    }

    public record Edition(int edition, boolean correction, String title, Instant distributedAt, Instant embargoUntil,
                          Instant publishedAt, Long distributionId) {
    }

    public String title() {
        return current.title();
    }
}
