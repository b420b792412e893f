package kr.sotong.newsletter.distribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import kr.sotong.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A place where 금천향기 is handed out (배부처): a multi-use facility with its copies per issue. */
@Table("newsletter_distribution_point")
public class DistributionPoint {

    /** Kinds of multi-use facilities, with their Korean labels. */
    public enum Kind {
        COMMUNITY_CENTER("동 주민센터"), PUBLIC_OFFICE("공공기관"), LIBRARY("도서관"), WELFARE("복지관·경로당"),
        STATION("지하철역·버스정류장"), HOSPITAL("병원·약국"), BANK("은행"), SHOP("상가·카페"), APARTMENT("아파트"),
        OTHER("기타");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** By code or Korean label; Korean error otherwise. */
        public static Kind parse(String value) {
            String v = value == null ? "" : value.strip();
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(v) || k.label.equals(v)) {
                    return k;
                }
            }
            throw new DomainException("newsletter.point.kind", "배부처 유형이 올바르지 않습니다: '" + v + "' (가능: "
                    + String.join(", ", java.util.Arrays.stream(values()).map(Kind::label).toList()) + ")", v);
        }
    }

    /** The ten administrative 동 of Geumcheon-gu. */
    public static final List<String> DONGS = List.of("가산동", "독산1동", "독산2동", "독산3동", "독산4동", "시흥1동",
            "시흥2동", "시흥3동", "시흥4동", "시흥5동");

    @Id
    private Long id;
    private Kind kind;
    private String name;
    private String address;
    private String dong;
    private BigDecimal latitude;
    private BigDecimal longitude;
    private int copiesPerIssue;
    private boolean active;
    private Instant createdAt;
    @Version
    private Integer version;

    DistributionPoint() {
    }

    static DistributionPoint create(Kind kind, String name, String address, String dong, BigDecimal latitude,
                                    BigDecimal longitude, int copies, Instant now) {
        DistributionPoint p = new DistributionPoint();
        p.active = true;
        p.createdAt = now;
        p.edit(kind, name, address, dong, latitude, longitude, copies);
        return p;
    }

    void edit(Kind newKind, String newName, String newAddress, String newDong, BigDecimal lat, BigDecimal lon,
              int copies) {
        if (newKind == null) {
            throw new DomainException("newsletter.point.kind", "배부처 유형을 골라 주세요.");
        }
        String n = newName == null ? "" : newName.strip();
        String a = newAddress == null ? "" : newAddress.strip();
        String d = newDong == null ? "" : newDong.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new DomainException("newsletter.point.name", "배부처 이름을 200자 이내로 입력해 주세요.");
        }
        if (a.isEmpty() || a.length() > 300) {
            throw new DomainException("newsletter.point.address", "주소를 300자 이내로 입력해 주세요.");
        }
        if (!DONGS.contains(d)) {
            throw new DomainException("newsletter.point.dong", "'" + d + "'은(는) 금천구 행정동이 아닙니다 (" + String.join(", ", DONGS)
                    + ").", d);
        }
        if ((lat == null) != (lon == null)) {
            throw new DomainException("newsletter.point.coords", "위도와 경도는 함께 입력하거나 함께 비워 두세요.");
        }
        if (lat != null && (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0 || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw new DomainException("newsletter.point.coords", "위도는 -90~90, 경도는 -180~180 사이여야 합니다.");
        }
        if (copies < 0 || copies > 100_000) {
            throw new DomainException("newsletter.point.copies", "배부 부수는 0~100,000 사이로 입력해 주세요.");
        }
        kind = newKind;
        name = n;
        address = a;
        dong = d;
        latitude = lat == null ? null : lat.setScale(6, java.math.RoundingMode.HALF_UP);
        longitude = lon == null ? null : lon.setScale(6, java.math.RoundingMode.HALF_UP);
        copiesPerIssue = copies;
    }

    void deactivate() {
        active = false;
    }

    void activate() {
        active = true;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getDong() {
        return dong;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    public int getCopiesPerIssue() {
        return copiesPerIssue;
    }

    public boolean isActive() {
        return active;
    }
}
