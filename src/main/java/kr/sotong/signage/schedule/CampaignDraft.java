package kr.sotong.signage.schedule;

import java.time.LocalDate;
import java.util.List;
import kr.sotong.shared.DomainException;

/** What staff enter for a campaign; validated as a whole with Korean messages. */
public record CampaignDraft(String name, CampaignKind kind, Long playlistId, LocalDate start, LocalDate end, int priority,
                            int sharePercent, Targets targets, List<Daypart> dayparts) {

    public static final int MAX_PRIORITY = 100;

    public CampaignDraft {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new DomainException("signage.campaign.name-required", "캠페인 이름을 입력하세요.");
        }
        if (name.length() > 200) {
            throw new DomainException("signage.campaign.name-too-long", "캠페인 이름은 200자 이내로 입력하세요.");
        }
        if (kind == null) {
            throw new DomainException("signage.campaign.kind-required", "편성 종류를 고르세요.");
        }
        if (playlistId == null) {
            throw new DomainException("signage.campaign.playlist-required", "재생목록을 고르세요.");
        }
        if (start == null || end == null) {
            throw new DomainException("signage.campaign.dates-required", "시작일과 종료일을 모두 입력하세요.");
        }
        if (end.isBefore(start)) {
            throw new DomainException("signage.campaign.bad-dates", "종료일이 시작일보다 빠릅니다: " + start + " ~ " + end);
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new DomainException("signage.campaign.bad-priority", "우선순위는 0~" + MAX_PRIORITY + " 사이로 입력하세요.");
        }
        if (kind == CampaignKind.INTERRUPT) {
            if (sharePercent < 1 || sharePercent > 90) {
                throw new DomainException("signage.campaign.bad-share", "끼워넣기의 시간 점유율은 1~90%로 입력하세요.");
            }
        } else {
            sharePercent = 0;
        }
        if (targets == null || targets.isEmpty()) {
            throw new DomainException("signage.campaign.no-targets", "송출 대상(전체, 기기 종류, 그룹, 태그, 기기)을 하나 이상 고르세요.");
        }
        dayparts = dayparts == null ? List.of() : List.copyOf(dayparts);
        if (kind == CampaignKind.DEFAULT && !dayparts.isEmpty()) {
            throw new DomainException("signage.campaign.default-dayparts", "기본 편성은 시간대를 정하지 않습니다(언제나 빈 시간을 채웁니다).");
        }
        if (dayparts.size() > 7) {
            throw new DomainException("signage.campaign.too-many-dayparts", "시간대는 7개까지 정할 수 있습니다.");
        }
    }
}
