package kr.sotong.contests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import kr.sotong.contests.core.ContestCatalog;
import kr.sotong.contests.core.ContestDefinition;
import kr.sotong.contests.core.ContestKind;
import kr.sotong.contests.core.Eligibility;
import kr.sotong.contests.core.EntryDesk;
import kr.sotong.contests.core.PublicVotes;
import kr.sotong.contests.core.Uploads;
import kr.sotong.testsupport.Outbox;
import org.springframework.stereotype.Component;

/** Builds contests and submits entries through the module's services, for integration and browser tests. */
@Component
public class ContestScenario {

    private final ContestCatalog catalog;
    private final EntryDesk desk;
    private final Uploads uploads;
    private final Outbox outbox;
    private final Clock clock;
    private final PublicVotes votes;

    public ContestScenario(ContestCatalog catalog, EntryDesk desk, Uploads uploads, Outbox outbox, Clock clock,
                           PublicVotes votes) {
        this.votes = votes;
        this.catalog = catalog;
        this.desk = desk;
        this.uploads = uploads;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A published contest taking entries from an hour ago until {@code open} from now. */
    public long openContest(ContestKind kind, String title, long budgetWon, Duration open, boolean normalise,
                            boolean publicVote) {
        Instant now = clock.instant();
        ContestDefinition d = ContestDefinition.defaults(kind, title);
        ContestDefinition def = new ContestDefinition(kind, title, false, List.of("테스트 목적"), List.of("금천의 변화된 모습"),
                kind.label(), List.of("수상작 전시 (구청로비, 미디어월, 홈페이지)"), "응모 규정", LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 10, 31), now.minus(Duration.ofHours(1)), now.plus(open), Set.of(Eligibility.ANYONE),
                null, 14, 3, d.formats(), d.maxBytes(), kind == ContestKind.PHOTO ? 400 : null, d.minDurationMs(),
                d.maxDurationMs(), budgetWon, "", 10, normalise, publicVote, publicVote ? 20 : 0,
                publicVote ? now.plus(open) : null, publicVote ? now.plus(open).plus(Duration.ofDays(7)) : null);
        long id = catalog.create(def);
        catalog.publish(id);
        return id;
    }

    public PublicVotes votes() {
        return votes;
    }

    public String lastCode(String phone) {
        return outbox.lastCode(phone);
    }

    public static String randomMobile() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("010%04d%04d", r.nextInt(10000), r.nextInt(10000));
    }

    /** Submits an entry the way the five form steps would; returns the receipt. */
    public EntryDesk.Receipt submit(long contestId, String name, String phone, String email, Path file, String fileName,
                                    String title) {
        String draft = desk.start(contestId);
        desk.saveEligibility(draft, contestId, "RESIDENT", "1988-03-04");
        desk.saveEntrant(draft, contestId, new EntryDesk.EntrantInput(name, phone, email, null, null));
        desk.sendPhoneCode(draft, contestId);
        desk.verifyPhoneCode(draft, contestId, outbox.lastCode(phone));
        try (InputStream in = Files.newInputStream(file)) {
            uploads.single(draft, contestId, fileName, Files.size(file), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        desk.saveWork(draft, contestId, new EntryDesk.WorkInput(title, "작품 설명 " + title, "Suno v4",
                "Pro 요금제, 상업적 이용 가능", "좋은도시 금천\n함께 걸어요", true));
        desk.saveConsents(draft, contestId, true, true, false);
        return desk.submit(draft, contestId);
    }
}
