package kr.sotong.channels.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.press.PressReleasePublished;
import kr.sotong.shared.DomainException;
import kr.sotong.workplan.BudgetCategory;
import kr.sotong.workplan.SpendingRecord;
import kr.sotong.workplan.Workplan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content calendar (콘텐츠): items for one or more channels moving idea → production → review →
 * scheduled → published, with campaign tags and press-release links; yearly counts per channel; and
 * influencer collaborations and paid SNS ads recorded against the work-plan budget.
 */
@Service
public class ContentCalendar {

    public static final List<String> CONTENT_TYPES = List.of("예능형", "주민공감", "카드뉴스", "정책홍보", "행사", "기타");
    public static final List<String> CAMPAIGNS = List.of("개청 30주년", "도시브랜드", "금나래");

    public enum Format {
        VIDEO("영상"), CARD_NEWS("카드뉴스"), BLOG_POST("블로그 글"), REEL("릴스·숏폼"), NOTICE("공지");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        IDEA("아이디어"), PRODUCTION("제작"), REVIEW("검토"), SCHEDULED("게시 예약"), PUBLISHED("게시");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Forward one step, back to any earlier step; published is reached only through scheduled. */
        boolean canMoveTo(Status next) {
            return next.ordinal() == ordinal() + 1 || next.ordinal() < ordinal() && this != PUBLISHED;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private final Workplan workplan;
    private final ChannelCatalog catalog;

    ContentCalendar(JdbcClient jdbc, AuditLog audit, StaffDirectory staff, Clock clock, Workplan workplan, ChannelCatalog catalog) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.workplan = workplan;
        this.catalog = catalog;
    }

    public record Item(long id, String title, Format format, String contentType, Status status, LocalDate plannedOn,
                       LocalDate publishedOn, Long views, String url, Long pressReleaseId, String pressReleaseTitle, String notes,
                       List<Long> channelIds, List<String> tags, int version) {
        public LocalDate day() {
            return publishedOn != null ? publishedOn : plannedOn;
        }
    }

    public record Input(String title, Format format, String contentType, LocalDate plannedOn, LocalDate publishedOn, Long views,
                        String url, Long pressReleaseId, String pressReleaseTitle, String notes, List<Long> channelIds,
                        List<String> tags) {
    }

    private Item map(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Date planned = rs.getDate(6);
        Date published = rs.getDate(7);
        return new Item(id, rs.getString(2), Format.valueOf(rs.getString(3)), rs.getString(4), Status.valueOf(rs.getString(5)),
                planned == null ? null : planned.toLocalDate(), published == null ? null : published.toLocalDate(),
                (Long) rs.getObject(8, Long.class), rs.getString(9), (Long) rs.getObject(10, Long.class), rs.getString(11),
                rs.getString(12), List.of(), List.of(), rs.getInt(13));
    }

    private static final String COLS = "id, title, format, content_type, status, planned_on, published_on, views, url, press_release_id, press_release_title, notes, version";

