package kr.sotong.opendata.requests;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments' analysis requests (분석 요청: intake, status, deliverables), the record of staff data-literacy
 * training (데이터 역량 강화 교육) and the public showcase of use cases (활용 사례).
 */
@Service
@Transactional
public class AnalysisDesk {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public AnalysisDesk(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public enum AnalysisStatus {
        RECEIVED("접수"), IN_PROGRESS("분석 중"), DELIVERED("결과 제공"), CLOSED("종결");

        public final String label;

        AnalysisStatus(String label) {
            this.label = label;
        }

        boolean canMoveTo(AnalysisStatus next) {
            return switch (this) {
                case RECEIVED -> next == IN_PROGRESS || next == CLOSED;
                case IN_PROGRESS -> next == DELIVERED || next == CLOSED;
                case DELIVERED -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }

    public record AnalysisRequest(long id, String department, String title, String question, String requestedBy,
                                  LocalDate dueOn, AnalysisStatus status, String assignee, String deliverableSha256,
                                  String deliverableName, Instant deliveredAt, String notes, Instant createdAt) {
    }

    public record Training(long id, String title, String kind, String provider, LocalDate heldOn, int attendees,
                           BigDecimal hours, String note) {
        public String kindLabel() {
            return "ONLINE".equals(kind) ? "온라인" : "대면";
        }
    }

    public record UseCase(long id, String title, String userName, String userKind, String description, String url,
                          List<Long> datasetIds, boolean published, Instant createdAt) {
        public String userKindLabel() {
            return switch (userKind) {
                case "COMPANY" -> "기업";
                case "RESIDENT" -> "주민";
                default -> "공공기관";
            };
        }
    }

    // -------------------------------------------------------------- analysis requests

    public long intake(String department, String title, String question, String requestedBy, LocalDate dueOn) {
        if (blank(department) || blank(title) || blank(question) || blank(requestedBy)) {
            throw new DomainException("opendata.analysis.required", "요청 부서, 제목, 분석 질문, 요청자를 모두 입력하세요.");
        }
        long id = jdbc.sql("""
                        insert into opendata_analysis_request (department, title, question, requested_by, due_on, status, created_at)
                        values (:d, :t, :q, :r, :due, 'RECEIVED', :now) returning id""")
                .param("d", department.strip()).param("t", title.strip()).param("q", question.strip())
                .param("r", requestedBy.strip()).param("due", dueOn).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record("opendata.analysis.intake", "AnalysisRequest", id, "분석 요청 접수: " + department + " — " + title);
        return id;
    }

    public void move(long id, AnalysisStatus next, String assignee, String notes) {
        AnalysisRequest r = analysis(id);
        if (!r.status().canMoveTo(next)) {
            throw DomainException.conflict("opendata.analysis.transition",
                    "'" + r.status().label + "' 상태에서 '" + next.label + "'(으)로 바꿀 수 없습니다.");
        }
        if (next == AnalysisStatus.DELIVERED && r.deliverableSha256() == null) {
            throw new DomainException("opendata.analysis.deliverable", "결과물 파일을 먼저 올리세요.");
        }
        jdbc.sql("""
                        update opendata_analysis_request set status = :s, assignee = coalesce(:a, assignee),
                            notes = case when :n is null then notes else :n end,
                            delivered_at = case when :s = 'DELIVERED' then :now else delivered_at end where id = :id""")
                .param("s", next.name()).param("a", blank(assignee) ? null : assignee.strip())
                .param("n", blank(notes) ? null : notes.strip()).param("now", Timestamp.from(clock.instant())).param("id", id)
                .update();
        audit.record("opendata.analysis.status", "AnalysisRequest", id, "분석 요청 상태: " + next.label);
    }

    public void attachDeliverable(long id, StoredFile file) {
        AnalysisRequest r = analysis(id);
        if (r.status() == AnalysisStatus.CLOSED) {
            throw DomainException.conflict("opendata.analysis.closed", "종결된 요청에는 결과물을 올릴 수 없습니다.");
        }
        jdbc.sql("update opendata_analysis_request set deliverable_sha256 = :s, deliverable_name = :n where id = :id")
                .param("s", file.sha256()).param("n", file.originalName()).param("id", id).update();
        audit.record("opendata.analysis.deliverable", "AnalysisRequest", id, "결과물 등록: " + file.originalName());
    }

    @Transactional(readOnly = true)
    public List<AnalysisRequest> analyses() {
        return jdbc.sql("select * from opendata_analysis_request order by (status in ('RECEIVED','IN_PROGRESS')) desc, id desc")
                .query((rs, i) -> analysis(rs)).list();
    }

    @Transactional(readOnly = true)
    public AnalysisRequest analysis(long id) {
        return jdbc.sql("select * from opendata_analysis_request where id = :id").param("id", id)
                .query((rs, i) -> analysis(rs)).optional().orElseThrow(() -> DomainException.notFound("분석 요청", id));
    }

    private static AnalysisRequest analysis(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new AnalysisRequest(rs.getLong("id"), rs.getString("department"), rs.getString("title"), rs.getString("question"),
                rs.getString("requested_by"), rs.getObject("due_on", LocalDate.class),
                AnalysisStatus.valueOf(rs.getString("status")), rs.getString("assignee"), rs.getString("deliverable_sha256"),
                rs.getString("deliverable_name"), delivered == null ? null : delivered.toInstant(), rs.getString("notes"),
                rs.getTimestamp("created_at").toInstant());
    }

    // -------------------------------------------------------------- training

    public long recordTraining(String title, String kind, String provider, LocalDate heldOn, int attendees, BigDecimal hours,
                               String note) {
        if (blank(title) || blank(provider) || heldOn == null) {
            throw new DomainException("opendata.training.required", "교육명, 운영 기관, 교육일을 입력하세요.");
        }
        if (!"ONLINE".equals(kind) && !"IN_PERSON".equals(kind)) {
            throw new DomainException("opendata.training.kind", "교육 방식을 고르세요 (온라인/대면).");
        }
        if (attendees < 0 || hours == null || hours.signum() < 0) {
            throw new DomainException("opendata.training.numbers", "참석 인원과 교육 시간은 0 이상이어야 합니다.");
        }
        long id = jdbc.sql("""
                        insert into opendata_training (title, kind, provider, held_on, attendees, hours, note, created_at)
                        values (:t, :k, :p, :d, :a, :h, :n, :now) returning id""")
                .param("t", title.strip()).param("k", kind).param("p", provider.strip()).param("d", heldOn)
                .param("a", attendees).param("h", hours).param("n", note == null ? "" : note.strip())
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record("opendata.training.record", "Training", id, "데이터 역량 교육 기록: " + title + " (" + attendees + "명)");
        return id;
    }

    @Transactional(readOnly = true)
    public List<Training> trainings() {
        return jdbc.sql("select * from opendata_training order by held_on desc, id desc").query((rs, i) -> new Training(
                rs.getLong("id"), rs.getString("title"), rs.getString("kind"), rs.getString("provider"),
                rs.getObject("held_on", LocalDate.class), rs.getInt("attendees"), rs.getBigDecimal("hours"),
                rs.getString("note"))).list();
    }

    @Transactional(readOnly = true)
    public Map<String, Object> trainingTotals() {
        return jdbc.sql("select count(*) as sessions, coalesce(sum(attendees), 0) as attendees, coalesce(sum(hours), 0) as hours from opendata_training")
                .query((rs, i) -> Map.<String, Object>of("sessions", rs.getLong(1), "attendees", rs.getLong(2), "hours", rs.getBigDecimal(3)))
                .single();
    }

    // -------------------------------------------------------------- use cases

    public long addUseCase(String title, String userName, String userKind, String description, String url, List<Long> datasetIds) {
        if (blank(title) || blank(userName) || blank(description)) {
            throw new DomainException("opendata.usecase.required", "사례 제목, 활용 주체, 설명을 입력하세요.");
        }
        if (!List.of("COMPANY", "RESIDENT", "PUBLIC").contains(userKind)) {
            throw new DomainException("opendata.usecase.kind", "활용 주체 구분을 고르세요.");
        }
        if (!blank(url) && !url.strip().matches("https?://\\S+")) {
            throw new DomainException("opendata.usecase.url", "주소는 http:// 또는 https://로 시작해야 합니다.");
        }
        long id = jdbc.sql("""
                        insert into opendata_use_case (title, user_name, user_kind, description, url, dataset_ids, created_at)
                        values (:t, :u, :k, :d, :url, :ds, :now) returning id""")
                .param("t", title.strip()).param("u", userName.strip()).param("k", userKind).param("d", description.strip())
                .param("url", blank(url) ? null : url.strip())
                .param("ds", datasetIds == null ? "" : datasetIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""))
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record("opendata.usecase.add", "UseCase", id, "활용 사례 등록: " + title);
        return id;
    }

    public void publishUseCase(long id, boolean published) {
        int n = jdbc.sql("update opendata_use_case set published = :p where id = :id").param("p", published).param("id", id).update();
        if (n == 0) {
            throw DomainException.notFound("활용 사례", id);
        }
        audit.record("opendata.usecase.publish", "UseCase", id, published ? "활용 사례 공개" : "활용 사례 비공개");
    }

    @Transactional(readOnly = true)
    public List<UseCase> useCases(boolean publishedOnly) {
        return jdbc.sql("select * from opendata_use_case" + (publishedOnly ? " where published" : "") + " order by id desc")
                .query((rs, i) -> new UseCase(rs.getLong("id"), rs.getString("title"), rs.getString("user_name"),
                        rs.getString("user_kind"), rs.getString("description"), rs.getString("url"),
                        rs.getString("dataset_ids").isBlank() ? List.of()
                                : Arrays.stream(rs.getString("dataset_ids").split(",")).map(Long::valueOf).toList(),
                        rs.getBoolean("published"), rs.getTimestamp("created_at").toInstant())).list();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
