/**
 * 소식지 금천향기 (the monthly newsletter): issues with articles, reader contributions, the read-aloud
 * audio edition with QR codes, e-books, distribution points and inspections, satisfaction surveys.
 */
@org.springframework.modulith.ApplicationModule(displayName = "소식지")
package kr.sotong.newsletter;
