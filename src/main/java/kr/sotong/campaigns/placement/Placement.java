package kr.sotong.campaigns.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Period;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A placement of a campaign (광고·조형물·포토존·가이드북 …): place, period, cost, vendor, status, photos and
 * performance figures. Costs the seed does not state stay empty.
 */
@Table("campaigns_placement")
public class Placement {

    public enum Kind {
        ONLINE_BANNER("온라인 배너", true), BOUNDARY_SIGN("구 경계 조형물", false), BUS_STOP_AD("버스정류장 광고", false),
        PHOTO_ZONE("포토존", false), PRINTED_GUIDEBOOK("가이드북(인쇄)", false), EBOOK("e-book", true),
        NEWSLETTER_SPECIAL("소식지 특별호", false), OTHER("기타", false);

        private final String label;
        private final boolean online;

        Kind(String label, boolean online) {
            this.label = label;
            this.online = online;
        }

        public String label() {
            return label;
        }

        public boolean online() {
            return online;
        }
    }

    public enum Status {
        PLANNED("계획"), RUNNING("진행 중"), COMPLETED("완료"), CANCELLED("취소");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    private Long id;
    private Long campaignId;
    private String seedKey;
    private Kind kind;
    private String title;
    private String place;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Long costWon;
    private String vendor;
    private Status status;
    private String details;
    private Integer heightMm;
    private Integer lengthMm;
    private Long ebookId;
    private Instant createdAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "placement_id", keyColumn = "placement_key")
    private List<PlacementPhoto> photos = new ArrayList<>();
    @MappedCollection(idColumn = "placement_id", keyColumn = "placement_key")
    private List<PlacementMetric> metrics = new ArrayList<>();

    Placement() {
    }

    static Placement plan(long campaignId, String seedKey, Kind kind, String title, String place, LocalDate start,
                          LocalDate end, Long costWon, String vendor, String details, Integer heightMm, Integer lengthMm,
                          Instant now) {
        Placement p = new Placement();
        p.campaignId = campaignId;
        p.seedKey = seedKey;
        p.status = Status.PLANNED;
        p.createdAt = now;
        p.edit(kind, title, place, start, end, costWon, vendor, details, heightMm, lengthMm);
        return p;
    }

    void edit(Kind newKind, String newTitle, String newPlace, LocalDate start, LocalDate end, Long cost, String newVendor,
              String newDetails, Integer height, Integer length) {
        if (newKind == null) {
            throw new DomainException("campaigns.placement.kind", "유형을 골라 주세요.");
        }
        String t = newTitle == null ? "" : newTitle.strip();
        String pl = newPlace == null ? "" : newPlace.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new DomainException("campaigns.placement.title", "이름을 200자 이내로 입력해 주세요.");
        }
        if (pl.isEmpty() || pl.length() > 300) {
            throw new DomainException("campaigns.placement.place", "장소(매체)를 300자 이내로 입력해 주세요.");
        }
        if (start == null) {
            throw new DomainException("campaigns.placement.start", "시작일을 입력해 주세요.");
        }
        Period.of(start, end);
        if (cost != null && cost < 0) {
            throw new DomainException("campaigns.placement.cost", "비용은 0 이상이어야 합니다.");
        }
        if (height != null && height <= 0 || length != null && length <= 0) {
            throw new DomainException("campaigns.placement.size", "규격(높이·길이)은 0보다 커야 합니다.");
        }
        kind = newKind;
        title = t;
        place = pl;
        startsOn = start;
        endsOn = end;
        costWon = cost;
        vendor = newVendor == null || newVendor.isBlank() ? null : newVendor.strip();
        details = newDetails == null || newDetails.isBlank() ? null : newDetails.strip();
        heightMm = height;
        lengthMm = length;
    }

    void start() {
        if (status != Status.PLANNED) {
            throw DomainException.conflict("campaigns.placement.start-state", "계획 상태에서만 시작할 수 있습니다.");
        }
        status = Status.RUNNING;
    }

    void complete() {
        if (status != Status.RUNNING) {
            throw DomainException.conflict("campaigns.placement.complete-state", "진행 중인 것만 완료할 수 있습니다.");
        }
        status = Status.COMPLETED;
    }

    void cancel() {
        if (status == Status.COMPLETED || status == Status.CANCELLED) {
            throw DomainException.conflict("campaigns.placement.cancel-state", "완료되었거나 이미 취소된 것은 취소할 수 없습니다.");
        }
        status = Status.CANCELLED;
    }

    void addPhoto(PlacementPhoto photo) {
        if (photos.size() >= 30) {
            throw new DomainException("campaigns.placement.photos", "사진은 30장까지 등록할 수 있습니다.");
        }
        photos.add(photo);
    }

    void recordMetric(PlacementMetric m) {
        if (m.metric() != PlacementMetric.Metric.COUNT && !kind.online()) {
            throw new DomainException("campaigns.metric.online-only", "노출·클릭 수는 온라인 매체(배너, e-book)에만 기록합니다. "
                    + "현장 매체는 '횟수(COUNT)'로 기록해 주세요.");
        }
        metrics.add(m);
    }

    void attachEBook(long id) {
        if (kind != Kind.EBOOK) {
            throw new DomainException("campaigns.placement.not-ebook", "e-book 유형에만 전자책을 연결할 수 있습니다.");
        }
        ebookId = id;
    }

    /** Whether the placement runs during any day of the month. */
    public boolean activeIn(java.time.YearMonth month) {
        return Period.of(startsOn, endsOn).overlaps(Period.of(month.atDay(1), month.atEndOfMonth()));
    }

    public Period period() {
        return Period.of(startsOn, endsOn);
    }

    /** "2.1m × 13m" from the stored millimetres. */
    public String sizeLabel() {
        if (heightMm == null && lengthMm == null) {
            return null;
        }
        return "높이 " + metres(heightMm) + " × 길이 " + metres(lengthMm);
    }

    private static String metres(Integer mm) {
        return mm == null ? "-" : java.math.BigDecimal.valueOf(mm, 3).stripTrailingZeros().toPlainString() + "m";
    }

    public long total(PlacementMetric.Metric metric) {
        return metrics.stream().filter(m -> m.metric() == metric).mapToLong(PlacementMetric::value).sum();
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getSeedKey() {
        return seedKey;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getPlace() {
        return place;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Long getCostWon() {
        return costWon;
    }

    public String getVendor() {
        return vendor;
    }

    public Status getStatus() {
        return status;
    }

    public String getDetails() {
        return details;
    }

    public Integer getHeightMm() {
        return heightMm;
    }

    public Integer getLengthMm() {
        return lengthMm;
    }

    public Long getEbookId() {
        return ebookId;
    }

    public List<PlacementPhoto> getPhotos() {
        return List.copyOf(photos);
    }

    public List<PlacementMetric> getMetrics() {
        return List.copyOf(metrics);
    }
}
