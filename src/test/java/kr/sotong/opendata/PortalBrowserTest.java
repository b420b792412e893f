package kr.sotong.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.sotong.opendata.catalog.Catalog;
import kr.sotong.opendata.catalog.Licence;
import kr.sotong.opendata.catalog.UpdateCycle;
import kr.sotong.platform.FileStore;
import kr.sotong.testsupport.Browser;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public portal in headless Chromium: axe-core finds no WCAG 2.1 AA violation; the request form works by keyboard. */
@SotongTest
@Tag("browser")
class PortalBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;
    @Autowired
    FileStore files;

    private static void accessible(Browser browser) {
        browser.assertAccessible();
    }

    @Test
    void portalPagesAreAccessibleAndTheFormWorksByKeyboard() {
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        long id = catalog.create(new Catalog.DatasetForm(name, "금천구 공영주차장 현황", "공영주차장 위치와 주차면 수",
                catalog.organization("ai-bigdata-team").orElseThrow().id(), "주차,교통", "교통물류", Licence.KOGL_TYPE_1,
                UpdateCycle.QUARTERLY, "AI빅데이터팀", "data@geumcheon.example", "02-2627-0000"));
        long rid = catalog.addResource(id, "주차장 목록", "");
        catalog.addVersion(rid, files.store(new ByteArrayInputStream("주차장명,주차면수\n시흥공영주차장,120\n독산공영주차장,85\n"
                .getBytes(StandardCharsets.UTF_8)), "parking.csv"), "CSV", "UTF-8", 2L, "UPLOAD", null, null, "");
        catalog.publish(id);
        try (Browser browser = Browser.open(port)) {
            browser.go("/data");
            assertThat(browser.pageText()).contains("공공데이터");
            accessible(browser);
            browser.go("/data?q=" + name.substring(0, 12) + "&theme=교통물류");
            assertThat(browser.pageText()).contains("금천구 공영주차장 현황");
            accessible(browser);
            browser.go("/data/" + name);
            assertThat(browser.pageText()).contains("시흥공영주차장");
            accessible(browser);
            browser.go("/data/use-cases");
            accessible(browser);
            browser.go("/data/requests/status");
            accessible(browser);
            browser.go("/data/requests/new");
            accessible(browser);
            var d = browser.driver();
            d.findElement(By.id("title")).sendKeys("공영주차장 실시간 주차 가능 대수");
            d.findElement(By.id("title")).sendKeys(Keys.TAB, "주차장별 잔여 면수", Keys.TAB, "주차 안내 앱", Keys.TAB, "김민수",
                    Keys.TAB, "010-2345-6789", Keys.TAB, Keys.TAB, Keys.SPACE, Keys.TAB, Keys.ENTER);
            assertThat(browser.awaitText("접수되었습니다")).containsPattern("OD-\\d{4}-\\d{5}");
            accessible(browser);
        }
    }
}
