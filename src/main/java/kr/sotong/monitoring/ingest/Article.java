package kr.sotong.monitoring.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import kr.sotong.monitoring.Sentiment;

/** A news article as stored (보도 기사). */
public record Article(long id, Long sourceId, String origin, String outlet, String title, String url, String author,
                      Instant publishedAt, Instant ingestedAt, String body, String bodySource, List<String> matchedTerms,
                      int score, String reasons, Sentiment predicted, Double predictedProbability, Sentiment label,
                      String labelledBy, Instant labelledAt, boolean flagged, boolean highImpact, Instant alertedAt,
                      Long groupId, Long releaseId, Double releaseSimilarity) {

    public static final String COLUMNS = """
            id, source_id, origin, outlet, title, url, author, published_at, ingested_at, body, body_source, matched_terms,
            score, reasons, predicted, predicted_probability, label, labelled_by, labelled_at, flagged, high_impact,
            alerted_at, group_id, release_id, release_similarity""";

    /** The label when staff gave one, else the prediction. */
    public Sentiment sentiment() {
        return label != null ? label : predicted;
    }

    public boolean labelled() {
        return label != null;
    }

    public String lead() {
        String b = body == null ? "" : body.strip();
        return b.length() <= 160 ? b : b.substring(0, 160) + "…";
    }

    public static Article map(ResultSet rs, int row) throws SQLException {
        long src = rs.getLong("source_id");
        Long sourceId = rs.wasNull() ? null : src;
        double pp = rs.getDouble("predicted_probability");
        Double predictedProbability = rs.wasNull() ? null : pp;
        long g = rs.getLong("group_id");
        Long groupId = rs.wasNull() ? null : g;
        long r = rs.getLong("release_id");
        Long releaseId = rs.wasNull() ? null : r;
        double rsim = rs.getDouble("release_similarity");
        Double releaseSimilarity = rs.wasNull() ? null : rsim;
        String terms = rs.getString("matched_terms");
        return new Article(rs.getLong("id"), sourceId, rs.getString("origin"), rs.getString("outlet"),
                rs.getString("title"), rs.getString("url"), rs.getString("author"), instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("ingested_at")), rs.getString("body"), rs.getString("body_source"),
                terms == null || terms.isBlank() ? List.of() : Arrays.asList(terms.split("\\|")), rs.getInt("score"),
                rs.getString("reasons"), sentiment(rs.getString("predicted")), predictedProbability,
                sentiment(rs.getString("label")), rs.getString("labelled_by"), instant(rs.getTimestamp("labelled_at")),
                rs.getBoolean("flagged"), rs.getBoolean("high_impact"), instant(rs.getTimestamp("alerted_at")), groupId,
                releaseId, releaseSimilarity);
    }

    private static Sentiment sentiment(String s) {
        return s == null ? null : Sentiment.valueOf(s);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
