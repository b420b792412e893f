package kr.sotong.education.catalogue;

public record Category(String code, String name, String description, int sortOrder) {
}
