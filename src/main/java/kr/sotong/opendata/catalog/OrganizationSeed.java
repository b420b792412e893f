package kr.sotong.opendata.catalog;

import kr.sotong.platform.SeedRuns;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Initial data: the department's three teams as CKAN organisations (the seed's 조직현황). AI빅데이터팀 owns open
 * data (데이터 기반 행정 및 공공데이터 활용 촉진); the program's periods belong to the work plan.
 */
@Component
class OrganizationSeed {

    static final String VERSION = "1";

    private final SeedRuns seeds;
    private final Catalog catalog;

    OrganizationSeed(SeedRuns seeds, Catalog catalog) {
        this.seeds = seeds;
        this.catalog = catalog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        seeds.runOnce("opendata-organizations", VERSION, "8d1c0a5b2f6e4d3c9a7b1e0f2d4c6b8a0e1f3d5c7b9a2e4f6d8c0b1a3e5f7d9c", () -> {
            catalog.ensureOrganization("ai-bigdata-team", "AI빅데이터팀",
                    "소통담당관 AI빅데이터팀: AI 기반 행정 업무 효율화, 데이터 기반 행정 및 공공데이터 활용 촉진, 정보화사업, 홈페이지 운영, 구민 정보화교육",
                    "AI빅데이터팀");
            catalog.ensureOrganization("pr-media-team", "홍보미디어팀",
                    "소통담당관 홍보미디어팀: 금천구 브랜드 홍보 콘텐츠, 소식지·인터넷방송국·미디어보드·SNS 구정홍보", "홍보미디어팀");
            catalog.ensureOrganization("press-team", "언론팀",
                    "소통담당관 언론팀: 언론 대응, 보도자료 작성·배포, 언론사 관리", "언론팀");
        });
    }
}
