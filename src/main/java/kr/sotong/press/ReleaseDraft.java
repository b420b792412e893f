package kr.sotong.press;

import java.time.Instant;
import java.util.List;

/**
 * What a drafter types: the standard Korean government layout — 제목, 부제, body in the □ / ㅇ / - / ※
 * hierarchy, the contact table (담당 부서 / 책임자 / 담당자 / 전화), 배포 일시 and 보도 시점.
 *
 * @param listCodes      press-contact lists to send to; empty = every opted-in reporter
 * @param correctionNote for a 정정 edition: what was corrected (required then)
 */
public record ReleaseDraft(String title, String subtitle, String body, String department, String responsible,
                           String contactName, String contactPhone, Instant distributeAt, Instant embargoUntil,
                           List<String> listCodes, Long planItemId, String correctionNote) {

    public ReleaseDraft {
        listCodes = listCodes == null ? List.of() : List.copyOf(listCodes);
    }
}
