package kr.sotong.opendata.catalog;

/** 갱신 주기, with the Dublin Core frequency used in DCAT. */
public enum UpdateCycle {
    REALTIME("실시간", "http://purl.org/cld/freq/continuous"),
    DAILY("일간", "http://purl.org/cld/freq/daily"),
    WEEKLY("주간", "http://purl.org/cld/freq/weekly"),
    MONTHLY("월간", "http://purl.org/cld/freq/monthly"),
    QUARTERLY("분기", "http://purl.org/cld/freq/quarterly"),
    HALF_YEARLY("반기", "http://purl.org/cld/freq/semiannual"),
    YEARLY("연간", "http://purl.org/cld/freq/annual"),
    IRREGULAR("수시", "http://purl.org/cld/freq/irregular");

    public final String label;
    public final String frequency;

    UpdateCycle(String label, String frequency) {
        this.label = label;
        this.frequency = frequency;
    }
}
