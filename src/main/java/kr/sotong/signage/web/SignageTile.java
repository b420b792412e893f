package kr.sotong.signage.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.DashboardTile;
import kr.sotong.platform.Roles;
import kr.sotong.platform.TileView;
import kr.sotong.signage.content.ContentLibrary;
import kr.sotong.signage.device.DeviceRegistry;
import kr.sotong.signage.device.Devices;
import org.springframework.stereotype.Component;

/** Dashboard tile: devices online against the work plan's 710, offline devices, content awaiting approval. */
@Component
class SignageTile implements DashboardTile {

    private final DeviceRegistry registry;
    private final ContentLibrary library;

    SignageTile(DeviceRegistry registry, ContentLibrary library) {
        this.registry = registry;
        this.library = library;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Set<String> visibleToRoles() {
        return Set.of(Roles.PR_MEDIA, Roles.DIRECTOR, Roles.ADMIN);
    }

    @Override
    public Optional<TileView> render() {
        List<Devices.Census> census = registry.census();
        long paired = census.stream().mapToLong(Devices.Census::paired).sum();
        long online = census.stream().mapToLong(Devices.Census::online).sum();
        int planned = registry.fleetTargets().stream().mapToInt(DeviceRegistry.FleetTarget::planned).sum();
        long pending = library.pendingCount();
        long offline = paired - online;
        TileView view = new TileView("디지털 사이니지", online + " / " + paired + "대 온라인",
                "연결된 기기 " + paired + "대 (계획 " + planned + "대: 미디어보드·사이니지·미디어월)",
                List.of(TileView.Row.of("오프라인 기기", offline + "대"),
                        new TileView.Row("승인 대기 콘텐츠", pending + "건", "/staff/signage/content?status=PENDING")),
                "/staff/signage", offline > 0 ? TileView.Tone.WARNING : pending > 0 ? TileView.Tone.NORMAL : TileView.Tone.GOOD);
        return Optional.of(view);
    }
}
