package kr.sotong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.sotong.shared.DomainException;
import kr.sotong.testsupport.SotongTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SotongTest
class FilesTest {

    @Autowired
    FileStore files;
    @Autowired
    UploadPolicy policy;

    private StoredFile store(byte[] bytes, String name) {
        return files.store(new ByteArrayInputStream(bytes), name);
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};

    @Test
    void contentIsAddressedByHashAndTypedByContentNotName() {
        StoredFile a = store(PNG, "사진.jpg");
        StoredFile b = store(PNG, "다른이름.png");
        assertThat(a.sha256()).isEqualTo(b.sha256()).hasSize(64);
        assertThat(a.mediaType()).isEqualTo("image/png");
        assertThat(files.find(a.sha256())).isPresent();
    }

    @Test
    void dangerousContentIsRefusedWhateverItsName() {
        StoredFile exe = store(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF}, "보도자료.pdf");
        StoredFile html = store("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8), "photo.jpg");
        StoredFile svg = store("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"1\"/></svg>"
                .getBytes(StandardCharsets.UTF_8), "logo.svg");
        StoredFile cleanSvg = store("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"2\"/></svg>".getBytes(StandardCharsets.UTF_8), "ok.svg");
        for (StoredFile f : new StoredFile[] {exe, html, svg}) {
            assertThat(policy.isDangerous(f)).as(f.originalName() + " " + f.mediaType()).isTrue();
            assertThatThrownBy(() -> policy.check(f, Set.of())).isInstanceOf(DomainException.class)
                    .hasMessageContaining("보안상 허용되지 않는 파일");
        }
        assertThat(policy.isDangerous(cleanSvg)).isFalse();
        assertThatThrownBy(() -> policy.check(store(PNG, "x.png"), Set.of("application/pdf")))
                .hasMessageContaining("허용되지 않는 파일 형식");
    }

    @Test
    void officeContainersAreRecognised() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(store(bytes.toByteArray(), "명단.csv").mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void emptyOversizedAndTraversingUploadsAreHandled() {
        assertThatThrownBy(() -> store(new byte[0], "empty.txt")).hasMessageContaining("빈 파일");
        assertThatThrownBy(() -> files.store(new ByteArrayInputStream(new byte[2048]), "big.bin", 1024))
                .hasMessageContaining("허용된 크기");
        StoredFile f = store("hello".getBytes(StandardCharsets.UTF_8), "../../etc/passwd");
        assertThat(f.originalName()).isEqualTo("passwd");
        assertThat(store("x1".getBytes(StandardCharsets.UTF_8), "..\\..\\windows\\win.ini").originalName()).isEqualTo("win.ini");
        assertThat(store("x2".getBytes(StandardCharsets.UTF_8), "...").originalName()).isEqualTo("file");
    }
}
