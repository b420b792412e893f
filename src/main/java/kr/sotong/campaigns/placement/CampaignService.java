package kr.sotong.campaigns.placement;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import kr.sotong.newsletter.EBook;
import kr.sotong.newsletter.EBookLibrary;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/** Campaigns and placements: planning, status, photos, performance, timeline, the guidebook e-book. */
@Service
public class CampaignService {

    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png");
    static final long MAX_PHOTO_BYTES = 20L * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;

    /** Form values of a placement; {@code heightM}/{@code lengthM} in metres as typed (2.1, 13). */
    public record PlacementForm(String kind, String title, String place, LocalDate startsOn, LocalDate endsOn,
                                Long costWon, String vendor, String details, BigDecimal heightM, BigDecimal lengthM) {
    }

    /** A row of the timeline: the placement and, per month, whether it runs. */
    public record TimelineRow(Placement placement, List<Boolean> months) {
    }

    public record Timeline(List<YearMonth> months, List<TimelineRow> rows) {
    }

    private final Campaigns campaigns;
    private final Placements placements;
    private final EBookLibrary ebooks;
    private final FileStore files;
    private final UploadPolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignService(Campaigns campaigns, Placements placements, EBookLibrary ebooks, FileStore files, UploadPolicy policy,
                    AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.placements = placements;
        this.ebooks = ebooks;
        this.files = files;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Campaign> campaigns() {
        return campaigns.findAllByOrderByStartsOnDesc();
    }

    @Transactional(readOnly = true)
    public Campaign campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> DomainException.notFound("캠페인", id));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Campaign> byCode(String code) {
        return campaigns.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<Placement> placements(long campaignId) {
        campaign(campaignId);
        return placements.findByCampaignIdOrderByStartsOnAscIdAsc(campaignId);
    }

    @Transactional(readOnly = true)
    public Placement placement(long id) {
        return placements.findById(id).orElseThrow(() -> DomainException.notFound("매체", id));
    }

    @Transactional
    public Campaign createCampaign(String code, String name, String description, LocalDate start, LocalDate end,
                                   Long budgetThousands) {
        Campaign c = Campaign.create(code, name, description, start, end, budgetThousands, clock.instant());
        if (campaigns.findByCode(c.getCode()).isPresent()) {
            throw DomainException.conflict("campaigns.code-taken", "같은 코드의 캠페인이 이미 있습니다: " + c.getCode());
        }
        c = campaigns.save(c);
        audit.record("campaigns.created", "Campaign", c.getId(), "캠페인 '" + c.getName() + "' 등록");
        return c;
    }

    @Transactional
    public Placement plan(long campaignId, PlacementForm f) {
        campaign(campaignId);
        Placement p = placements.save(Placement.plan(campaignId, null, kind(f.kind()), f.title(), f.place(), f.startsOn(),
                f.endsOn(), f.costWon(), f.vendor(), f.details(), mm(f.heightM()), mm(f.lengthM()), clock.instant()));
        audit.record("campaigns.placement.planned", "Placement", p.getId(), "매체 '" + p.getTitle() + "' 계획 등록");
        return p;
    }

    @Transactional
    public Placement update(long id, PlacementForm f) {
        Placement p = placement(id);
        p.edit(kind(f.kind()), f.title(), f.place(), f.startsOn(), f.endsOn(), f.costWon(), f.vendor(), f.details(),
                mm(f.heightM()), mm(f.lengthM()));
        p = placements.save(p);
        audit.record("campaigns.placement.updated", "Placement", id, "매체 '" + p.getTitle() + "' 수정");
        return p;
    }

    @Transactional
    public void transition(long id, String action) {
        Placement p = placement(id);
        switch (action == null ? "" : action) {
            case "start" -> p.start();
            case "complete" -> p.complete();
            case "cancel" -> p.cancel();
            default -> throw new DomainException("campaigns.placement.action", "알 수 없는 작업입니다: " + action);
        }
        placements.save(p);
        audit.record("campaigns.placement." + action, "Placement", id, "매체 '" + p.getTitle() + "' 상태 → "
                + p.getStatus().label());
    }

    @Transactional
    public void addPhoto(long id, MultipartFile file, String caption) {
        Placement p = placement(id);
        StoredFile stored = checkedPhoto(file);
        p.addPhoto(new PlacementPhoto(stored.sha256(), stored.mediaType(),
                caption == null || caption.isBlank() ? p.getTitle() : caption.strip()));
        placements.save(p);
        audit.record("campaigns.placement.photo", "Placement", id, "사진 등록: " + stored.originalName());
    }

    /** JPEG/PNG only, content must match, header-read pixel count below the decompression-bomb limit. */
    private StoredFile checkedPhoto(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new DomainException("campaigns.photo.empty", "사진 파일을 선택해 주세요.");
        }
        StoredFile stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.store(in, file.getOriginalFilename(), MAX_PHOTO_BYTES);
        } catch (IOException e) {
            throw new DomainException("campaigns.photo.read", "파일을 받는 중 오류가 났습니다.");
        }
        if (policy.isDangerous(stored) || !PHOTO_TYPES.contains(stored.mediaType())) {
            throw new DomainException("campaigns.photo.type", "사진은 JPEG 또는 PNG만 올릴 수 있습니다(실제 내용: "
                    + stored.mediaType() + ").");
        }
        String name = stored.originalName().toLowerCase(java.util.Locale.ROOT);
        boolean jpegName = name.endsWith(".jpg") || name.endsWith(".jpeg");
        if (jpegName && !stored.mediaType().equals("image/jpeg") || name.endsWith(".png") && !stored.mediaType().equals("image/png")) {
            throw new DomainException("campaigns.photo.extension", "파일 확장자와 실제 내용(" + stored.mediaType() + ")이 다릅니다.");
        }
        long pixels;
        try (ImageInputStream in = ImageIO.createImageInputStream(files.path(stored.sha256()).toFile())) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            ImageReader reader = it.next();
            reader.setInput(in, true, true);
            pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            reader.dispose();
        } catch (IOException | RuntimeException e) {
            throw new DomainException("campaigns.photo.corrupt", "이미지를 읽을 수 없습니다. 손상된 파일입니다.");
        }
        if (pixels <= 0 || pixels > MAX_PIXELS) {
            throw new DomainException("campaigns.photo.pixels", "이미지 화소 수가 너무 많거나 잘못되었습니다(5천만 화소 이하).");
        }
        return stored;
    }

    @Transactional
    public void recordMetric(long id, String metric, String label, LocalDate from, LocalDate to, Long value, String source) {
        Placement p = placement(id);
        PlacementMetric m = PlacementMetric.of(metric, label, from, to, value, source, LocalDate.now(clock));
        p.recordMetric(m);
        placements.save(p);
        audit.record("campaigns.placement.metric", "Placement", id, m.label() + " " + m.value() + " (" + m.measuredFrom()
                + "~" + m.measuredTo() + ")");
    }

    /**
     * Publishes the guidebook PDF as an e-book through the newsletter's e-book library and links it to
     * the e-book placement. A refused PDF changes nothing.
     */
    public EBook publishGuidebook(long placementId, MultipartFile pdf, String title) {
        Placement p = placement(placementId);
        if (p.getKind() != Placement.Kind.EBOOK) {
            throw new DomainException("campaigns.placement.not-ebook", "e-book 유형에만 전자책을 연결할 수 있습니다.");
        }
        if (pdf == null || pdf.isEmpty()) {
            throw new DomainException("campaigns.ebook.empty", "가이드북 PDF 파일을 선택해 주세요.");
        }
        String t = title == null || title.isBlank() ? p.getTitle() : title.strip();
        EBook book;
        try (InputStream in = pdf.getInputStream()) {
            book = ebooks.create(t, "campaigns", in, pdf.getOriginalFilename());
        } catch (IOException e) {
            throw new DomainException("campaigns.ebook.read", "파일을 받는 중 오류가 났습니다.");
        }
        return tx.execute(s -> {
            Placement fresh = placement(placementId);
            Long previous = fresh.getEbookId();
            fresh.attachEBook(book.id());
            placements.save(fresh);
            EBook published = ebooks.publish(book.id());
            if (previous != null) {
                ebooks.unpublish(previous);
            }
            audit.record("campaigns.placement.ebook", "Placement", placementId, "가이드북 e-book 공개: " + published.viewerUrl()
                    + " (" + published.pageCount() + "쪽)");
            return published;
        });
    }

    /** Month columns spanning the campaign; a row per placement. */
    @Transactional(readOnly = true)
    public Timeline timeline(long campaignId) {
        Campaign c = campaign(campaignId);
        List<Placement> list = placements(campaignId);
        LocalDate end = c.getEndsOn();
        for (Placement p : list) {
            if (end == null || p.getEndsOn() != null && p.getEndsOn().isAfter(end)) {
                end = p.getEndsOn();
            }
        }
        YearMonth first = YearMonth.from(c.getStartsOn());
        for (Placement p : list) {
            if (YearMonth.from(p.getStartsOn()).isBefore(first)) {
                first = YearMonth.from(p.getStartsOn());
            }
        }
        YearMonth last = end == null ? first.plusMonths(11) : YearMonth.from(end);
        if (last.isAfter(first.plusMonths(35))) {
            last = first.plusMonths(35);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<TimelineRow> rows = list.stream().map(p -> new TimelineRow(p, months.stream().map(p::activeIn).toList()))
                .toList();
        return new Timeline(months, rows);
    }

    /** Click-through rate in percent, rounded half-up to two decimals; null without impressions. */
    public static BigDecimal clickThroughRate(Placement p) {
        long impressions = p.total(PlacementMetric.Metric.IMPRESSIONS);
        if (impressions == 0) {
            return null;
        }
        return BigDecimal.valueOf(p.total(PlacementMetric.Metric.CLICKS) * 100)
                .divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP);
    }

    private static Placement.Kind kind(String value) {
        try {
            return Placement.Kind.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new DomainException("campaigns.placement.kind", "유형을 골라 주세요.");
        }
    }

    /** Metres (2.1) → millimetres (2100), exact. */
    static Integer mm(BigDecimal metres) {
        if (metres == null) {
            return null;
        }
        if (metres.signum() <= 0 || metres.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new DomainException("campaigns.placement.size", "규격은 0보다 크고 1,000m 이하로 입력해 주세요.");
        }
        return metres.movePointRight(3).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
