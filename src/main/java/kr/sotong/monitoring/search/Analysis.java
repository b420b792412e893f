package kr.sotong.monitoring.search;

import java.util.List;
import kr.sotong.monitoring.ingest.Relevance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current relevance terms and what is built from them: the {@link Relevance} filter and the
 * {@link KoreanText} analysis with the Nori user dictionary. Reloaded when staff change the terms.
 */
@Component
public class Analysis {

    private final JdbcClient jdbc;
    private volatile State state;

    private record State(List<String> terms, Relevance relevance, KoreanText text) {
    }

    Analysis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public synchronized void reload() {
        List<String> terms = jdbc.sql("select term from monitoring_term where active order by length(term) desc, term")
                .query(String.class).list();
        state = new State(terms, new Relevance(terms), KoreanText.withTerms(terms));
    }

    private State state() {
        State s = state;
        if (s == null) {
            reload();
            s = state;
        }
        return s;
    }

    public List<String> terms() {
        return state().terms();
    }

    public Relevance relevance() {
        return state().relevance();
    }

    public KoreanText text() {
        return state().text();
    }
}
