package kr.sotong.contests.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kr.sotong.platform.SeedRuns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Initial data: the three 2025 contests of the work plan (brand song, digital photo, short form) with their
 * programme periods, purposes, themes, fields, prize totals and planned uses — loaded once through
 * {@link SeedRuns}. They start as drafts: the seed has no entry periods, prize breakdown or criteria.
 */
@Component
class ContestSeed {

    static final String DATASET = "contests";
    static final String RESOURCE = "seed/contests/geumcheon-2025.yml";

    private final SeedRuns seeds;
    private final ContestCatalog catalog;
    private final String seed;

    ContestSeed(SeedRuns seeds, ContestCatalog catalog, @Value("${sotong.seed:geumcheon-2025}") String seed) {
        this.seeds = seeds;
        this.catalog = catalog;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!seeds.enabled() || !"geumcheon-2025".equals(seed)) {
            return;
        }
        byte[] bytes = read();
        seeds.runOnce(DATASET, "geumcheon-2025/1", sha256(bytes), () -> definitions(bytes).forEach(d ->
                catalog.createSeeded(d.def(), d.key())));
    }

    record Seeded(String key, ContestDefinition def) {
    }

    static List<Seeded> definitions(byte[] yaml) {
        JsonNode root = YAMLMapper.builder().build().readTree(yaml);
        List<Seeded> out = new ArrayList<>();
        for (JsonNode n : root.path("contests")) {
            ContestKind kind = ContestKind.valueOf(n.path("kind").asText());
            ContestDefinition base = ContestDefinition.defaults(kind, n.path("title").asText());
            Long minMs = n.has("minDurationSeconds") ? Long.valueOf(n.path("minDurationSeconds").asLong() * 1000) : base.minDurationMs();
            Long maxMs = n.has("maxDurationSeconds") ? Long.valueOf(n.path("maxDurationSeconds").asLong() * 1000) : base.maxDurationMs();
            ContestDefinition def = new ContestDefinition(kind, n.path("title").asText(), n.path("newThisYear").asBoolean(),
                    strings(n.path("purposes")), strings(n.path("themes")), n.path("field").asText(), strings(n.path("uses")),
                    base.rules(), LocalDate.parse(n.path("programme").path("start").asText()),
                    LocalDate.parse(n.path("programme").path("end").asText()), null, null, base.eligibility(),
                    base.minAge(), base.guardianUnderAge(), base.maxEntriesPerPerson(), base.formats(), base.maxBytes(),
                    base.minLongSide(), minMs, maxMs, n.path("prizeBudgetWon").asLong(), n.path("prizeGoods").asText(""),
                    base.scoreScaleMax(), false, false, 0, null, null);
            out.add(new Seeded(n.path("key").asText(), def));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(x -> list.add(x.asText()));
        return list;
    }

    static byte[] read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
