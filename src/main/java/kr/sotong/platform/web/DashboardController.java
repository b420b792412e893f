package kr.sotong.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.platform.TileView;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The director's morning page: every module's tiles the signed-in staff member may see. */
@Controller
class DashboardController {

    private static final Logger log = LoggerFactory.getLogger(DashboardController.class);

    private final ObjectProvider<DashboardTile> tiles;
    private final StaffDirectory staff;
    private final MeterRegistry meters;

    DashboardController(ObjectProvider<DashboardTile> tiles, StaffDirectory staff, MeterRegistry meters) {
        this.tiles = tiles;
        this.staff = staff;
        this.meters = meters;
    }

    @GetMapping("/staff")
    String dashboard(Model model) {
        StaffMember me = staff.requireCurrent();
        List<TileView> views = tiles.orderedStream()
                .sorted(Comparator.comparingInt(DashboardTile::order))
                .filter(t -> t.visibleToRoles().isEmpty() || me.hasRole("DIRECTOR") || me.hasRole("ADMIN")
                        || t.visibleToRoles().stream().anyMatch(me::hasRole))
                .map(this::timedRender)
                .flatMap(Optional::stream)
                .toList();
        model.addAttribute("tiles", views);
        return "platform/dashboard";
    }

    /** Each tile's render time is a metric ({@code sotong.dashboard.tile}, tag {@code tile}): a slow tile is visible. */
    private Optional<TileView> timedRender(DashboardTile tile) {
        Timer.Sample sample = Timer.start(meters);
        try {
            return safeRender(tile);
        } finally {
            sample.stop(meters.timer("sotong.dashboard.tile", "tile", tileName(tile)));
        }
    }

    static String tileName(DashboardTile tile) {
        String name = org.springframework.util.ClassUtils.getUserClass(tile).getName();
        name = name.substring(name.lastIndexOf('.') + 1);
        int lambda = name.indexOf("$$");
        return lambda > 0 ? name.substring(0, lambda) : name;
    }

    /** One broken tile must not take the whole dashboard down. */
    private static Optional<TileView> safeRender(DashboardTile tile) {
        try {
            return tile.render();
        } catch (RuntimeException e) {
            log.warn("dashboard tile {} failed: {}", tile.getClass().getSimpleName(), e.toString());
            return Optional.of(TileView.of(tile.getClass().getSimpleName(), "—", "이 타일을 불러오지 못했습니다.", null)
                    .withTone(TileView.Tone.WARNING));
        }
    }
}
