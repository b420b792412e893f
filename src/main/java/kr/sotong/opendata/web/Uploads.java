package kr.sotong.opendata.web;

import java.io.IOException;
import java.io.InputStream;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Stores staff uploads in the file store, refusing executables and web documents. */
@Component
class Uploads {

    private final FileStore files;
    private final UploadPolicy policy;

    Uploads(FileStore files, UploadPolicy policy) {
        this.files = files;
        this.policy = policy;
    }

    StoredFile store(MultipartFile upload) {
        if (upload == null || upload.isEmpty()) {
            throw new DomainException("opendata.upload.empty", "파일을 고르세요.");
        }
        try (InputStream in = upload.getInputStream()) {
            StoredFile f = files.store(in, upload.getOriginalFilename() == null ? "upload" : upload.getOriginalFilename());
            if (policy.isDangerous(f)) {
                throw new DomainException("opendata.upload.dangerous", "실행 파일이나 웹 문서는 올릴 수 없습니다: " + f.originalName());
            }
            return f;
        } catch (IOException e) {
            throw new DomainException("opendata.upload.io", "파일을 받지 못했습니다: " + e.getMessage());
        }
    }
}
