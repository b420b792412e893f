package kr.sotong.opendata.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StoredFile;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The open-data catalogue: organisations, datasets, resources and their versions, search, access counts. */
@Service
@Transactional
public class Catalog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final StaffDirectory staff;

    public Catalog(JdbcClient jdbc, Clock clock, AuditLog audit, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.staff = staff;
    }

    /** What staff enter for a dataset. */
    public record DatasetForm(String name, String title, String description, long organizationId, String keywords,
                              String theme, Licence licence, UpdateCycle updateCycle, String contactName,
                              String contactEmail, String contactPhone) {
    }

    // ---------------------------------------------------------------- organisations

    @Transactional(readOnly = true)
    public List<Organization> organizations() {
        return jdbc.sql("select * from opendata_organization order by title").query(Catalog::organization).list();
    }

    @Transactional(readOnly = true)
    public Optional<Organization> organization(String nameOrId) {
        if (nameOrId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from opendata_organization where name = :n or cast(id as text) = :n")
                .param("n", nameOrId).query(Catalog::organization).optional();
    }

    public long ensureOrganization(String name, String title, String description, String teamCode) {
        return jdbc.sql("""
                        insert into opendata_organization (name, title, description, team_code) values (:n, :t, :d, :c)
                        on conflict (name) do update set title = excluded.title returning id""")
                .param("n", name).param("t", title).param("d", description).param("c", teamCode).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public long publishedCount(long organizationId) {
        return jdbc.sql("select count(*) from opendata_dataset where organization_id = :o and status = 'PUBLISHED'")
                .param("o", organizationId).query(Long.class).single();
    }

    // ---------------------------------------------------------------- datasets

    public long create(DatasetForm form) {
        DatasetForm f = check(form);
        if (jdbc.sql("select count(*) from opendata_dataset where name = :n").param("n", f.name()).query(Long.class).single() > 0) {
            throw DomainException.conflict("opendata.dataset.name-taken", "이미 쓰고 있는 데이터셋 식별자입니다: " + f.name());
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into opendata_dataset (name, title, description, organization_id, keywords, theme, licence,
                            update_cycle, contact_name, contact_email, contact_phone, created_at, updated_at)
                        values (:name, :title, :description, :org, :keywords, :theme, :licence, :cycle, :cname, :cemail,
                            :cphone, :now, :now) returning id""")
                .params(params(f)).param("now", Timestamp.from(now)).query(Long.class).single();
        audit.record("opendata.dataset.create", "Dataset", id, "데이터셋 등록: " + f.title());
        return id;
    }

    public void update(long id, DatasetForm form) {
        DatasetForm f = check(form);
        Dataset current = dataset(id).orElseThrow(() -> DomainException.notFound("데이터셋", id));
        if (!current.name().equals(f.name())
                && jdbc.sql("select count(*) from opendata_dataset where name = :n").param("n", f.name()).query(Long.class).single() > 0) {
            throw DomainException.conflict("opendata.dataset.name-taken", "이미 쓰고 있는 데이터셋 식별자입니다: " + f.name());
        }
        jdbc.sql("""
                        update opendata_dataset set name = :name, title = :title, description = :description,
                            organization_id = :org, keywords = :keywords, theme = :theme, licence = :licence,
                            update_cycle = :cycle, contact_name = :cname, contact_email = :cemail, contact_phone = :cphone,
                            updated_at = :now, version = version + 1 where id = :id""")
                .params(params(f)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record("opendata.dataset.update", "Dataset", id, "데이터셋 정보 수정: " + f.title());
    }

    public void publish(long id) {
        Dataset d = dataset(id).orElseThrow(() -> DomainException.notFound("데이터셋", id));
        int withFile = jdbc.sql("select count(*) from opendata_resource where dataset_id = :d and current_version_id is not null")
                .param("d", id).query(Integer.class).single();
        d.checkPublishable(withFile);
        Instant now = clock.instant();
        jdbc.sql("update opendata_dataset set status = 'PUBLISHED', published_at = coalesce(published_at, :now), updated_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
        audit.record("opendata.dataset.publish", "Dataset", id, "데이터셋 개방: " + d.title());
    }

    public void withdraw(long id) {
        Dataset d = dataset(id).orElseThrow(() -> DomainException.notFound("데이터셋", id));
        d.checkWithdrawable();
        jdbc.sql("update opendata_dataset set status = 'WITHDRAWN', updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record("opendata.dataset.withdraw", "Dataset", id, "데이터셋 개방 중지: " + d.title());
    }

    private static final String DATASET_SELECT = """
            select d.*, o.name as org_name, o.title as org_title from opendata_dataset d
              join opendata_organization o on o.id = d.organization_id""";

    @Transactional(readOnly = true)
    public Optional<Dataset> dataset(long id) {
        return jdbc.sql(DATASET_SELECT + " where d.id = :id").param("id", id).query(Catalog::dataset).optional();
    }

    /** By CKAN name or numeric id. */
    @Transactional(readOnly = true)
    public Optional<Dataset> dataset(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(DATASET_SELECT + " where d.name = :n or cast(d.id as text) = :n").param("n", nameOrId.strip())
                .query(Catalog::dataset).optional();
    }

    @Transactional(readOnly = true)
    public List<Dataset> all() {
        return jdbc.sql(DATASET_SELECT + " order by d.updated_at desc").query(Catalog::dataset).list();
    }

    @Transactional(readOnly = true)
    public List<String> publishedNames() {
        return jdbc.sql("select name from opendata_dataset where status = 'PUBLISHED' order by name").query(String.class).list();
    }

    /** Search over published datasets (the portal and CKAN's package_search). */
    public record Query(String q, List<String> organizations, List<String> tags, List<String> formats, List<String> licences,
                        List<String> themes, int start, int rows, String sort) {
    }

    public record Page(long count, List<Dataset> results) {
    }

    @Transactional(readOnly = true)
    public Page search(Query query) {
        StringBuilder where = new StringBuilder(" where d.status = 'PUBLISHED'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.q() != null && !query.q().isBlank()) {
            String[] terms = query.q().strip().split("\\s+");
            for (int i = 0; i < Math.min(terms.length, 10); i++) {
                String t = terms[i].replaceAll("^[a-z_]+:", "");
                if (t.isEmpty() || t.equals("*:*") || t.equals("*")) {
                    continue;
                }
                where.append(" and (d.title ilike :q").append(i).append(" or d.description ilike :q").append(i)
                        .append(" or d.keywords ilike :q").append(i).append(" or d.name ilike :q").append(i).append(")");
                params.put("q" + i, "%" + like(t) + "%");
            }
        }
        inList(where, params, "o.name", "org", query.organizations());
        inList(where, params, "d.licence", "lic", query.licences() == null ? null
                : query.licences().stream().map(l -> Optional.ofNullable(Licence.ofCkanId(l)).map(Enum::name).orElse(l)).toList());
        inList(where, params, "d.theme", "theme", query.themes());
        if (query.tags() != null) {
            for (int i = 0; i < query.tags().size(); i++) {
                where.append(" and (',' || d.keywords || ',') like :tag").append(i);
                params.put("tag" + i, "%," + like(query.tags().get(i)) + ",%");
            }
        }
        if (query.formats() != null) {
            for (int i = 0; i < query.formats().size(); i++) {
                where.append(" and exists (select 1 from opendata_resource r where r.dataset_id = d.id and r.current_version_id is not null)");
                String f = query.formats().get(i).toUpperCase(Locale.ROOT);
                if (!List.of("CSV", "XLSX", "JSON").contains(f)) {
                    where.append(" and false");
                }
            }
        }
        long count = jdbc.sql("select count(*) from opendata_dataset d join opendata_organization o on o.id = d.organization_id" + where)
                .params(params).query(Long.class).single();
        String order = switch (query.sort() == null ? "" : query.sort().strip().toLowerCase(Locale.ROOT)) {
            case "title asc", "title_string asc" -> "d.title asc";
            case "title desc", "title_string desc" -> "d.title desc";
            case "name asc" -> "d.name asc";
            case "name desc" -> "d.name desc";
            case "metadata_modified asc" -> "d.updated_at asc";
            case "metadata_created desc" -> "d.created_at desc";
            case "metadata_created asc" -> "d.created_at asc";
            case "views_recent desc", "downloads desc" -> "d.download_count desc";
            default -> "d.updated_at desc";
        };
        List<Dataset> results = jdbc.sql(DATASET_SELECT + where + " order by " + order + ", d.id limit :rows offset :start")
                .params(params).param("rows", Math.max(0, query.rows())).param("start", Math.max(0, query.start()))
                .query(Catalog::dataset).list();
        return new Page(count, results);
    }

    private static void inList(StringBuilder where, Map<String, Object> params, String column, String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        where.append(" and ").append(column).append(" in (:").append(name).append(")");
        params.put(name, values);
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Transactional(readOnly = true)
    public List<String> tags() {
        return jdbc.sql("select keywords from opendata_dataset where status = 'PUBLISHED'").query(String.class).list().stream()
                .flatMap(k -> Arrays.stream(k.split(","))).map(String::strip).filter(s -> !s.isEmpty()).distinct().sorted()
                .toList();
    }

    // ---------------------------------------------------------------- resources and versions

    public long addResource(long datasetId, String name, String description) {
        dataset(datasetId).orElseThrow(() -> DomainException.notFound("데이터셋", datasetId));
        if (name == null || name.isBlank() || name.length() > 300) {
            throw new DomainException("opendata.resource.name", "리소스 이름을 1~300자로 입력하세요.");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into opendata_resource (dataset_id, name, description, created_at, updated_at)
                        values (:d, :n, :desc, :now, :now) returning id""")
                .param("d", datasetId).param("n", name.strip()).param("desc", description == null ? "" : description.strip())
                .param("now", Timestamp.from(now)).query(Long.class).single();
        audit.record("opendata.resource.create", "Resource", id, "리소스 추가: " + name);
        return id;
    }

    /** Adds a new version and makes it the resource's current one. Older versions stay. */
    public DatasetVersion addVersion(long resourceId, StoredFile file, String format, String encoding, Long rowCount,
                                      String source, Long parentVersionId, Long validationId, String note) {
        Resource r = resource(resourceId).orElseThrow(() -> DomainException.notFound("리소스", resourceId));
        int next = jdbc.sql("select coalesce(max(version_no), 0) + 1 from opendata_resource_version where resource_id = :r")
                .param("r", resourceId).query(Integer.class).single();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into opendata_resource_version (resource_id, version_no, sha256, file_name, media_type, size_bytes,
                            format, encoding, row_count, source, parent_version_id, validation_id, note, created_at, created_by)
                        values (:r, :v, :sha, :fn, :mt, :size, :format, :enc, :rows, :source, :parent, :val, :note, :now, :by)
                        returning id""")
                .param("r", resourceId).param("v", next).param("sha", file.sha256()).param("fn", file.originalName())
                .param("mt", file.mediaType()).param("size", file.size()).param("format", format).param("enc", encoding)
                .param("rows", rowCount).param("source", source).param("parent", parentVersionId).param("val", validationId)
                .param("note", note == null ? "" : note).param("now", Timestamp.from(now)).param("by", staff.currentActor())
                .query(Long.class).single();
        jdbc.sql("update opendata_resource set current_version_id = :v, updated_at = :now where id = :r")
                .param("v", id).param("now", Timestamp.from(now)).param("r", resourceId).update();
        jdbc.sql("update opendata_dataset set updated_at = :now where id = :d").param("now", Timestamp.from(now))
                .param("d", r.datasetId()).update();
        audit.record("opendata.resource.version", "Resource", resourceId, "리소스 버전 " + next + " 추가 (" + source + "): " + file.originalName());
        return version(id).orElseThrow();
    }

    public void setResourceSchema(long resourceId, String schemaJson) {
        resource(resourceId).orElseThrow(() -> DomainException.notFound("리소스", resourceId));
        jdbc.sql("update opendata_resource set schema_json = :s, updated_at = :now where id = :r").param("s", schemaJson)
                .param("now", Timestamp.from(clock.instant())).param("r", resourceId).update();
        audit.record("opendata.resource.schema", "Resource", resourceId, "선언 스키마 저장");
    }

    @Transactional(readOnly = true)
    public List<Resource> resources(long datasetId) {
        return jdbc.sql("select * from opendata_resource where dataset_id = :d order by id").param("d", datasetId)
                .query(Catalog::resource).list();
    }

    @Transactional(readOnly = true)
    public Optional<Resource> resource(long id) {
        return jdbc.sql("select * from opendata_resource where id = :id").param("id", id).query(Catalog::resource).optional();
    }

    @Transactional(readOnly = true)
    public List<DatasetVersion> versions(long resourceId) {
        return jdbc.sql("select * from opendata_resource_version where resource_id = :r order by version_no desc")
                .param("r", resourceId).query(Catalog::version).list();
    }

    @Transactional(readOnly = true)
    public Optional<DatasetVersion> version(long id) {
        return jdbc.sql("select * from opendata_resource_version where id = :id").param("id", id).query(Catalog::version).optional();
    }

    // ---------------------------------------------------------------- access counts

    public void count(long datasetId, String kind) {
        String column = "DOWNLOAD".equals(kind) ? "download_count" : "api_count";
        jdbc.sql("update opendata_dataset set " + column + " = " + column + " + 1 where id = :id").param("id", datasetId).update();
        jdbc.sql("""
                        insert into opendata_access_count (dataset_id, kind, day, count) values (:d, :k, :day, 1)
                        on conflict (dataset_id, kind, day) do update set count = opendata_access_count.count + 1""")
                .param("d", datasetId).param("k", kind).param("day", LocalDate.now(clock)).update();
    }

    @Transactional(readOnly = true)
    public Map<String, Long> totals() {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("""
                        select count(*) filter (where status = 'PUBLISHED'), count(*), coalesce(sum(download_count), 0),
                               coalesce(sum(api_count), 0) from opendata_dataset""")
                .query(rs -> {
                    m.put("published", rs.getLong(1));
                    m.put("datasets", rs.getLong(2));
                    m.put("downloads", rs.getLong(3));
                    m.put("apiCalls", rs.getLong(4));
                });
        return m;
    }

    // ---------------------------------------------------------------- mapping and checks

    private static DatasetForm check(DatasetForm f) {
        String name = f.name() == null ? "" : f.name().strip().toLowerCase(Locale.ROOT);
        if (List.of("requests", "use-cases", "catalog", "new").contains(name)) {
            throw new DomainException("opendata.dataset.name-reserved", "이 식별자는 누리집 주소에 쓰이므로 쓸 수 없습니다: " + name);
        }
        if (!name.matches("[a-z0-9_-]{2,100}")) {
            throw new DomainException("opendata.dataset.name", "데이터셋 식별자는 영문 소문자·숫자·-·_ 2~100자로 입력하세요 (예: geumcheon-facilities).");
        }
        if (f.title() == null || f.title().isBlank() || f.title().length() > 300) {
            throw new DomainException("opendata.dataset.title", "데이터셋 제목을 1~300자로 입력하세요.");
        }
        if (f.theme() == null || !Themes.ALL.contains(f.theme())) {
            throw new DomainException("opendata.dataset.theme", "분류(테마)를 목록에서 고르세요.");
        }
        if (f.licence() == null || f.updateCycle() == null) {
            throw new DomainException("opendata.dataset.licence", "이용허락(공공누리 유형)과 갱신 주기를 고르세요.");
        }
        String email = f.contactEmail() == null || f.contactEmail().isBlank() ? null : EmailAddress.normalise(f.contactEmail());
        String keywords = f.keywords() == null ? "" : Arrays.stream(f.keywords().split("[,，]")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(","));
        return new DatasetForm(name, f.title().strip(), f.description() == null ? "" : f.description().strip(),
                f.organizationId(), keywords, f.theme(), f.licence(), f.updateCycle(), blankToNull(f.contactName()), email,
                blankToNull(f.contactPhone()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, Object> params(DatasetForm f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", f.name());
        p.put("title", f.title());
        p.put("description", f.description());
        p.put("org", f.organizationId());
        p.put("keywords", f.keywords());
        p.put("theme", f.theme());
        p.put("licence", f.licence().name());
        p.put("cycle", f.updateCycle().name());
        p.put("cname", f.contactName());
        p.put("cemail", f.contactEmail());
        p.put("cphone", f.contactPhone());
        return p;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Organization organization(ResultSet rs, int i) throws SQLException {
        return new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("title"), rs.getString("description"),
                rs.getString("team_code"), instant(rs, "created_at"));
    }

    static Dataset dataset(ResultSet rs, int i) throws SQLException {
        return new Dataset(rs.getLong("id"), rs.getString("name"), rs.getString("title"), rs.getString("description"),
                rs.getLong("organization_id"), rs.getString("org_name"), rs.getString("org_title"), rs.getString("keywords"),
                rs.getString("theme"), Licence.valueOf(rs.getString("licence")), UpdateCycle.valueOf(rs.getString("update_cycle")),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                Dataset.Status.valueOf(rs.getString("status")), instant(rs, "published_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("download_count"), rs.getLong("api_count"));
    }

    static Resource resource(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong("current_version_id");
        Long current = rs.wasNull() ? null : v;
        return new Resource(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("schema_json"), current, instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static DatasetVersion version(ResultSet rs, int i) throws SQLException {
        long rows = rs.getLong("row_count");
        Long rowCount = rs.wasNull() ? null : rows;
        long parent = rs.getLong("parent_version_id");
        Long parentId = rs.wasNull() ? null : parent;
        long val = rs.getLong("validation_id");
        Long valId = rs.wasNull() ? null : val;
        return new DatasetVersion(rs.getLong("id"), rs.getLong("resource_id"), rs.getInt("version_no"), rs.getString("sha256"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("format"),
                rs.getString("encoding"), rowCount, rs.getString("source"), parentId, valId, rs.getString("note"),
                instant(rs, "created_at"), rs.getString("created_by"));
    }

    /** Group helper for templates. */
    public static List<List<Dataset>> chunks(List<Dataset> list, int size) {
        List<List<Dataset>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}
