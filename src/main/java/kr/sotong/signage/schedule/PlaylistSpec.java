package kr.sotong.signage.schedule;

import java.time.LocalDate;
import java.util.List;
import kr.sotong.signage.content.ContentKind;

/**
 * An ordered playlist in a layout. In {@link Layout#MAIN_WITH_TICKER} the ticker items go to the ticker
 * band and the others loop in the main zone; in {@link Layout#FULL_SCREEN} every item loops full screen.
 */
public record PlaylistSpec(long id, String name, Layout layout, List<PlayItem> items) {

    public PlaylistSpec {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Items of the main loop valid on the day, in order. */
    public List<PlayItem> loopOn(LocalDate day) {
        return items.stream().filter(i -> i.validOn(day))
                .filter(i -> layout == Layout.FULL_SCREEN || i.kind() != ContentKind.TICKER).toList();
    }

    /** Ticker texts valid on the day (main-with-ticker layout only). */
    public List<PlayItem> tickerOn(LocalDate day) {
        if (layout != Layout.MAIN_WITH_TICKER) {
            return List.of();
        }
        return items.stream().filter(i -> i.validOn(day) && i.kind() == ContentKind.TICKER).toList();
    }
}
