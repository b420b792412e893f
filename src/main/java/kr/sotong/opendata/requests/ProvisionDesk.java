package kr.sotong.opendata.requests;

import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.sotong.opendata.OpenDataProperties;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PdfRenderer;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.RateLimits;
import kr.sotong.platform.Roles;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provision requests (공공데이터 제공신청): the residents' form and status page, the staff workflow with statutory
 * deadlines, notices as PDF, the day-7 warning and overdue alerts.
 */
@Service
@Transactional
public class ProvisionDesk {

    static final String OTP_PURPOSE = "opendata.request";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final PdfRenderer pdf;
    private final FileStore files;
    private final AuditLog audit;
    private final RateLimits limits;
    private final OpenDataProperties properties;
    private final String baseUrl;

    public ProvisionDesk(JdbcClient jdbc, Clock clock, PersonalDataCipher cipher, OneTimeCodes codes,
                         Notifications notifications, PdfRenderer pdf, FileStore files, AuditLog audit, RateLimits limits,
                         OpenDataProperties properties, @Value("${sotong.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.codes = codes;
        this.notifications = notifications;
        this.pdf = pdf;
        this.files = files;
        this.audit = audit;
        this.limits = limits;
        this.properties = properties;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The public form. */
    public record Form(String name, String phone, String email, String title, String dataDescription, String purpose) {
    }

    public record Receipt(long id, String receiptNo, LocalDate deadline) {
    }

    public Receipt submit(Form form, String clientKey) {
        limits.acquire("opendata.request", clientKey == null ? "?" : clientKey, 5, Duration.ofHours(1));
        String name = require(form.name(), 50, "신청인 이름");
        PhoneNumber phone = PhoneNumber.parse(form.phone());
        String email = form.email() == null || form.email().isBlank() ? null : EmailAddress.normalise(form.email());
        String title = require(form.title(), 300, "신청 데이터 이름");
        String description = require(form.dataDescription(), 4000, "데이터 내용");
        String purpose = require(form.purpose(), 2000, "이용 목적");
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        long id = jdbc.sql("""
                        insert into opendata_provision_request (receipt_no, title, data_description, purpose, requester_name,
                            requester_phone, requester_email, requester_lookup, status, received_at, received_on, deadline,
                            internal_report_due)
                        values ('pending-' || gen_random_uuid(), :title, :desc, :purpose, :name, :phone, :email, :lookup,
                            'RECEIVED', :now, :today, :deadline, :report) returning id""")
                .param("title", title).param("desc", description).param("purpose", purpose)
                .param("name", cipher.encrypt(name)).param("phone", cipher.encrypt(phone.digits()))
                .param("email", cipher.encrypt(email)).param("lookup", cipher.lookupHash(phone.digits()))
                .param("now", Timestamp.from(now)).param("today", today)
                .param("deadline", today.plusDays(properties.decisionDays()))
                .param("report", today.plusDays(properties.internalReportDays())).query(Long.class).single();
        String receiptNo = "OD-" + today.getYear() + "-" + String.format("%05d", id);
        jdbc.sql("update opendata_provision_request set receipt_no = :r where id = :id").param("r", receiptNo).param("id", id).update();
        audit.recordAs("resident:" + phone.masked(), "opendata.request.submit", "ProvisionRequest", id,
                "공공데이터 제공신청 접수 " + receiptNo + ": " + title);
        notifications.notifyStaffWithRole(Roles.DATA_AI, "[공공데이터] 제공신청 접수 " + receiptNo,
                "새 공공데이터 제공신청이 접수되었습니다.\n\n접수번호: " + receiptNo + "\n데이터: " + title
                        + "\n처리 기한(10일): " + today.plusDays(properties.decisionDays()) + "\n내부 보고 기한(8일): "
                        + today.plusDays(properties.internalReportDays()) + "\n\n" + baseUrl + "/staff/opendata/requests/" + id,
                "opendata.request");
        return new Receipt(id, receiptNo, today.plusDays(properties.decisionDays()));
    }

    private static String require(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            throw new DomainException("opendata.request.required", what + "을(를) 입력하세요.");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainException("opendata.request.too-long", what + "은(는) " + max + "자 이내로 입력하세요.");
        }
        return v;
    }

    // ------------------------------------------------------------ residents' status page

    /** Sends a one-time code to the requester's phone when receipt number and phone match. */
    public OneTimeCodes.Issued requestStatusCode(String receiptNo, String phone) {
        ProvisionRequest r = byReceipt(receiptNo, phone);
        return codes.issue(OTP_PURPOSE, r.requesterPhone());
    }

    /** Verifies the code; returns the request for the status page. */
    @Transactional(noRollbackFor = DomainException.class)
    public ProvisionRequest verifyStatus(String receiptNo, String phone, String code) {
        ProvisionRequest r = byReceipt(receiptNo, phone);
        codes.verify(OTP_PURPOSE, r.requesterPhone(), code);
        audit.recordAs("resident:" + Masking.phone(r.requesterPhone()), "opendata.request.status", "ProvisionRequest", r.id(),
                "신청인이 처리 상태를 조회함");
        return r;
    }

    private ProvisionRequest byReceipt(String receiptNo, String phone) {
        PhoneNumber p = PhoneNumber.parse(phone);
        String no = receiptNo == null ? "" : receiptNo.strip().toUpperCase(java.util.Locale.ROOT);
        return jdbc.sql("select * from opendata_provision_request where receipt_no = :r and requester_lookup = :h")
                .param("r", no).param("h", cipher.lookupHash(p.digits())).query(this::map).optional()
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "opendata.request.not-found",
                        "접수번호와 휴대전화 번호가 맞는 신청이 없습니다. 다시 확인해 주세요."));
    }

    /** Status of a request the requester has verified (by id, from their session). */
    @Transactional(readOnly = true)
    public Optional<ProvisionRequest> find(long id) {
        return jdbc.sql("select * from opendata_provision_request where id = :id").param("id", id).query(this::map).optional();
    }

    // ------------------------------------------------------------ staff workflow

    @Transactional(readOnly = true)
    public List<ProvisionRequest> all() {
        return jdbc.sql("select * from opendata_provision_request order by (status in ('RECEIVED','EXTENDED')) desc, deadline, id desc")
                .query(this::map).list();
    }

    /** A request with the requester's data, for staff; the view is written to the access log. */
    public ProvisionRequest open(long id) {
        ProvisionRequest r = require(id);
        audit.recordAccess("ProvisionRequest", id, "제공신청 처리 (신청인 연락처 열람)");
        return r;
    }

    private ProvisionRequest require(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("제공신청", id));
    }

    public void reportInternally(long id) {
        ProvisionRequest r = require(id);
        if (r.reportedAt() != null) {
            throw DomainException.conflict("opendata.request.reported", "이미 내부 보고를 마쳤습니다.");
        }
        jdbc.sql("update opendata_provision_request set reported_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record("opendata.request.report", "ProvisionRequest", id, "제공신청 내부 보고 완료 " + r.receiptNo());
    }

    public long extend(long id, String reason) {
        ProvisionRequest r = require(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate newDeadline = r.extendedDeadline(today, properties.extensionDays(), reason);
        jdbc.sql("""
                        update opendata_provision_request set status = 'EXTENDED', extended_at = :now, extension_reason = :reason,
                            deadline = :deadline, version = version + 1 where id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason.strip()).param("deadline", newDeadline)
                .param("id", id).update();
        long notice = notice(r, "EXTENSION", Notices.extension(r, newDeadline, reason.strip(), properties.publisher(), today));
        tell(r, "[금천구] 공공데이터 제공신청(" + r.receiptNo() + ") 처리 기간이 " + newDeadline + "까지 연장되었습니다. 사유: "
                + reason.strip(), "기간 연장 통지", notice);
        audit.record("opendata.request.extend", "ProvisionRequest", id, "처리 기간 연장 → " + newDeadline + ": " + reason.strip());
        return notice;
    }

    public long provide(long id, String note, Long datasetId, String datasetUrl) {
        ProvisionRequest r = require(id);
        r.checkDecidable(null, false);
        jdbc.sql("""
                        update opendata_provision_request set status = 'PROVIDED', decided_at = :now, decision_note = :note,
                            dataset_id = :ds, version = version + 1 where id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("note", note == null ? null : note.strip())
                .param("ds", datasetId).param("id", id).update();
        long notice = notice(r, "PROVISION", Notices.provision(r, note, datasetUrl, properties.publisher(), LocalDate.now(clock)));
        tell(r, "[금천구] 공공데이터 제공신청(" + r.receiptNo() + ")에 대해 제공 결정되었습니다."
                + (datasetUrl == null ? "" : " " + datasetUrl), "제공 결정 통지", notice);
        audit.record("opendata.request.provide", "ProvisionRequest", id, "제공 결정 " + r.receiptNo());
        return notice;
    }

    public long refuse(long id, String reason) {
        ProvisionRequest r = require(id);
        r.checkDecidable(reason, true);
        jdbc.sql("""
                        update opendata_provision_request set status = 'REFUSED', decided_at = :now, refusal_reason = :reason,
                            version = version + 1 where id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason.strip()).param("id", id).update();
        long notice = notice(r, "REFUSAL", Notices.refusal(r, reason.strip(), properties.publisher(), LocalDate.now(clock)));
        tell(r, "[금천구] 공공데이터 제공신청(" + r.receiptNo() + ")에 대해 제공 거부 결정되었습니다. 통지서의 사유와 "
                + "분쟁조정 신청(60일 이내) 안내를 확인해 주세요.", "제공 거부 통지", notice);
        audit.record("opendata.request.refuse", "ProvisionRequest", id, "제공 거부 " + r.receiptNo() + ": " + reason.strip());
        return notice;
    }

    private long notice(ProvisionRequest r, String kind, String xhtml) {
        byte[] bytes = pdf.render(xhtml);
        String name = r.receiptNo() + "-" + switch (kind) {
            case "EXTENSION" -> "기간연장통지서";
            case "PROVISION" -> "제공결정통지서";
            default -> "제공거부통지서";
        } + ".pdf";
        StoredFile file = files.store(new ByteArrayInputStream(bytes), name);
        return jdbc.sql("insert into opendata_notice (request_id, kind, sha256, created_at) values (:r, :k, :s, :now) returning id")
                .param("r", r.id()).param("k", kind).param("s", file.sha256()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private void tell(ProvisionRequest r, String sms, String subject, long noticeId) {
        notifications.send(Notification.sms(r.requesterPhone(), sms, "opendata.request").withIdempotencyKey("opendata.notice." + noticeId + ".sms"));
        if (r.requesterEmail() != null) {
            Notice n = notice(noticeId);
            StoredFile f = files.find(n.sha256()).orElseThrow();
            notifications.send(Notification.email(r.requesterEmail(), "[금천구] 공공데이터 " + subject + " (" + r.receiptNo() + ")",
                            sms + "\n\n통지서를 첨부합니다.", "opendata.request")
                    .withAttachments(List.of(new Notification.Attachment(f.sha256(), f.originalName())))
                    .withIdempotencyKey("opendata.notice." + noticeId + ".email"));
        }
    }

    public record Notice(long id, long requestId, String kind, String sha256, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    public List<Notice> notices(long requestId) {
        return jdbc.sql("select * from opendata_notice where request_id = :r order by id").param("r", requestId)
                .query((rs, i) -> new Notice(rs.getLong("id"), rs.getLong("request_id"), rs.getString("kind"),
                        rs.getString("sha256"), rs.getTimestamp("created_at").toInstant())).list();
    }

    @Transactional(readOnly = true)
    public Notice notice(long noticeId) {
        return jdbc.sql("select * from opendata_notice where id = :id").param("id", noticeId)
                .query((rs, i) -> new Notice(rs.getLong("id"), rs.getLong("request_id"), rs.getString("kind"),
                        rs.getString("sha256"), rs.getTimestamp("created_at").toInstant())).optional()
                .orElseThrow(() -> DomainException.notFound("통지서", noticeId));
    }

    // ------------------------------------------------------------ deadlines

    /** Counts for the dashboard: open, due within 3 days, overdue. */
    @Transactional(readOnly = true)
    public long[] deadlineCounts() {
        LocalDate today = LocalDate.now(clock);
        long open = 0;
        long soon = 0;
        long overdue = 0;
        for (ProvisionRequest r : jdbc.sql("select * from opendata_provision_request where status in ('RECEIVED','EXTENDED')")
                .query(this::map).list()) {
            open++;
            if (r.overdue(today)) {
                overdue++;
            } else if (r.daysLeft(today) <= 3) {
                soon++;
            }
        }
        return new long[] {open, soon, overdue};
    }

    /** Every morning: the day-7 warning (and the 8-day internal report rule) and overdue alerts, each sent once. */
    @Scheduled(cron = "0 0 9 * * *", zone = "Asia/Seoul")
    @SchedulerLock(name = "opendata.deadlines")
    public void checkDeadlines() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        for (ProvisionRequest r : jdbc.sql("select * from opendata_provision_request where status in ('RECEIVED','EXTENDED')")
                .query(this::map).list()) {
            if (r.overdue(today) && r.overdueAlertedAt() == null) {
                String text = "공공데이터 제공신청 " + r.receiptNo() + "(" + r.title() + ")의 처리 기한 " + r.deadline()
                        + "이(가) 지났습니다. 즉시 결정하세요.\n\n" + baseUrl + "/staff/opendata/requests/" + r.id();
                notifications.notifyStaffWithRole(Roles.DATA_AI, "[공공데이터] 처리 기한 초과 " + r.receiptNo(), text, "opendata.overdue");
                notifications.notifyStaffWithRole(Roles.DIRECTOR, "[공공데이터] 처리 기한 초과 " + r.receiptNo(), text, "opendata.overdue");
                jdbc.sql("update opendata_provision_request set overdue_alerted_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", r.id()).update();
                audit.recordAs("scheduler", "opendata.request.overdue", "ProvisionRequest", r.id(), "처리 기한 초과 알림");
            } else if (r.day(today) >= properties.warningDay() && r.warnedAt() == null && !r.overdue(today)) {
                String text = "공공데이터 제공신청 " + r.receiptNo() + "(" + r.title() + ")이(가) 접수 " + r.day(today)
                        + "일째입니다. 처리 기한은 " + r.deadline() + "이고 내부 보고 기한은 " + r.internalReportDue()
                        + (r.reportedAt() == null ? " (아직 보고 전)" : " (보고 완료)") + "입니다.\n\n" + baseUrl
                        + "/staff/opendata/requests/" + r.id();
                notifications.notifyStaffWithRole(Roles.DATA_AI, "[공공데이터] 처리 기한 임박 " + r.receiptNo(), text, "opendata.warning");
                jdbc.sql("update opendata_provision_request set warned_at = :now where id = :id")
                        .param("now", Timestamp.from(now)).param("id", r.id()).update();
                audit.recordAs("scheduler", "opendata.request.warning", "ProvisionRequest", r.id(), "처리 기한 임박(7일째) 알림");
            }
        }
    }

    private ProvisionRequest map(ResultSet rs, int i) throws SQLException {
        long ds = rs.getLong("dataset_id");
        Long datasetId = rs.wasNull() ? null : ds;
        return new ProvisionRequest(rs.getLong("id"), rs.getString("receipt_no"), rs.getString("title"),
                rs.getString("data_description"), rs.getString("purpose"), cipher.decrypt(rs.getString("requester_name")),
                cipher.decrypt(rs.getString("requester_phone")), cipher.decrypt(rs.getString("requester_email")),
                ProvisionRequest.Status.valueOf(rs.getString("status")), instant(rs, "received_at"),
                rs.getObject("received_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getObject("internal_report_due", LocalDate.class), instant(rs, "reported_at"), instant(rs, "extended_at"),
                rs.getString("extension_reason"), instant(rs, "decided_at"), rs.getString("decision_note"),
                rs.getString("refusal_reason"), datasetId, instant(rs, "warned_at"), instant(rs, "overdue_alerted_at"));
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }
}
