package kr.sotong.platform;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A tile on the director's morning page {@code /staff}. Modules contribute tiles as beans; the
 * dashboard renders every tile the current user may see, ordered by {@link #order()}.
 */
public interface DashboardTile {

    /** Lower comes first. Platform/work plan use 0–99; other modules 100+. */
    int order();

    /** Roles that see the tile; empty means every staff member. */
    default Set<String> visibleToRoles() {
        return Set.of();
    }

    /** The tile's content now, or empty to hide it (e.g. nothing to show). */
    Optional<TileView> render();

    /** A stable name for metrics and logs ({@code sotong.dashboard.tile}, tag {@code tile}). */
    default String id() {
        String name = getClass().getName();
        name = name.substring(name.lastIndexOf('.') + 1);
        int generated = name.indexOf("$$");
        return generated > 0 ? name.substring(0, generated) : name;
    }

    /**
     * A tile from a supplier: {@code id} names it in metrics (e.g. {@code "press.awaiting"}), {@code roles}
     * as in {@link #visibleToRoles()} (none: every staff member).
     */
    static DashboardTile of(String id, int order, Set<String> roles, Supplier<Optional<TileView>> view) {
        record Of(String id, int order, Set<String> visibleToRoles, Supplier<Optional<TileView>> view)
                implements DashboardTile {
            @Override
            public Optional<TileView> render() {
                return view.get();
            }
        }
        return new Of(id, order, Set.copyOf(roles), view);
    }
}
