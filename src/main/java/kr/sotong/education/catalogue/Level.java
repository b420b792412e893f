package kr.sotong.education.catalogue;

/** 입문 / 초급 / 중급. */
public record Level(String code, String name, int sortOrder) {
}
