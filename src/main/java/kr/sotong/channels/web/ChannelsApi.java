package kr.sotong.channels.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import kr.sotong.channels.internal.ChannelCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read API of the PR channels (staff session or bearer token). */
@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "홍보 채널", description = "채널과 지표 추이")
class ChannelsApi {

    private final ChannelCatalog catalog;

    ChannelsApi(ChannelCatalog catalog) {
        this.catalog = catalog;
    }

    record ChannelJson(long id, String kind, String kindLabel, String name, String url, java.time.LocalDate openedOn, String cadence,
                       String subscriberKpi, String contentKpi, boolean active, ChannelCatalog.Metric latest) {
    }

    @GetMapping
    @Operation(summary = "채널 목록과 최근 지표")
    List<ChannelJson> channels() {
        return catalog.overview().stream().map(o -> new ChannelJson(o.channel().id(), o.channel().kind().name(), o.channel().kind().label(),
                o.channel().name(), o.channel().url(), o.channel().openedOn(), o.channel().cadence(), o.channel().subscriberKpi(),
                o.channel().contentKpi(), o.channel().active(), o.latest())).toList();
    }

    @GetMapping("/{id}/metrics")
    @Operation(summary = "채널의 지표 시점별 추이(구독자, 콘텐츠 수, 조회수)")
    List<ChannelCatalog.Metric> metrics(@PathVariable long id) {
        return catalog.metrics(id);
    }
}
