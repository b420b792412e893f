package kr.sotong.campaigns.placement;

import java.time.LocalDate;
import kr.sotong.shared.DomainException;
import org.springframework.data.relational.core.mapping.Table;

/** A performance figure: impressions or clicks (online), or a count (e.g. visitors, copies handed out). */
@Table("campaigns_placement_metric")
public record PlacementMetric(Metric metric, String label, LocalDate measuredFrom, LocalDate measuredTo, long value,
                              String source) {

    public enum Metric { IMPRESSIONS, CLICKS, COUNT }

    static PlacementMetric of(String metric, String label, LocalDate from, LocalDate to, Long value, String source,
                              LocalDate today) {
        Metric m;
        try {
            m = Metric.valueOf(metric == null ? "" : metric);
        } catch (IllegalArgumentException e) {
            throw new DomainException("campaigns.metric.kind", "지표 종류를 골라 주세요.");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new DomainException("campaigns.metric.period", "측정 기간(시작일 ≤ 종료일)을 입력해 주세요.");
        }
        if (to.isAfter(today)) {
            throw new DomainException("campaigns.metric.future", "아직 오지 않은 날짜(" + to + ")의 실적은 기록할 수 없습니다.");
        }
        if (value == null || value < 0) {
            throw new DomainException("campaigns.metric.value", "값은 0 이상의 정수로 입력해 주세요.");
        }
        String l = label == null || label.isBlank() ? switch (m) {
            case IMPRESSIONS -> "노출 수";
            case CLICKS -> "클릭 수";
            case COUNT -> "횟수";
        } : label.strip();
        if (l.length() > 100) {
            throw new DomainException("campaigns.metric.label", "지표 이름은 100자 이내로 입력해 주세요.");
        }
        return new PlacementMetric(m, l, from, to, value, source == null || source.isBlank() ? null : source.strip());
    }
}
