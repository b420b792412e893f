package kr.sotong.education.catalogue;

public enum CourseStatus {
    DRAFT, PUBLISHED, CANCELLED, FINISHED
}
