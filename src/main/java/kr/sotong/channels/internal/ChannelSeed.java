package kr.sotong.channels.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import kr.sotong.channels.ChannelKind;
import kr.sotong.platform.SeedRuns;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.Program;
import kr.sotong.workplan.Workplan;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the seed's channels and their 2024-10 snapshots ({@code seed/channels/geumcheon-2025.yaml})
 * through {@link SeedRuns}, after the work plan (whose KPIs carry the same figures).
 */
@Component
@Order(20)
class ChannelSeed implements ApplicationRunner {

    static final String RESOURCE = "seed/channels/geumcheon-2025.yaml";

    private final SeedRuns seeds;
    private final ChannelCatalog catalog;
    private final Workplan workplan;
    private final YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    ChannelSeed(SeedRuns seeds, ChannelCatalog catalog, Workplan workplan) {
        this.seeds = seeds;
        this.catalog = catalog;
        this.workplan = workplan;
    }

    record Dataset(String dataset, String version, LocalDate asOf, List<Seed> channels) {
    }

    record Seed(ChannelKind kind, String name, String opened, String cadence, String subscriberKpi, String contentKpi,
                Long subscribers, Long contents, String url) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!seeds.enabled()) {
            return;
        }
        byte[] bytes;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            bytes = in.readAllBytes();
        }
        Dataset d = yaml.readValue(bytes, Dataset.class);
        seeds.runOnce(d.dataset(), d.version(), sha256(bytes), () -> load(d));
    }

    void load(Dataset d) {
        int order = 10;
        for (Seed s : d.channels()) {
            Long subscribers = figure(s.subscriberKpi(), s.subscribers(), s.name() + " 구독자");
            Long contents = figure(s.contentKpi(), s.contents(), s.name() + " 콘텐츠 수");
            LocalDate opened = YearMonth.parse(s.opened()).atDay(1);
            String note = "2025년 주요업무계획 홍보 채널 운영 현황 (2024. 10. 기준" + (contents != null ? ", 콘텐츠 수는 2024년" : "") + ")";
            catalog.seed(s.kind(), s.name(), s.url(), opened, s.cadence(), s.subscriberKpi(), s.contentKpi(), order, d.asOf(),
                    subscribers, contents, note);
            order += 10;
        }
    }

    /** The KPI's baseline when the work plan has it (it must agree with the file), else the file's figure. */
    private Long figure(String kpiCode, Long fileValue, String what) {
        if (kpiCode == null) {
            return fileValue;
        }
        return workplan.kpi(kpiCode).map(Program.Kpi::baseline).map(BigDecimal::longValueExact).map(v -> {
            if (fileValue != null && !v.equals(fileValue)) {
                throw new DomainException("channels.seed.mismatch", what + ": 업무계획 성과지표 " + kpiCode + "(" + v + ")와 채널 초기 데이터("
                        + fileValue + ")가 다릅니다.");
            }
            return v;
        }).orElse(fileValue);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
