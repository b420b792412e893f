package kr.sotong.opendata.quality;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.sotong.opendata.OpenDataProperties;
import kr.sotong.opendata.schema.TableSchema;
import kr.sotong.opendata.schema.TableSchemaJson;
import kr.sotong.opendata.table.Tables;
import kr.sotong.opendata.validation.ValidationReport;
import kr.sotong.opendata.validation.Validator;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs validations of stored files (품질 진단) and keeps their reports. Small files are validated in the request
 * ({@link #runNow}); staff uploads run in the background with progress ({@link #start}).
 */
@Service
public class Validations {

    private static final Logger log = LoggerFactory.getLogger(Validations.class);

    private final JdbcClient jdbc;
    private final FileStore files;
    private final Clock clock;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final OpenDataProperties properties;
    private final TaskExecutor executor;
    private final Validator validator = new Validator();
    private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

    public Validations(JdbcClient jdbc, FileStore files, Clock clock, AuditLog audit, StaffDirectory staff,
                       OpenDataProperties properties, @Qualifier("opendataExecutor") TaskExecutor executor) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        this.audit = audit;
        this.staff = staff;
        this.properties = properties;
        this.executor = executor;
    }

    /** What to validate and how. {@code encoding}/{@code delimiter} null = detect. */
    public record Request(StoredFile file, String declaredSchemaJson, String encoding, Character delimiter,
                          boolean duplicateRow, Long resourceVersionId) {
    }

    public record Progress(long rows, double fraction) {
    }

    /** A stored validation. {@code report} is null while running. */
    public record View(long id, String status, String fileName, String sha256, Long resourceVersionId, String declaredSchema,
                       JsonNode report, Long errorTotal, Long rowCount, BigDecimal score, String message, Instant startedAt,
                       Instant finishedAt, String createdBy, Progress progress) {
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    public Validator.Options options(Request r) {
        TableSchema schema = r.declaredSchemaJson() == null || r.declaredSchemaJson().isBlank() ? null
                : TableSchemaJson.read(r.declaredSchemaJson());
        Tables.Options read = new Tables.Options(r.encoding() == null || r.encoding().isBlank() ? null : r.encoding(),
                r.delimiter(), properties.maxCellChars(), Tables.Options.DEFAULT_MAX_COLUMNS);
        return new Validator.Options(schema, r.duplicateRow(), true, properties.limitErrors(), read, null);
    }

    /** Validates in the calling thread and returns the stored validation's id. */
    public long runNow(Request r) {
        Validator.Options options = options(r); // a bad schema fails here, before anything is stored
        long id = insert(r);
        execute(id, r, options);
        return id;
    }

    /** Starts a background validation after the caller's transaction commits. */
    public long start(Request r) {
        Validator.Options options = options(r);
        long id = insert(r);
        progress.put(id, new Progress(0, 0));
        Runnable job = () -> execute(id, r, options.withProgress(p -> progress.put(id, new Progress(p.rows(), p.fraction()))));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(job);
                }
            });
        } else {
            executor.execute(job);
        }
        return id;
    }

    private long insert(Request r) {
        long id = jdbc.sql("""
                        insert into opendata_validation (status, file_name, sha256, resource_version_id, declared_schema, options,
                            started_at, created_by)
                        values ('RUNNING', :fn, :sha, :rv, :schema, :opts, :now, :by) returning id""")
                .param("fn", r.file().originalName()).param("sha", r.file().sha256()).param("rv", r.resourceVersionId())
                .param("schema", r.declaredSchemaJson()).param("opts", "encoding=" + r.encoding() + ";delimiter="
                        + r.delimiter() + ";duplicateRow=" + r.duplicateRow())
                .param("now", Timestamp.from(clock.instant())).param("by", staff.currentActor())
                .query(Long.class).single();
        return id;
    }

    private void execute(long id, Request r, Validator.Options options) {
        try {
            ValidationReport report = validator.validate(files.path(r.file().sha256()), r.file().originalName(), options);
            ObjectNode json = ReportJson.write(report);
            json.put("id", id);
            jdbc.sql("""
                            update opendata_validation set status = 'DONE', report_json = :json, error_total = :errors,
                                row_count = :rows, score = :score, finished_at = :now where id = :id""")
                    .param("json", ReportJson.text(json)).param("errors", report.errorTotal()).param("rows", report.rows())
                    .param("score", report.score()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
            audit.recordAs(staff.currentActor(), "opendata.validation", "Validation", id,
                    "품질 진단: " + r.file().originalName() + " — 오류 " + report.errorTotal() + "건, 점수 " + report.score());
        } catch (RuntimeException e) {
            log.warn("validation {} failed", id, e);
            String message = e instanceof DomainException ? e.getMessage() : "검증 중 오류가 났습니다: " + e.getMessage();
            jdbc.sql("update opendata_validation set status = 'FAILED', message = :m, finished_at = :now where id = :id")
                    .param("m", message).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        } finally {
            progress.remove(id);
        }
    }

    /** Re-runs the engine on a stored file (for standardisation previews). */
    public ValidationReport validateStored(StoredFile file, Validator.Options options) {
        return validator.validate(files.path(file.sha256()), file.originalName(), options);
    }

    public Optional<View> get(long id) {
        return jdbc.sql("select * from opendata_validation where id = :id").param("id", id).query((rs, i) -> {
            String json = rs.getString("report_json");
            long errors = rs.getLong("error_total");
            Long errorTotal = rs.wasNull() ? null : errors;
            long rows = rs.getLong("row_count");
            Long rowCount = rs.wasNull() ? null : rows;
            long rv = rs.getLong("resource_version_id");
            Long rvId = rs.wasNull() ? null : rv;
            Timestamp fin = rs.getTimestamp("finished_at");
            return new View(rs.getLong("id"), rs.getString("status"), rs.getString("file_name"), rs.getString("sha256"), rvId,
                    rs.getString("declared_schema"), json == null ? null : ReportJson.read(json), errorTotal, rowCount,
                    rs.getBigDecimal("score"), rs.getString("message"), rs.getTimestamp("started_at").toInstant(),
                    fin == null ? null : fin.toInstant(), rs.getString("created_by"), progress.get(rs.getLong("id")));
        }).optional();
    }

    public View require(long id) {
        return get(id).orElseThrow(() -> DomainException.notFound("품질 진단", id));
    }

    public record Summary(long id, String status, String fileName, Long errorTotal, Long rowCount, BigDecimal score,
                          Instant startedAt, String createdBy) {
    }

    public List<Summary> recent(int limit) {
        return jdbc.sql("""
                        select id, status, file_name, error_total, row_count, score, started_at, created_by
                          from opendata_validation order by id desc limit :n""")
                .param("n", limit).query((rs, i) -> {
                    long e = rs.getLong(4);
                    Long errors = rs.wasNull() ? null : e;
                    long r = rs.getLong(5);
                    Long rows = rs.wasNull() ? null : r;
                    return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), errors, rows, rs.getBigDecimal(6),
                            rs.getTimestamp(7).toInstant(), rs.getString(8));
                }).list();
    }

    public StoredFile file(View v) {
        return files.find(v.sha256()).orElseThrow(() -> DomainException.notFound("파일", v.sha256()));
    }
}