    private List<Item> withLinks(List<Item> items) {
        if (items.isEmpty()) {
            return items;
        }
        List<Long> ids = items.stream().map(Item::id).toList();
        Map<Long, List<Long>> chans = new LinkedHashMap<>();
        jdbc.sql("select content_id, channel_id from channels_content_channel where content_id in (:ids) order by channel_id")
                .param("ids", ids).query(rs -> {
                    chans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        jdbc.sql("select content_id, tag from channels_content_tag where content_id in (:ids) order by tag").param("ids", ids)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return items.stream().map(i -> new Item(i.id(), i.title(), i.format(), i.contentType(), i.status(), i.plannedOn(),
                i.publishedOn(), i.views(), i.url(), i.pressReleaseId(), i.pressReleaseTitle(), i.notes(),
                chans.getOrDefault(i.id(), List.of()), tags.getOrDefault(i.id(), List.of()), i.version())).toList();
    }

    public Item item(long id) {
        return withLinks(jdbc.sql("select " + COLS + " from channels_content where id = :id").param("id", id).query((rs, i) -> map(rs))
                .list()).stream().findFirst().orElseThrow(() -> DomainException.notFound("콘텐츠", id));
    }

    /** Items planned or published in a month, by day. */
    public List<Item> month(YearMonth m) {
        return withLinks(jdbc.sql("select " + COLS + " " + """
                         from channels_content where coalesce(published_on, planned_on) between :a and :b
                         order by coalesce(published_on, planned_on), id""")
                .param("a", Date.valueOf(m.atDay(1))).param("b", Date.valueOf(m.atEndOfMonth())).query((rs, i) -> map(rs)).list());
    }

    public List<Item> undated() {
        return withLinks(jdbc.sql("select " + COLS + " from channels_content where planned_on is null and published_on is null order by id desc limit 100")
                .query((rs, i) -> map(rs)).list());
    }

    private void validate(Input in) {
        Forms.required("제목", in.title(), 200);
        if (in.format() == null) {
            throw new DomainException("channels.content.format", "형식(영상, 카드뉴스 …)을 고르세요.");
        }
        Forms.required("콘텐츠 유형", in.contentType(), 40);
        Forms.optional("주소", in.url(), 500);
        Forms.optional("메모", in.notes(), 2000);
        Forms.optional("보도자료 제목", in.pressReleaseTitle(), 300);
        if (in.channelIds() == null || in.channelIds().isEmpty()) {
            throw new DomainException("channels.content.channels", "게시할 채널을 하나 이상 고르세요.");
        }
        for (long c : in.channelIds()) {
            catalog.channel(c);
        }
        if (in.views() != null && in.views() < 0) {
            throw new DomainException("channels.content.views", "조회수는 0 이상이어야 합니다.");
        }
        if (in.pressReleaseId() != null && in.pressReleaseId() <= 0) {
            throw new DomainException("channels.content.release", "보도자료 번호가 올바르지 않습니다.");
        }
        if (in.tags() != null) {
            for (String t : in.tags()) {
                Forms.optional("캠페인 태그", t, 40);
            }
        }
    }

    @Transactional
    public long create(Input in) {
        validate(in);
        long id = jdbc.sql("""
                        insert into channels_content (title, format, content_type, status, planned_on, views, url, press_release_id,
                               press_release_title, notes, created_by, created_at)
                        values (:t, :f, :ct, 'IDEA', :p, :v, :u, :pr, :prt, :n, :by, :now) returning id""")
                .param("t", in.title().strip()).param("f", in.format().name()).param("ct", in.contentType().strip())
                .param("p", in.plannedOn() == null ? null : Date.valueOf(in.plannedOn())).param("v", in.views())
                .param("u", ChannelCatalog.blank(in.url())).param("pr", in.pressReleaseId())
                .param("prt", ChannelCatalog.blank(in.pressReleaseTitle())).param("n", ChannelCatalog.blank(in.notes()))
                .param("by", staff.currentActor()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        links(id, in);
        audit.record("channels.content.create", "ContentItem", id, in.title().strip());
        return id;
    }

    private void links(long id, Input in) {
        jdbc.sql("delete from channels_content_channel where content_id = :id").param("id", id).update();
        jdbc.sql("delete from channels_content_tag where content_id = :id").param("id", id).update();
        for (long c : new LinkedHashSet<>(in.channelIds())) {
            jdbc.sql("insert into channels_content_channel (content_id, channel_id) values (:i, :c)").param("i", id).param("c", c).update();
        }
        Set<String> tags = new LinkedHashSet<>();
        if (in.tags() != null) {
            in.tags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).forEach(tags::add);
        }
        for (String t : tags) {
            jdbc.sql("insert into channels_content_tag (content_id, tag) values (:i, :t)").param("i", id).param("t", t).update();
        }
    }

    @Transactional
    public void update(long id, Input in, int version) {
        Item before = item(id);
        validate(in);
        if (in.publishedOn() != null && before.status() != Status.PUBLISHED) {
            throw new DomainException("channels.content.published-on", "게시일은 '게시' 상태로 바꿀 때 정해집니다.");
        }
        int u = jdbc.sql("""
                        update channels_content set title = :t, format = :f, content_type = :ct, planned_on = :p,
                               published_on = coalesce(:pub, published_on), views = :v, url = :u, press_release_id = :pr,
                               press_release_title = :prt, notes = :n, version = version + 1 where id = :id and version = :ver""")
                .param("t", in.title().strip()).param("f", in.format().name()).param("ct", in.contentType().strip())
                .param("p", in.plannedOn() == null ? null : Date.valueOf(in.plannedOn()))
                .param("pub", in.publishedOn() == null ? null : Date.valueOf(in.publishedOn())).param("v", in.views())
                .param("u", ChannelCatalog.blank(in.url())).param("pr", in.pressReleaseId())
                .param("prt", ChannelCatalog.blank(in.pressReleaseTitle())).param("n", ChannelCatalog.blank(in.notes()))
                .param("id", id).param("ver", version).update();
        if (u == 0) {
            throw DomainException.conflict("channels.content.stale", "다른 사람이 먼저 고쳤습니다. 새로 고친 뒤 다시 저장하세요.");
        }
        links(id, in);
        audit.record("channels.content.update", "ContentItem", id, in.title().strip());
    }

    /** Moves an item along idea → production → review → scheduled → published (published sets the date). */
    @Transactional
    public void move(long id, Status next, LocalDate publishedOn) {
        Item i = item(id);
        if (next == null || !i.status().canMoveTo(next)) {
            throw DomainException.conflict("channels.content.transition", "'" + i.status().label() + "'에서 '"
                    + (next == null ? "?" : next.label()) + "'(으)로 바꿀 수 없습니다. 아이디어 → 제작 → 검토 → 게시 예약 → 게시 순서입니다.");
        }
        if (next == Status.SCHEDULED && i.plannedOn() == null) {
            throw new DomainException("channels.content.no-date", "게시 예약 전에 게시 예정일을 입력하세요.");
        }
        LocalDate pub = next == Status.PUBLISHED ? (publishedOn != null ? publishedOn : LocalDate.now(clock)) : null;
        jdbc.sql("update channels_content set status = :s, published_on = :p, version = version + 1 where id = :id")
                .param("s", next.name()).param("p", pub == null ? null : Date.valueOf(pub)).param("id", id).update();
        audit.record("channels.content.move", "ContentItem", id, i.title() + ": " + i.status().label() + " → " + next.label());
    }

    public record YearCount(String channel, Map<String, Long> byType, long total) {
    }

    /** Published items of a year per channel and content type. */
    public List<YearCount> yearlyCounts(int year) {
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        for (var c : catalog.channels()) {
            m.put(c.name(), new LinkedHashMap<>());
        }
        jdbc.sql("""
                        select ch.name, c.content_type, count(*) from channels_content c
                          join channels_content_channel cc on cc.content_id = c.id join channels_channel ch on ch.id = cc.channel_id
                         where c.status = 'PUBLISHED' and extract(year from c.published_on) = :y
                         group by ch.name, c.content_type""")
                .param("y", year).query(rs -> {
                    m.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return m.entrySet().stream().map(e -> new YearCount(e.getKey(), e.getValue(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum())).toList();
    }

    // ---------------- press releases ----------------

    public record ReleaseHint(long releaseId, String title, String publicUrl, java.time.Instant publishedAt) {
    }

    /** Keeps recently published press releases to offer them for linking (idempotent on the release id). */
    @ApplicationModuleListener
    void on(PressReleasePublished e) {
        jdbc.sql("""
                        insert into channels_press_release (release_id, version, title, public_url, published_at)
                        values (:id, :v, :t, :u, :at)
                        on conflict (release_id) do update set version = greatest(channels_press_release.version, :v),
                               title = case when :v >= channels_press_release.version then :t else channels_press_release.title end,
                               public_url = :u""")
                .param("id", e.releaseId()).param("v", e.version()).param("t", e.title().length() > 300 ? e.title().substring(0, 300) : e.title())
                .param("u", e.publicUrl()).param("at", Timestamp.from(e.publishedAt())).update();
    }

    public List<ReleaseHint> recentReleases() {
        return jdbc.sql("select release_id, title, public_url, published_at from channels_press_release order by published_at desc limit 30")
                .query((rs, i) -> new ReleaseHint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    // ---------------- promotions (influencers, paid SNS ads) ----------------

    public enum PromotionKind {
        INFLUENCER("인플루언서 협업"), PAID_AD("SNS 타겟 광고");

        private final String label;

        PromotionKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Promotion(long id, PromotionKind kind, Long contentId, String partner, String targetAudience, LocalDate startOn,
                            LocalDate endOn, long budgetWon, Long costWon, Long reach, Long clicks, String programCode,
                            boolean cancelled) {
    }

    public record PromotionInput(PromotionKind kind, Long contentId, String partner, String targetAudience, LocalDate startOn,
                                 LocalDate endOn, Long budgetWon, Long costWon, Long reach, Long clicks, String programCode) {
    }

    public List<Promotion> promotions() {
        return jdbc.sql("""
                        select id, kind, content_id, partner, target_audience, start_on, end_on, budget_won, cost_won, reach, clicks,
                               program_code, cancelled from channels_promotion order by start_on desc, id desc""")
                .query((rs, i) -> new Promotion(rs.getLong(1), PromotionKind.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getLong(8),
                        (Long) rs.getObject(9, Long.class), (Long) rs.getObject(10, Long.class), (Long) rs.getObject(11, Long.class),
                        rs.getString(12), rs.getBoolean(13))).list();
    }

    /**
     * Records a collaboration or paid ad; its cost (or, until reported, its budget) is recorded as
     * spending against the work plan (source module "channels", reference {@code promotion:<id>}).
     */
    @Transactional
    public long savePromotion(Long id, PromotionInput in) {
        if (in.kind() == null) {
            throw new DomainException("channels.promotion.kind", "인플루언서 협업 또는 SNS 광고를 고르세요.");
        }
        String partner = Forms.required("협업·광고 파트너", in.partner(), 200);
        Forms.optional("타겟", in.targetAudience(), 300);
        if (in.startOn() == null || in.endOn() == null) {
            throw new DomainException("channels.promotion.period", "기간(시작일, 종료일)을 입력하세요.");
        }
        if (in.endOn().isBefore(in.startOn())) {
            throw new DomainException("channels.promotion.period-order", "종료일이 시작일보다 앞설 수 없습니다.");
        }
        if (in.budgetWon() == null || in.budgetWon() < 0) {
            throw new DomainException("channels.promotion.budget", "예산(원)을 0 이상으로 입력하세요.");
        }
        if (in.contentId() != null) {
            item(in.contentId());
        }
        String program = in.programCode() == null || in.programCode().isBlank() ? "P2" : in.programCode().strip();
        long pid;
        if (id == null) {
            pid = jdbc.sql("""
                            insert into channels_promotion (kind, content_id, partner, target_audience, start_on, end_on, budget_won, cost_won,
                                   reach, clicks, program_code, created_by, created_at)
                            values (:k, :c, :p, :t, :s, :e, :b, :cost, :r, :cl, :prog, :by, :now) returning id""")
                    .param("k", in.kind().name()).param("c", in.contentId()).param("p", partner).param("t", ChannelCatalog.blank(in.targetAudience()))
                    .param("s", Date.valueOf(in.startOn())).param("e", Date.valueOf(in.endOn())).param("b", in.budgetWon())
                    .param("cost", in.costWon()).param("r", in.reach()).param("cl", in.clicks()).param("prog", program)
                    .param("by", staff.currentActor()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        } else {
            pid = id;
            int u = jdbc.sql("""
                            update channels_promotion set kind = :k, content_id = :c, partner = :p, target_audience = :t, start_on = :s,
                                   end_on = :e, budget_won = :b, cost_won = :cost, reach = :r, clicks = :cl, program_code = :prog
                             where id = :id and not cancelled""")
                    .param("k", in.kind().name()).param("c", in.contentId()).param("p", partner).param("t", ChannelCatalog.blank(in.targetAudience()))
                    .param("s", Date.valueOf(in.startOn())).param("e", Date.valueOf(in.endOn())).param("b", in.budgetWon())
                    .param("cost", in.costWon()).param("r", in.reach()).param("cl", in.clicks()).param("prog", program).param("id", id).update();
            if (u == 0) {
                throw DomainException.notFound("홍보 협업·광고", id);
            }
        }
        long amount = in.costWon() != null ? in.costWon() : in.budgetWon();
        if (amount > 0) {
            workplan.recordSpending(new SpendingRecord("channels", "promotion:" + pid, in.startOn().getYear(), program,
                    BudgetCategory.POLICY_PROGRAM, amount, in.costWon() != null ? in.endOn() : in.startOn(),
                    in.kind().label() + ": " + partner + (in.costWon() != null ? " (집행)" : " (예산 기준)")));
        } else {
            workplan.withdrawSpending("channels", "promotion:" + pid);
        }
        audit.record("channels.promotion.save", "Promotion", pid, in.kind().label() + " " + partner + " " + amount + "원");
        return pid;
    }

    @Transactional
    public void cancelPromotion(long id) {
        int u = jdbc.sql("update channels_promotion set cancelled = true where id = :id and not cancelled").param("id", id).update();
        if (u == 0) {
            throw DomainException.notFound("홍보 협업·광고", id);
        }
        workplan.withdrawSpending("channels", "promotion:" + id);
        audit.record("channels.promotion.cancel", "Promotion", id, "취소, 예산 집행 기록 철회");
    }
}
