package kr.sotong.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code sotong.opendata}.
 *
 * @param limitErrors        errors kept per validation report (Frictionless's default 1000)
 * @param maxCellChars       longest cell kept when reading (longer ones are truncated and reported)
 * @param decisionDays       statutory decision period of a provision request (공공데이터법: 10일)
 * @param extensionDays      one extension with notice (10일)
 * @param internalReportDays internal rule of the responsible department: report within 8 days
 * @param warningDay         day after receipt on which staff are warned (day 7)
 * @param siteTitle          title in CKAN's status_show and the DCAT catalogue
 */
@ConfigurationProperties("sotong.opendata")
public record OpenDataProperties(int limitErrors, int maxCellChars, int decisionDays, int extensionDays,
                                 int internalReportDays, int warningDay, String siteTitle, String publisher) {

    public OpenDataProperties {
        limitErrors = limitErrors <= 0 ? 1000 : limitErrors;
        maxCellChars = maxCellChars <= 0 ? 1_000_000 : maxCellChars;
        decisionDays = decisionDays <= 0 ? 10 : decisionDays;
        extensionDays = extensionDays <= 0 ? 10 : extensionDays;
        internalReportDays = internalReportDays <= 0 ? 8 : internalReportDays;
        warningDay = warningDay <= 0 ? 7 : warningDay;
        siteTitle = siteTitle == null || siteTitle.isBlank() ? "금천구 공공데이터" : siteTitle;
        publisher = publisher == null || publisher.isBlank() ? "서울특별시 금천구" : publisher;
    }
}
