package kr.sotong.education.attendance;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import kr.sotong.education.catalogue.EducationProperties;
import kr.sotong.education.catalogue.Courses;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * 수료증: a PDF with the trainee's name, the course and a verification code (also as a QR code) that anyone can
 * check on the public verification page. Codes look like {@code GC-2031-7K3M-Q9XD} (no 0/O/1/I).
 */
@Service
public class Certificates {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy년 M월 d일").withZone(SEOUL);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final PdfRenderer pdf;
    private final AuditLog audit;
    private final EducationProperties properties;
    private final Clock clock;

    Certificates(JdbcClient jdbc, PersonalDataCipher cipher, PdfRenderer pdf, AuditLog audit, EducationProperties properties,
                 Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.pdf = pdf;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public record Certificate(long id, long registrationId, String code, String courseTitle, String holderMasked, int attended,
                              int sessions, String periodLabel, Instant issuedAt, Instant revokedAt, String revokeReason) {
        public boolean valid() {
            return revokedAt == null;
        }
    }

    static String newCode(int year) {
        StringBuilder sb = new StringBuilder("GC-").append(year).append('-');
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Normalises what people type: surrounding spaces, lower case, spaces for hyphens. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** Issues the certificate (once per registration; returns the existing one otherwise). */
    @Transactional
    Certificate issue(long registrationId, String holderName, String courseTitle, int attended, int sessions, String periodLabel) {
        Optional<Certificate> existing = byRegistration(registrationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        String code;
        do {
            code = newCode(now.atZone(SEOUL).getYear());
        } while (jdbc.sql("select count(*) from education_certificate where code = :c").param("c", code).query(Long.class).single() > 0);
        jdbc.sql("""
                        insert into education_certificate (registration_id, code, course_title, holder_enc, holder_masked, attended,
                                                           sessions, period_label, issued_at)
                        values (:r, :code, :title, :enc, :masked, :a, :s, :p, :now)""")
                .param("r", registrationId).param("code", code).param("title", courseTitle)
                .param("enc", cipher.encrypt(holderName)).param("masked", kr.sotong.shared.Masking.name(holderName))
                .param("a", attended).param("s", sessions).param("p", periodLabel).param("now", Timestamp.from(now)).update();
        return byRegistration(registrationId).orElseThrow();
    }

    public Optional<Certificate> byRegistration(long registrationId) {
        return jdbc.sql("select * from education_certificate where registration_id = :r").param("r", registrationId)
                .query(Certificates::map).optional();
    }

    /** Certificates of a course by registration id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Certificate> ofCourse(long courseId) {
        java.util.Map<Long, Certificate> m = new java.util.HashMap<>();
        jdbc.sql("select c.* from education_certificate c join education_registration r on r.id = c.registration_id where r.course_id = :c")
                .param("c", courseId).query(Certificates::map).list().forEach(c -> m.put(c.registrationId(), c));
        return m;
    }

    /** Public verification: what the code certifies (masked name only). */
    @Transactional(readOnly = true)
    public Optional<Certificate> verify(String code) {
        String c = normalise(code);
        if (!c.matches("GC-\\d{4}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from education_certificate where code = :c").param("c", c).query(Certificates::map).optional();
    }

    @Transactional
    public void revoke(long registrationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("edu.certificate.reason", "취소 사유를 입력하세요.");
        }
        Certificate c = byRegistration(registrationId).orElseThrow(() -> DomainException.notFound("수료증", registrationId));
        if (!c.valid()) {
            throw DomainException.conflict("edu.certificate.revoked", "이미 취소된 수료증입니다.");
        }
        jdbc.sql("update education_certificate set revoked_at = :now, revoke_reason = :r where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("r", reason.strip()).param("id", c.id()).update();
        audit.record("education.certificate.revoke", "EducationCertificate", c.id(), "수료증 취소 " + c.code() + ": " + reason.strip());
    }

    /** The PDF with the full name: a personal-data export, logged with {@code purpose}. */
    @Transactional
    public byte[] pdf(long registrationId, String purpose) {
        Certificate c = byRegistration(registrationId).orElseThrow(() -> DomainException.notFound("수료증", registrationId));
        if (!c.valid()) {
            throw DomainException.conflict("edu.certificate.revoked", "취소된 수료증은 내려받을 수 없습니다.");
        }
        String name = cipher.decrypt(jdbc.sql("select holder_enc from education_certificate where id = :id").param("id", c.id())
                .query(String.class).single());
        audit.recordAccess("EducationCertificate", c.id(), purpose);
        String url = properties.baseUrl() + "/classes/certificates/verify?code=" + c.code();
        String xhtml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="ko"><head><meta charset="UTF-8"/><title>수료증</title>
                <style>
                  @page { size: A4; margin: 25mm 20mm; }
                  body { font-family: Korean; color: #1e2124; }
                  .no { font-size: 11pt; }
                  h1 { font-size: 40pt; text-align: center; letter-spacing: 16pt; margin: 30mm 0 20mm; }
                  table { margin: 0 auto; font-size: 14pt; border-collapse: collapse; }
                  th { text-align: left; padding: 3mm 8mm 3mm 0; font-weight: bold; }
                  td { padding: 3mm 0; }
                  p.body { font-size: 15pt; line-height: 1.8; text-align: center; margin: 22mm 10mm; }
                  p.date { font-size: 14pt; text-align: center; }
                  p.issuer { font-size: 22pt; text-align: center; font-weight: bold; margin-top: 14mm; }
                  .verify { position: absolute; bottom: 0; left: 0; right: 0; font-size: 9pt; }
                  .verify img { width: 26mm; height: 26mm; float: left; margin-right: 4mm; }
                </style></head><body>
                <p class="no">제 %d 호</p>
                <h1>수료증</h1>
                <table>
                  <tr><th>성명</th><td>%s</td></tr>
                  <tr><th>과정명</th><td>%s</td></tr>
                  <tr><th>교육기간</th><td>%s</td></tr>
                  <tr><th>출석</th><td>%d회 / %d회</td></tr>
                </table>
                <p class="body">위 사람은 금천구 정보화교육 과정을 성실히 이수하였으므로 이 증서를 드립니다.</p>
                <p class="date">%s</p>
                <p class="issuer">서울특별시 금천구청장</p>
                <div class="verify"><img src="%s" alt="확인 QR 코드"/>
                  <p>확인번호 <b>%s</b><br/>진위 확인: %s</p></div>
                </body></html>
                """.formatted(c.id(), esc(name), esc(c.courseTitle()), esc(c.periodLabel()), c.attended(), c.sessions(),
                DAY.format(c.issuedAt()), qr(url), esc(c.code()), esc(url));
        return pdf.render(xhtml);
    }

    static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }

    static String qr(String text) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240), "PNG", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR 코드를 만들지 못했습니다", e);
        }
    }

    static Certificate map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Certificate(rs.getLong("id"), rs.getLong("registration_id"), rs.getString("code"), rs.getString("course_title"),
                rs.getString("holder_masked"), rs.getInt("attended"), rs.getInt("sessions"), rs.getString("period_label"),
                Courses.instant(rs, "issued_at"), Courses.instant(rs, "revoked_at"), rs.getString("revoke_reason"));
    }
}
