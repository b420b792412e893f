package kr.sotong.contests.media;

import kr.sotong.shared.DomainException;

/** Korean reasons for refusing a file; every media problem is a plain {@link DomainException} (400). */
final class Rejections {

    private Rejections() {
    }

    static DomainException reject(String code, String koreanText, Object... args) {
        return new DomainException("contests.media." + code, koreanText, args);
    }

    static DomainException truncated(String what) {
        return reject("truncated", what + " 파일이 잘렸거나 손상되었습니다. 원본 파일을 다시 올려 주세요.");
    }
}
