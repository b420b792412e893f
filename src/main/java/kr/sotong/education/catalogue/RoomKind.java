package kr.sotong.education.catalogue;

/** 일반교육장, 실습교육장, 키오스크 체험존, 강당, 기타. */
public enum RoomKind {
    GENERAL, PRACTICE, KIOSK_ZONE, HALL, OTHER
}
