package kr.sotong.signage.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.sotong.signage.content.ContentKind;

/**
 * An ordered playlist in a layout. In {@link Layout#MAIN_WITH_TICKER} the ticker items go to the ticker
 * band and the others loop in the main zone; in {@link Layout#FULL_SCREEN} every item loops full screen.
 * The lists of a playlist without validity dates are computed once (the resolver asks for them for
 * every device and every stretch of the day).
 */
public final class PlaylistSpec {

    private final long id;
    private final String name;
    private final Layout layout;
    private final List<PlayItem> items;
    private final boolean dated;
    private final List<PlayItem> loop;
    private final List<PlayItem> ticker;

    public PlaylistSpec(long id, String name, Layout layout, List<PlayItem> items) {
        this.id = id;
        this.name = name;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.items = items == null ? List.of() : List.copyOf(items);
        this.dated = this.items.stream().anyMatch(i -> i.validFrom() != null || i.validUntil() != null);
        this.loop = dated ? null : select(null, false);
        this.ticker = dated ? null : select(null, true);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Layout layout() {
        return layout;
    }

    public List<PlayItem> items() {
        return items;
    }

    /** Items of the main loop valid on the day, in order. */
    public List<PlayItem> loopOn(LocalDate day) {
        return dated ? select(day, false) : loop;
    }

    /** Ticker texts valid on the day (main-with-ticker layout only). */
    public List<PlayItem> tickerOn(LocalDate day) {
        return dated ? select(day, true) : ticker;
    }

    private List<PlayItem> select(LocalDate day, boolean tickers) {
        if (tickers && layout != Layout.MAIN_WITH_TICKER) {
            return List.of();
        }
        List<PlayItem> out = new ArrayList<>(items.size());
        for (PlayItem i : items) {
            if (day != null && !i.validOn(day)) {
                continue;
            }
            boolean isTicker = i.kind() == ContentKind.TICKER;
            if (tickers ? isTicker : layout == Layout.FULL_SCREEN || !isTicker) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaylistSpec p && p.id == id && Objects.equals(p.name, name) && p.layout == layout
                && p.items.equals(items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, layout, items);
    }

    @Override
    public String toString() {
        return "PlaylistSpec[" + id + ", " + name + ", " + layout + ", " + items + "]";
    }
}
