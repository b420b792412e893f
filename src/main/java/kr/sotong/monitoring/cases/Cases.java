package kr.sotong.monitoring.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import kr.sotong.monitoring.MonitoringProperties;
import kr.sotong.monitoring.ingest.Article;
import kr.sotong.monitoring.ingest.Articles;
import kr.sotong.monitoring.search.Indexer;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.press.DocumentDistributed;
import kr.sotong.press.DocumentDistributionRequested;
import kr.sotong.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Response cases (대응 사건): the use cases around {@link ResponseCase}, each audited, plus the escalation record
 * (보도반박자료, 언론중재위원회) and the distribution round trip with the press office.
 */
@Service
public class Cases {

    public record Step(String step, String actor, Instant at, String note) {
    }

    public record Escalation(long id, String kind, Instant decidedAt, String reference, String note, String recordedBy,
                             Instant recordedAt) {
        public String kindKorean() {
            return switch (kind) {
                case "REBUTTAL" -> "보도반박자료";
                case "PRESS_ARBITRATION" -> "언론중재위원회 조정 신청";
                case "CORRECTION_REQUEST" -> "정정보도 청구";
                default -> kind;
            };
        }
    }

    public static final List<String> ESCALATIONS = List.of("REBUTTAL", "PRESS_ARBITRATION", "CORRECTION_REQUEST");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy. M. d.").withZone(ZoneId.of("Asia/Seoul"));

    private final JdbcClient jdbc;
    private final Articles articles;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final MonitoringProperties props;
    private final Indexer indexer;
    private final Clock clock;

    Cases(JdbcClient jdbc, Articles articles, AuditLog audit, StaffDirectory staff, ApplicationEventPublisher events,
          MonitoringProperties props, Indexer indexer, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.audit = audit;
        this.staff = staff;
        this.events = events;
        this.props = props;
        this.indexer = indexer;
        this.clock = clock;
    }

    private static final String COLUMNS = """
            id, article_id, status, title, opened_at, opened_by, due_at, assessment, severity, quoted_report, explanation,
            department, contact_name, contact_phone, doc_version, submitted_at, approved_at, approved_by, rejection_note,
            distribution_key, distribution_requested_at, distributed_at, recipients, closed_at, closed_by, closing_note, version""";

    private static ResponseCase map(ResultSet rs, int i) throws SQLException {
        ResponseCase c = new ResponseCase();
        c.id = rs.getLong("id");
        c.articleId = rs.getLong("article_id");
        c.status = ResponseCase.Status.valueOf(rs.getString("status"));
        c.title = rs.getString("title");
        c.openedAt = ts(rs, "opened_at");
        c.openedBy = rs.getString("opened_by");
        c.dueAt = ts(rs, "due_at");
        c.assessment = rs.getString("assessment");
        c.severity = rs.getString("severity");
        c.quotedReport = rs.getString("quoted_report");
        c.explanation = rs.getString("explanation");
        c.department = rs.getString("department");
        c.contactName = rs.getString("contact_name");
        c.contactPhone = rs.getString("contact_phone");
        c.docVersion = rs.getInt("doc_version");
        c.submittedAt = ts(rs, "submitted_at");
        c.approvedAt = ts(rs, "approved_at");
        c.approvedBy = rs.getString("approved_by");
        c.rejectionNote = rs.getString("rejection_note");
        c.distributionKey = rs.getString("distribution_key");
        c.distributionRequestedAt = ts(rs, "distribution_requested_at");
        c.distributedAt = ts(rs, "distributed_at");
        c.recipients = (Integer) rs.getObject("recipients");
        c.closedAt = ts(rs, "closed_at");
        c.closedBy = rs.getString("closed_by");
        c.closingNote = rs.getString("closing_note");
        c.version = rs.getInt("version");
        return c;
    }

    private static Instant ts(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public Optional<ResponseCase> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_case where id = :id").param("id", id).query(Cases::map).optional();
    }

