package kr.sotong.press;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import kr.sotong.platform.Roles;
import kr.sotong.testsupport.SotongTest;
import kr.sotong.testsupport.Staff;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Press contacts: encrypted at rest, masked on screen, access-logged; XLSX import previews errors and duplicates. */
@SotongTest
class ContactsTest {

    @Autowired
    PressContacts contacts;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    static byte[] xlsx(String[]... rows) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("기자");
            var h = sheet.createRow(0);
            for (int i = 0; i < ContactSheet.HEADERS.size(); i++) {
                h.createCell(i).setCellValue(ContactSheet.HEADERS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void importPreviewsBadRowsAndDuplicatesAndSavesNothingUntilTheFileIsClean() {
        var press = staff.create("PRESS", false, Roles.PRESS);
        String u = PressFixtures.unique();
        String outlet = "금천신문" + u;
        staff.runAs(press, () -> {
            long o = contacts.addOutlet(new Contacts.OutletInput(outlet, OutletKind.LOCAL, true, null, null, null, null));
            contacts.addReporter(new Contacts.Input(o, "이미있음", "exists" + u + "@paper.test", null, null, true));
        });
        long before = jdbc.sql("select count(*) from press_reporter").query(Long.class).single();
        byte[] bad = xlsx(
                new String[] {outlet, "지역지", "홍길동", "hong" + u + "@paper.test", "010-1234-5678", "구정", "Y"},
                new String[] {outlet, "지역지", "", "noname" + u + "@paper.test", "", "", "Y"},
                new String[] {outlet, "지역지", "김메일", "not-an-email", "", "", "Y"},
                new String[] {outlet, "지역지", "박전화", "park" + u + "@paper.test", "12345", "", "N"},
                new String[] {outlet, "지역지", "최중복", "HONG" + u + "@paper.test", "", "", "Y"},
                new String[] {outlet, "지역지", "이미있음", "exists" + u + "@paper.test", "", "", "Y"},
                new String[] {"새언론" + u, "", "정구분", "jung" + u + "@paper.test", "", "", "Y"});
        staff.runAs(press, () -> {
            var p = contacts.previewImport(new ByteArrayInputStream(bad), "기자명단.xlsx");
            assertThat(p.rows()).hasSize(7);
            assertThat(p.rows().get(0).status()).isEqualTo("OK");
            assertThat(p.rows().get(0).nameMasked()).isEqualTo("홍*동");
            assertThat(p.rows().get(0).emailMasked()).contains("*").doesNotStartWith("hong");
            assertThat(p.rows().get(1).messages()).anyMatch(m -> m.contains("기자명이 비어"));
            assertThat(p.rows().get(2).messages()).anyMatch(m -> m.contains("이메일 형식"));
            assertThat(p.rows().get(3).messages()).anyMatch(m -> m.contains("전화번호"));
            assertThat(p.rows().get(4).messages()).anyMatch(m -> m.contains("2행과 이메일이 같습니다"));
            assertThat(p.rows().get(5).status()).isEqualTo("DUPLICATE_EXISTING");
            assertThat(p.rows().get(6).messages()).anyMatch(m -> m.contains("매체구분"));
            assertThat(p.errors()).isEqualTo(5);
            assertThat(p.importable()).isFalse();
            assertThatThrownBy(() -> contacts.confirmImport(p.fileKey())).hasMessageContaining("아무것도 저장하지 않았습니다");
        });
        assertThat(jdbc.sql("select count(*) from press_reporter").query(Long.class).single()).isEqualTo(before);

        byte[] good = xlsx(
                new String[] {outlet, "지역지", "홍길동", "hong" + u + "@paper.test", "010-1234-5678", "구정", "Y"},
                new String[] {"새언론" + u, "인터넷", "정구분", "jung" + u + "@paper.test", "", "", "N"},
                new String[] {outlet, "지역지", "이미있음", "exists" + u + "@paper.test", "", "", "Y"});
        // through the screens: upload → preview page (masked) → confirm
        String preview;
        try {
            preview = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .multipart("/staff/press/contacts/import")
                            .file(new org.springframework.mock.web.MockMultipartFile("file", "기자명단.xlsx",
                                    "application/octet-stream", good))
                            .with(staff.as(press))
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(preview).contains("2명 저장").contains("홍*동").doesNotContain("홍길동").doesNotContain("hong" + u);
        String fileKey = preview.replaceAll("(?s).*name=\"fileKey\" value=\"([0-9a-f]{64})\".*", "$1");
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/staff/press/contacts/import/confirm")
                            .param("fileKey", fileKey).with(staff.as(press))
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("info", "기자 2명을 가져왔습니다."));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // personal data encrypted at rest, masked on screen, clear view access-logged
        String stored = jdbc.sql("select name_enc || email_enc || coalesce(phone_enc, '') from press_reporter where name_masked = '홍*동' order by id desc limit 1")
                .query(String.class).single();
        assertThat(stored).doesNotContain("홍길동").doesNotContain("hong" + u).doesNotContain("1234-5678").startsWith("pd1:");
        staff.runAs(press, () -> {
            var r = contacts.reporters(null, null).stream().filter(x -> x.emailMasked().endsWith("@paper.test")
                    && x.nameMasked().equals("홍*동")).reduce((a, b) -> b).orElseThrow();
            assertThat(r.phoneMasked()).isEqualTo("010-****-5678");
            long accessBefore = accessCount(r.id());
            var detail = contacts.reveal(r.id(), "시험 열람");
            assertThat(detail.name()).isEqualTo("홍길동");
            assertThat(detail.email()).isEqualTo("hong" + u + "@paper.test");
            assertThat(accessCount(r.id())).isEqualTo(accessBefore + 1);
        });
    }

    private long accessCount(long reporterId) {
        return jdbc.sql("select count(*) from platform_audit_log where category = 'ACCESS' and entity_type = 'PressReporter' and entity_id = :id")
                .param("id", String.valueOf(reporterId)).query(Long.class).single();
    }

    @Test
    void notAnXlsxAndMalformedAddressesGiveKoreanErrors() {
        var press = staff.create("PRESS", false, Roles.PRESS);
        staff.runAs(press, () -> {
            assertThatThrownBy(() -> contacts.previewImport(new ByteArrayInputStream("이름,이메일\n".getBytes()), "a.xlsx"))
                    .hasMessageContaining("허용되지 않는 파일 형식");
            long o = contacts.addOutlet(new Contacts.OutletInput("주소시험" + PressFixtures.unique(), OutletKind.INTERNET,
                    false, null, null, null, null));
            assertThatThrownBy(() -> contacts.addReporter(new Contacts.Input(o, "김", "김@@example", null, null, true)))
                    .hasMessageContaining("이메일 주소 형식");
            assertThatThrownBy(() -> contacts.addOutlet(new Contacts.OutletInput("x", OutletKind.WIRE, false,
                    "javascript:alert(1)", null, null, null))).hasMessageContaining("http");
            byte[] export = contacts.exportXlsx("시험");
            assertThat(export.length).isGreaterThan(100);
        });
        var viewer = staff.create(Roles.VIEWER);
        staff.runAs(viewer, () -> assertThatThrownBy(() -> contacts.reporters(null, null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class));
        assertThat(List.of()).isEmpty();
    }
}
