package kr.sotong.monitoring.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Decides by the managed relevance terms whether an article concerns the district, and which terms it has. */
public final class Relevance {

    private final List<String> terms;
    private final List<String> folded;

    public Relevance(Collection<String> terms) {
        this.terms = new ArrayList<>();
        this.folded = new ArrayList<>();
        for (String t : terms) {
            String f = Texts.fold(t).strip();
            if (!f.isEmpty()) {
                this.terms.add(t.strip());
                this.folded.add(f);
            }
        }
    }

    /** Terms found in title or body (in the order of the term list). */
    public List<String> matches(String title, String body) {
        String text = Texts.fold(title) + "\n" + Texts.fold(body);
        String squeezed = text.replace(" ", "");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String f = folded.get(i);
            if (text.contains(f) || f.contains(" ") && squeezed.contains(f.replace(" ", ""))) {
                found.add(terms.get(i));
            }
        }
        return found;
    }

    /** Terms found in the title alone. */
    public List<String> inTitle(String title) {
        return matches(title, "");
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }
}
