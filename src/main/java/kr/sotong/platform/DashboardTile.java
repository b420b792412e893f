package kr.sotong.platform;

import java.util.Optional;

/**
 * A tile on the director's morning page {@code /staff}. Modules contribute tiles as beans; the
 * dashboard renders every tile the current user may see, ordered by {@link #order()}.
 */
public interface DashboardTile {

    /** Lower comes first. Platform/work plan use 0–99; other modules 100+. */
    int order();

    /** Roles that see the tile; empty means every staff member. */
    default java.util.Set<String> visibleToRoles() {
        return java.util.Set.of();
    }

    /** The tile's content now, or empty to hide it (e.g. nothing to show). */
    Optional<TileView> render();
}