    public ResponseCase get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("대응 사건", id));
    }

    public List<ResponseCase> all(boolean openOnly) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_case " + (openOnly ? "where status <> 'CLOSED' " : "")
                + "order by due_at").query(Cases::map).list();
    }

    public List<ResponseCase> ofArticle(long articleId) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_case where id in "
                        + "(select case_id from monitoring_case_article where article_id = :a) order by id")
                .param("a", articleId).query(Cases::map).list();
    }

    public long countOverdue() {
        return jdbc.sql("select count(*) from monitoring_case where status not in ('DISTRIBUTED', 'CLOSED') and due_at < :now")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    public List<ResponseCase> overdue() {
        return jdbc.sql("select " + COLUMNS + " from monitoring_case where status not in ('DISTRIBUTED', 'CLOSED') and due_at < :now order by due_at")
                .param("now", Timestamp.from(clock.instant())).query(Cases::map).list();
    }

    public List<Step> steps(long caseId) {
        return jdbc.sql("select step, actor, at, note from monitoring_case_step where case_id = :c order by at, id")
                .param("c", caseId).query((rs, i) -> new Step(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4))).list();
    }

    public List<Escalation> escalations(long caseId) {
        return jdbc.sql("select id, kind, decided_at, reference, note, recorded_by, recorded_at from monitoring_escalation where case_id = :c order by id")
                .param("c", caseId).query((rs, i) -> new Escalation(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    public List<Long> articleIds(long caseId) {
        return jdbc.sql("select article_id from monitoring_case_article where case_id = :c order by article_id")
                .param("c", caseId).query(Long.class).list();
    }

    public Instant now() {
        return clock.instant();
    }

    // ----- use cases -----

    @Transactional
    public long open(long articleId) {
        Article a = articles.get(articleId);
        List<ResponseCase> existing = ofArticle(articleId).stream().filter(c -> c.status().open()).toList();
        if (!existing.isEmpty()) {
            throw DomainException.conflict("monitoring.case.exists",
                    "이 기사에는 진행 중인 대응 사건이 있습니다(#" + existing.get(0).id() + ").", existing.get(0).id());
        }
        String actor = staff.currentActor();
        Instant now = clock.instant();
        ResponseCase c = ResponseCase.open(articleId, "「" + a.title() + "」 보도 관련", a.lead(), actor, now, props.caseTarget());
        long id = jdbc.sql("""
                        insert into monitoring_case (article_id, status, title, opened_at, opened_by, due_at, quoted_report)
                        values (:a, :s, :t, :at, :by, :due, :q) returning id""")
                .param("a", articleId).param("s", c.status.name()).param("t", trunc(c.title, 300)).param("at", ts(now))
                .param("by", actor).param("due", ts(c.dueAt)).param("q", c.quotedReport).query(Long.class).single();
        jdbc.sql("insert into monitoring_case_article (case_id, article_id) values (:c, :a)").param("c", id).param("a", articleId).update();
        articles.touch(articleId);
        indexer.wakeAfterCommit();
        step(id, "OPEN", actor, now, "[" + a.outlet() + "] " + a.title());
        audit.record("monitoring.case.open", "MonitoringCase", id, "대응 사건 열기: [" + a.outlet() + "] " + a.title());
        return id;
    }

    @Transactional
    public void linkArticle(long caseId, long articleId) {
        ResponseCase c = get(caseId);
        Article a = articles.get(articleId);
        int n = jdbc.sql("insert into monitoring_case_article (case_id, article_id) values (:c, :a) on conflict do nothing")
                .param("c", caseId).param("a", articleId).update();
        if (n > 0) {
            articles.touch(articleId);
            indexer.wakeAfterCommit();
            step(caseId, "LINK", staff.currentActor(), clock.instant(), "관련 기사 추가: [" + a.outlet() + "] " + a.title());
            audit.record("monitoring.case.link", "MonitoringCase", c.id(), "관련 기사 추가 #" + articleId);
        }
    }

    @Transactional
    public void assess(long id, String assessment, String severity, boolean respond) {
        ResponseCase c = get(id);
        String actor = staff.currentActor();
        c.assess(assessment, severity, respond, actor, clock.instant());
        save(c);
        step(id, respond ? "ASSESS" : "CLOSE", actor, clock.instant(), (respond ? "대응 필요: " : "대응 불필요: ") + c.assessment);
        audit.record("monitoring.case.assess", "MonitoringCase", id, "검토: " + (respond ? "설명자료 작성" : "대응 불필요로 종결"));
    }

    @Transactional
    public void draft(long id, String quotedReport, String explanation, String department, String contactName,
                      String contactPhone) {
        ResponseCase c = get(id);
        c.draft(quotedReport, explanation, department, contactName, contactPhone);
        save(c);
        step(id, "DRAFT", staff.currentActor(), clock.instant(), "보도설명자료 저장");
        audit.record("monitoring.case.draft", "MonitoringCase", id, "보도설명자료 초안 저장");
    }

    @Transactional
    public void submit(long id) {
        ResponseCase c = get(id);
        c.submit(clock.instant());
        save(c);
        step(id, "SUBMIT", staff.currentActor(), clock.instant(), "승인 요청 (제" + c.docVersion + "판)");
        audit.record("monitoring.case.submit", "MonitoringCase", id, "보도설명자료 승인 요청, 제" + c.docVersion + "판");
    }

    @Transactional
    public void approve(long id) {
        ResponseCase c = get(id);
        String actor = staff.currentActor();
        c.approve(actor, clock.instant());
        save(c);
        step(id, "APPROVE", actor, clock.instant(), "승인 (제" + c.docVersion + "판)");
        audit.record("monitoring.case.approve", "MonitoringCase", id, "보도설명자료 승인, 제" + c.docVersion + "판");
    }

    @Transactional
    public void reject(long id, String note) {
        ResponseCase c = get(id);
        c.reject(note);
        save(c);
        step(id, "REJECT", staff.currentActor(), clock.instant(), "반려: " + c.rejectionNote);
        audit.record("monitoring.case.reject", "MonitoringCase", id, "보도설명자료 반려");
    }

    /** Asks the press office to distribute the approved 보도설명자료 (answered by {@link DocumentDistributed}). */
    @Transactional
    public String distribute(long id) {
        ResponseCase c = get(id);
        Article a = articles.get(c.articleId);
        String key = c.requestDistribution(clock.instant());
        save(c);
        events.publishEvent(new DocumentDistributionRequested(key, "CLARIFICATION", "[보도설명자료] " + c.title,
                c.documentText(a.outlet(), a.title(), DATE.format(a.publishedAt())), c.department, c.contactName,
                c.contactPhone, List.of(), List.of()));
        step(id, "DISTRIBUTE", staff.currentActor(), clock.instant(), "언론팀 배포 요청 (" + key + ")");
        audit.record("monitoring.case.distribute", "MonitoringCase", id, "보도설명자료 배포 요청: " + key);
        return key;
    }

    @ApplicationModuleListener
    public void on(DocumentDistributed event) {
        distributed(event);
    }

    @Transactional
    public boolean distributed(DocumentDistributed e) {
        if (e.requestKey() == null || !e.requestKey().startsWith("monitoring-case-")) {
            return false;
        }
        Optional<ResponseCase> found = jdbc.sql("select " + COLUMNS + " from monitoring_case where distribution_key = :k")
                .param("k", e.requestKey()).query(Cases::map).optional();
        if (found.isEmpty()) {
            return false;
        }
        ResponseCase c = found.get();
        if (!c.distributed(e.requestKey(), e.distributedAt(), e.recipients())) {
            return false;
        }
        save(c);
        step(c.id, "DISTRIBUTED", "press", clock.instant(), "배포 완료: " + e.recipients() + "명");
        audit.recordAs("press", "monitoring.case.distributed", "MonitoringCase", c.id,
                "보도설명자료 배포 완료: " + e.recipients() + "명 (" + e.requestKey() + ")");
        return true;
    }

    @Transactional
    public void close(long id, String note) {
        ResponseCase c = get(id);
        String actor = staff.currentActor();
        c.close(note, actor, clock.instant());
        save(c);
        step(id, "CLOSE", actor, clock.instant(), c.closingNote);
        audit.record("monitoring.case.close", "MonitoringCase", id, "대응 사건 종결");
    }

    @Transactional
    public long escalate(long id, String kind, Instant decidedAt, String reference, String note) {
        ResponseCase c = get(id);
        if (!ESCALATIONS.contains(kind)) {
            throw new DomainException("monitoring.case.escalation", "후속 조치 종류가 올바르지 않습니다: " + kind);
        }
        String actor = staff.currentActor();
        Instant now = clock.instant();
        long eid = jdbc.sql("""
                        insert into monitoring_escalation (case_id, kind, decided_at, reference, note, recorded_by, recorded_at)
                        values (:c, :k, :d, :r, :n, :by, :at) returning id""")
                .param("c", c.id).param("k", kind).param("d", ts(decidedAt == null ? now : decidedAt))
                .param("r", trunc(reference, 200)).param("n", trunc(note, 2000)).param("by", actor).param("at", ts(now))
                .query(Long.class).single();
        Escalation e = escalations(id).stream().filter(x -> x.id() == eid).findFirst().orElseThrow();
        step(id, "ESCALATE", actor, now, e.kindKorean() + (reference == null || reference.isBlank() ? "" : " (" + reference + ")"));
        audit.record("monitoring.case.escalate", "MonitoringCase", id, "후속 조치 기록: " + e.kindKorean());
        return eid;
    }

    private void save(ResponseCase c) {
        int n = jdbc.sql("""
                        update monitoring_case set status = :status, assessment = :assessment, severity = :severity,
                            quoted_report = :quoted, explanation = :explanation, department = :department, contact_name = :cn,
                            contact_phone = :cp, doc_version = :dv, submitted_at = :sub, approved_at = :apat, approved_by = :apby,
                            rejection_note = :rej, distribution_key = :key, distribution_requested_at = :dreq, distributed_at = :dat,
                            recipients = :rcp, closed_at = :cat, closed_by = :cby, closing_note = :cnote, version = version + 1
                        where id = :id and version = :version""")
                .param("status", c.status.name()).param("assessment", c.assessment).param("severity", c.severity)
                .param("quoted", c.quotedReport).param("explanation", c.explanation).param("department", trunc(c.department, 200))
                .param("cn", trunc(c.contactName, 100)).param("cp", trunc(c.contactPhone, 40)).param("dv", c.docVersion)
                .param("sub", ts(c.submittedAt)).param("apat", ts(c.approvedAt)).param("apby", c.approvedBy)
                .param("rej", trunc(c.rejectionNote, 1000)).param("key", c.distributionKey)
                .param("dreq", ts(c.distributionRequestedAt)).param("dat", ts(c.distributedAt)).param("rcp", c.recipients)
                .param("cat", ts(c.closedAt)).param("cby", c.closedBy).param("cnote", trunc(c.closingNote, 2000))
                .param("id", c.id).param("version", c.version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("monitoring_case " + c.id);
        }
        c.version++;
    }

    private void step(long caseId, String step, String actor, Instant at, String note) {
        jdbc.sql("insert into monitoring_case_step (case_id, step, actor, at, note) values (:c, :s, :a, :at, :n)")
                .param("c", caseId).param("s", step).param("a", actor).param("at", ts(at)).param("n", trunc(note, 2000)).update();
    }

    private static String trunc(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }
}
