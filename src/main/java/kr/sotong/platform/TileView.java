package kr.sotong.platform;

import java.util.List;

/**
 * What a dashboard tile shows: a headline figure with caption, optional rows (label, value, link) and a
 * link to the full page. Rendered by the platform's tile fragment, so modules write no template.
 *
 * @param tone NORMAL, GOOD, WARNING or ALERT (colour and an icon-free text marker)
 */
public record TileView(String title, String value, String caption, List<Row> rows, String link, Tone tone) {

    public enum Tone { NORMAL, GOOD, WARNING, ALERT }

    public record Row(String label, String value, String link) {
        public static Row of(String label, String value) {
            return new Row(label, value, null);
        }
    }

    public TileView {
        rows = rows == null ? List.of() : List.copyOf(rows);
        tone = tone == null ? Tone.NORMAL : tone;
    }

    public static TileView of(String title, String value, String caption, String link) {
        return new TileView(title, value, caption, List.of(), link, Tone.NORMAL);
    }

    public TileView withRows(List<Row> newRows) {
        return new TileView(title, value, caption, newRows, link, tone);
    }

    public TileView withTone(Tone newTone) {
        return new TileView(title, value, caption, rows, link, newTone);
    }
}
