package kr.sotong.press;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.Notification;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StaffMember;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The press office's use cases for releases: authoring in the standard layout with revisions and diffs,
 * the review/approval workflow, distribution to the press-contact lists, publication at the embargo
 * (보도 시점), 정정 corrections, documents other modules ask us to distribute, and a read API of
 * published releases for everyone else — which never returns anything embargoed.
 */
@Service
@Transactional(readOnly = true)
public class PressOffice {

    static final Set<String> ATTACHMENT_TYPES = Set.of("application/pdf", "application/x-hwp", "application/x-hwp-v5",
            "application/hwp+zip", "application/haansofthwp", "application/haansofthwpx", "application/vnd.hancom.hwpx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/zip",
            "text/plain", "image/jpeg", "image/png", "image/gif", "image/webp");
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    static final int MAX_BODY = 50_000;

    private final ReleaseRepository repo;
    private final PublicationRepository publication;
    private final DeliveryRepository deliveries;
    private final ContactRepository contacts;
    private final PlanRepository plans;
    private final DocumentRepository docs;
    private final Distributor distributor;
    private final ReleaseDocuments documents;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final FileStore files;
    private final UploadPolicy uploads;
    private final ApplicationEventPublisher events;
    private final PressProperties properties;
    private final Clock clock;

    PressOffice(ReleaseRepository repo, PublicationRepository publication, DeliveryRepository deliveries,
                ContactRepository contacts, PlanRepository plans, DocumentRepository docs, Distributor distributor, ReleaseDocuments documents,
                AuditLog audit, StaffDirectory staff, FileStore files, UploadPolicy uploads,
                ApplicationEventPublisher events, PressProperties properties, Clock clock) {
        this.repo = repo;
        this.publication = publication;
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.plans = plans;
        this.docs = docs;
        this.distributor = distributor;
        this.documents = documents;
        this.audit = audit;
        this.staff = staff;
        this.files = files;
        this.uploads = uploads;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // =============== public read API (other modules, public pages, feed) ===============

    /** Published releases, newest first; embargoed ones never appear. Ask for one more than a page to learn if more follow. */
    public List<PublishedRelease> publishedReleases(Integer year, String query, int limit, int offset) {
        return publication.list(clock.instant(), year, query, Math.max(1, Math.min(limit, 200)), Math.max(0, offset));
    }

    public Optional<PublishedRelease> publishedSummary(long releaseId) {
        return publication.summary(releaseId, clock.instant());
    }

    /** The public text of a release, or empty while it is embargoed (or does not exist). */
    public Optional<PublishedReleaseDetail> publishedRelease(long releaseId) {
        return publication.detail(releaseId, clock.instant());
    }

    record FeedItem(PublishedRelease summary, String body) {
    }

    List<FeedItem> feed(int limit) {
        return publication.feed(clock.instant(), limit).stream().map(f -> new FeedItem(f.summary(), f.body())).toList();
    }

    /** A public file (photo or attachment) of a published release. */
    public Optional<ReleaseFile> publishedFile(long releaseId, long fileId) {
        return publishedRelease(releaseId).flatMap(d -> d.files().stream().filter(f -> f.id() == fileId).findFirst());
    }

    // =============== staff reading ===============

    /** True when the current user belongs to the press team (sees embargoed releases). */
    public boolean canSeeEmbargoed() {
        return staff.current().map(PressRelease::isPressTeam).orElse(false);
    }

    public boolean canEdit() {
        return staff.current().map(m -> m.hasRole(kr.sotong.platform.Roles.PRESS)).orElse(false);
    }

    /** Staff list: the press team sees every release, anyone else only the published ones. */
    public List<ReleaseSummary> releases(Integer year, ReleaseStatus status, int limit, int offset) {
        int l = Math.max(1, Math.min(limit, 500));
        if (canSeeEmbargoed()) {
            return repo.list(year, status, false, clock.instant(), l, Math.max(0, offset));
        }
        if (status != null && status != ReleaseStatus.DISTRIBUTED) {
            return List.of();
        }
        // outside the press team: the published text only (a 정정 still in the workflow stays hidden)
        return publication.list(clock.instant(), year, null, Math.min(l, 200), Math.max(0, offset)).stream()
                .map(p -> new ReleaseSummary(p.id(), ReleaseStatus.DISTRIBUTED, p.edition(), p.title(), null, null,
                        p.publishedAt(), p.publishedAt())).toList();
    }

    /** A release for staff; outside the press team only once it is public (else not found). */
    public ReleaseView release(long id) {
        ReleaseView v = repo.view(id).orElseThrow(() -> DomainException.notFound("보도자료", id));
        if (canSeeEmbargoed()) {
            return v;
        }
        // outside the press team: the edition the public sees, never a draft or an embargoed 정정
        PublishedRelease p = publication.summary(id, clock.instant()).orElseThrow(() -> DomainException.notFound("보도자료", id));
        ReleaseView.Revision rev = publication.visibleRevisionId(id, clock.instant()).flatMap(repo::revisionById).orElseThrow();
        return new ReleaseView(v.id(), ReleaseStatus.DISTRIBUTED, p.edition(), v.owner(), v.ownerName(), v.teamCode(),
                v.planItemId(), rev, List.of(), null, null, v.createdAt(), p.publishedAt(), -1);
    }

    private void requirePressTeam() {
        if (!canSeeEmbargoed()) {
            throw DomainException.forbidden("보도 전 보도자료는 언론팀만 볼 수 있습니다.");
        }
    }

    public List<ReleaseView.Revision> revisions(long id) {
        release(id);
        requirePressTeam();
        return repo.revisions(id);
    }

    public List<LineDiff.Line> diff(long id, int fromRevision, int toRevision) {
        release(id);
        requirePressTeam();
        ReleaseView.Revision a = repo.revision(id, fromRevision).orElseThrow(() -> DomainException.notFound("판", fromRevision));
        ReleaseView.Revision b = repo.revision(id, toRevision).orElseThrow(() -> DomainException.notFound("판", toRevision));
        return LineDiff.between(a.printedLines(), b.printedLines());
    }

    public List<ReleaseView.Comment> comments(long id) {
        release(id);
        requirePressTeam();
        return repo.comments(id);
    }

    public List<ReleaseFile> files(long id) {
        release(id);
        requirePressTeam();
        return repo.files(id);
    }

    public List<ReleaseView.Edition> editions(long id) {
        release(id);
        Instant now = clock.instant();
        return repo.editions(id).stream().filter(e -> canSeeEmbargoed() || !e.embargoUntil().isAfter(now)).toList();
    }

    public List<DeliveryRepository.Distribution> distributions(long id) {
        release(id);
        requirePressTeam();
        return deliveries.distributionsOfRelease(id);
    }

    public List<DeliveryRepository.Distribution> recentDistributions(int limit) {
        requirePressTeam();
        return deliveries.recentDistributions(limit);
    }

    public DeliveryRepository.Distribution distribution(long distributionId) {
        requirePressTeam();
        return deliveries.distribution(distributionId).orElseThrow(() -> DomainException.notFound("배포", distributionId));
    }

    /** The per-recipient delivery log (masked addresses). */
    public List<DeliveryRepository.Delivery> deliveries(long distributionId) {
        distribution(distributionId);
        return deliveries.deliveries(distributionId);
    }

    /** Releases in review or awaiting the director's approval, earliest distribution first. */
    public List<ReleaseSummary> awaitingApproval() {
        return canSeeEmbargoed() ? repo.awaitingApproval() : List.of();
    }

    /** A file of a release for the press team (drafts included). */
    public ReleaseFile file(long releaseId, long fileId) {
        return files(releaseId).stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> DomainException.notFound("파일", fileId));
    }

    // =============== exports ===============

    /** HWPX of the current text (press team; others get the published text). */
    public byte[] hwpx(long id) {
        return ReleaseDocuments.hwpx(canSeeEmbargoed() ? currentLayout(id) : publishedLayout(id));
    }

    public byte[] pdf(long id) {
        return documents.pdf(canSeeEmbargoed() ? currentLayout(id) : publishedLayout(id));
    }

    /** HWPX of the text the public sees (not found while embargoed). */
    public byte[] publishedHwpx(long id) {
        return ReleaseDocuments.hwpx(publishedLayout(id));
    }

    public byte[] publishedPdf(long id) {
        return documents.pdf(publishedLayout(id));
    }

    private ReleaseDocuments.Layout currentLayout(long id) {
        ReleaseView v = release(id);
        return ReleaseDocuments.layout(v.current(), repo.files(id), v.edition() > 1);
    }

    private ReleaseDocuments.Layout publishedLayout(long id) {
        PublishedReleaseDetail d = publishedRelease(id).orElseThrow(() -> DomainException.notFound("보도자료", id));
        long revisionId = publication.visibleRevisionId(id, clock.instant()).orElseThrow();
        ReleaseView.Revision rev = repo.revisionById(revisionId).orElseThrow();
        return ReleaseDocuments.layout(rev, d.files(), d.summary().correction());
    }

    // =============== authoring ===============

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long create(ReleaseDraft draft) {
        StaffMember me = staff.requireCurrent();
        ReleaseDraft d = validate(draft, false);
        Instant now = clock.instant();
        long id = repo.insert(me.username(), me.displayName(), me.teamCode(), d.planItemId(), d.title(), d.listCodes(),
                d.distributeAt(), d.embargoUntil(), now);
        repo.insertRevision(id, 1, 1, d, me.username(), now);
        PressRelease r = repo.require(id, true);
        r.currentRevision = 1;
        repo.save(r, now);
        if (d.planItemId() != null) {
            plans.link(d.planItemId(), id);
        }
        repo.comment(id, "COMMENT", me.username(), me.displayName(), "초안 작성", now);
        audit.record("press.release.create", "PressRelease", id, d.title());
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void update(long id, int lockVersion, ReleaseDraft draft) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        if (r.lockVersion != lockVersion) {
            throw DomainException.conflict("press.release.stale", "다른 사용자가 먼저 이 보도자료를 바꿨습니다. 새로 고친 뒤 다시 하세요.");
        }
        r.requireEditable(me);
        ReleaseDraft d = validate(draft, r.edition > 1);
        ReleaseView.Revision current = repo.revision(id, r.currentRevision).orElseThrow();
        Instant now = clock.instant();
        if (r.edition == current.edition() && sameText(current, d)) {
            repo.updateHeader(id, d.title(), d.listCodes());
            r.distributeAt = d.distributeAt();
            r.embargoUntil = d.embargoUntil();
            repo.save(r, now);
            return;
        }
        r.currentRevision++;
        repo.insertRevision(id, r.currentRevision, r.edition, d, me.username(), now);
        r.distributeAt = d.distributeAt();
        r.embargoUntil = d.embargoUntil();
        repo.updateHeader(id, d.title(), d.listCodes());
        repo.save(r, now);
        audit.record("press.release.update", "PressRelease", id, "판 " + r.currentRevision + ": " + d.title());
    }

    private static boolean sameText(ReleaseView.Revision c, ReleaseDraft d) {
        return Objects.equals(c.title(), d.title()) && Objects.equals(c.subtitle(), d.subtitle())
                && Objects.equals(c.body(), d.body()) && Objects.equals(c.department(), d.department())
                && Objects.equals(c.responsible(), d.responsible()) && Objects.equals(c.contactName(), d.contactName())
                && Objects.equals(c.contactPhone(), d.contactPhone()) && Objects.equals(c.distributeAt(), d.distributeAt())
                && Objects.equals(c.embargoUntil(), d.embargoUntil()) && Objects.equals(c.correctionNote(), d.correctionNote());
    }

    /** Checks and normalises a draft; Korean messages for every problem. */
    ReleaseDraft validate(ReleaseDraft d, boolean correction) {
        if (d == null) {
            throw new DomainException("press.release.empty", "보도자료 내용을 입력해 주세요.");
        }
        String title = Texts.required("제목", d.title(), 200);
        String subtitle = Texts.optional("부제", d.subtitle(), 500);
        String body = Texts.required("본문", d.body() == null ? null : d.body().replace("\r\n", "\n"), MAX_BODY);
        String department = Texts.optional("담당 부서", d.department(), 100);
        String responsible = Texts.optional("책임자", d.responsible(), 100);
        String contactName = Texts.optional("담당자", d.contactName(), 100);
        String phone = Texts.optional("전화", d.contactPhone(), 40);
        if (phone != null) {
            phone = PhoneNumber.parse(phone).formatted();
        }
        if (d.distributeAt() == null) {
            throw new DomainException("press.release.distribute-at", "배포 일시를 입력해 주세요.");
        }
        if (d.embargoUntil() == null) {
            throw new DomainException("press.release.embargo", "보도 시점(엠바고)을 입력해 주세요.");
        }
        if (d.embargoUntil().isBefore(d.distributeAt())) {
            throw new DomainException("press.release.embargo-before-distribution",
                    "보도 시점이 배포 일시보다 앞설 수 없습니다. 기자가 받기 전에 보도될 수는 없습니다.");
        }
        if (!d.embargoUntil().isAfter(clock.instant())) {
            throw new DomainException("press.release.embargo-past",
                    "보도 시점이 이미 지났습니다. 지금 이후의 일시를 입력해 주세요.");
        }
        String note = Texts.optional("정정 내용", d.correctionNote(), 1000);
        if (correction && note == null) {
            throw new DomainException("press.release.correction-note", "정정 보도자료에는 무엇을 정정했는지 적어 주세요.");
        }
        List<String> lists = d.listCodes().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        for (String c : lists) {
            if (!contacts.listExists(c)) {
                throw new DomainException("press.list.unknown", "없는 배포 목록입니다: " + c, c);
            }
        }
        if (d.planItemId() != null && !plans.exists(d.planItemId())) {
            throw DomainException.notFound("언론홍보계획 항목", d.planItemId());
        }
        return new ReleaseDraft(title, subtitle, body, department, responsible, contactName, phone, d.distributeAt(),
                d.embargoUntil(), lists, d.planItemId(), note);
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addFile(long id, String kind, InputStream content, String fileName, String caption) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        r.requireEditable(me);
        boolean photo = "PHOTO".equals(kind);
        String cap = Texts.optional("사진 설명", caption, 300);
        if (photo && cap == null) {
            throw new DomainException("press.file.caption", "사진에는 설명(캡션)을 적어 주세요.");
        }
        StoredFile f = files.store(content, fileName == null ? "file" : fileName, properties.maxAttachment().toBytes());
        uploads.check(f, photo ? PHOTO_TYPES : ATTACHMENT_TYPES);
        long fileId = repo.addFile(id, photo ? "PHOTO" : "ATTACHMENT", f.sha256(), f.originalName(), f.mediaType(),
                f.size(), cap, me.username(), clock.instant());
        audit.record("press.release.file", "PressRelease", id, (photo ? "사진 " : "붙임 ") + f.originalName());
        return fileId;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void removeFile(long id, long fileId) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        r.requireEditable(me);
        repo.removeFile(id, fileId);
        audit.record("press.release.file-remove", "PressRelease", id, "파일 " + fileId + " 삭제");
    }

    // =============== workflow ===============

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void comment(long id, String text) {
        StaffMember me = staff.requireCurrent();
        requirePressTeam();
        repo.require(id, false);
        repo.comment(id, "COMMENT", me.username(), me.displayName(), Texts.required("의견", text, 2000), clock.instant());
        audit.record("press.release.comment", "PressRelease", id, "의견");
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void submit(long id, String comment) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        ReleaseView.Revision rev = repo.revision(id, r.currentRevision).orElseThrow();
        List<String> missing = new ArrayList<>();
        if (rev.department() == null) {
            missing.add("담당 부서");
        }
        if (rev.contactName() == null) {
            missing.add("담당자");
        }
        if (rev.contactPhone() == null) {
            missing.add("전화");
        }
        if (!missing.isEmpty()) {
            throw new DomainException("press.release.contact-missing",
                    "연락처 표가 비어 있습니다: " + String.join(", ", missing) + "을(를) 입력한 뒤 검토를 요청하세요.");
        }
        if (!r.embargoUntil.isAfter(clock.instant())) {
            throw new DomainException("press.release.embargo-past", "보도 시점이 이미 지났습니다. 일시를 고친 뒤 검토를 요청하세요.");
        }
        r.submit(me);
        step(r, me, "SUBMIT", comment, "press.release.submit", "검토 요청");
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void review(long id, String comment) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        r.review(me);
        step(r, me, "REVIEW", comment, "press.release.review", "팀장 검토 완료");
    }

    @Transactional
    @PreAuthorize("hasRole('DIRECTOR')")
    public void approve(long id, String comment) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        r.approve(me, clock.instant());
        step(r, me, "APPROVE", comment, "press.release.approve",
                "결재 완료, 배포 예약 " + ReleaseDocuments.koreanDateTime(r.distributeAt));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR')")
    public void reject(long id, String reason) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        r.reject(me, reason);
        step(r, me, "REJECT", reason, "press.release.reject", "반려: " + reason.strip());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR')")
    public void withdraw(long id, String reason) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        String why = Texts.required("예약 취소 사유", reason, 2000);
        r.withdraw(me);
        step(r, me, "REJECT", why, "press.release.withdraw", "배포 예약 취소: " + why);
    }

    /** Starts a 정정 edition from the distributed text. */
    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void startCorrection(long id, String reason) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        String why = Texts.required("정정 사유", reason, 1000);
        r.startCorrection(me);
        ReleaseView.Revision last = repo.revision(id, r.currentRevision).orElseThrow();
        r.currentRevision++;
        Instant now = clock.instant();
        Instant dist = now.isAfter(last.distributeAt()) ? now : last.distributeAt();
        Instant emb = last.embargoUntil().isAfter(now) ? last.embargoUntil() : now.plusSeconds(600);
        repo.insertRevision(id, r.currentRevision, r.edition, new ReleaseDraft(last.title(), last.subtitle(), last.body(),
                last.department(), last.responsible(), last.contactName(), last.contactPhone(), dist, emb, List.of(),
                null, why), me.username(), now);
        r.distributeAt = dist;
        r.embargoUntil = emb;
        step(r, me, "CORRECT", why, "press.release.correct", "정정 " + (r.edition - 1) + "차 시작: " + why);
    }

    private void step(PressRelease r, StaffMember me, String kind, String comment, String action, String summary) {
        Instant now = clock.instant();
        repo.save(r, now);
        repo.comment(r.id, kind, me.username(), me.displayName(), comment == null || comment.isBlank() ? null
                : comment.strip().length() > 2000 ? comment.strip().substring(0, 2000) : comment.strip(), now);
        audit.record(action, "PressRelease", r.id, summary);
    }

    /** Sends an approved release now (instead of waiting for its 배포 일시). */
    @Transactional
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR')")
    public void distributeNow(long id) {
        StaffMember me = staff.requireCurrent();
        PressRelease r = repo.require(id, true);
        if (r.status != ReleaseStatus.SCHEDULED) {
            throw DomainException.conflict("press.release.transition",
                    "'" + r.status.label() + "' 상태에서는 배포할 수 없습니다. 결재가 끝난 보도자료만 배포합니다.");
        }
        distribute(r, me.username());
    }

    /** Distributes one scheduled release inside the caller's transaction (row already locked). */
    void distribute(PressRelease r, String actor) {
        Instant now = clock.instant();
        if (deliveries.distributionOf(r.id, r.edition).isPresent()) {
            throw DomainException.conflict("press.release.already-distributed", "이미 배포된 보도자료입니다.");
        }
        r.distribute(now);
        ReleaseView v = repo.view(r.id).orElseThrow();
        ReleaseView.Revision rev = v.current();
        List<ReleaseFile> fs = repo.files(r.id);
        boolean correction = r.edition > 1;
        ReleaseDocuments.Layout layout = ReleaseDocuments.layout(rev, fs, correction);
        byte[] hwpx = ReleaseDocuments.hwpx(layout);
        String docName = (correction ? "정정보도자료_" : "보도자료_") + r.id + (correction ? "_" + r.edition : "") + ".hwpx";
        StoredFile doc = files.store(new ByteArrayInputStream(hwpx), docName);
        List<Notification.Attachment> attachments = new ArrayList<>();
        attachments.add(new Notification.Attachment(doc.sha256(), docName));
        fs.forEach(f -> attachments.add(new Notification.Attachment(f.sha256(), f.fileName())));
        String subject = (correction ? "[정정 보도자료] " : "[보도자료] ") + rev.title() + " (보도 시점 "
                + ReleaseDocuments.koreanDateTime(rev.embargoUntil()) + ")";
        Distributor.Result result = distributor.send(new Distributor.Outgoing("rel:" + r.id + ":" + r.edition, r.id,
                r.edition, null, repo.listCodes(r.id), subject, ReleaseDocuments.mailText(layout), attachments, actor,
                correction ? "정정 보도자료 발송" : "보도자료 발송"));
        repo.insertEdition(r.id, r.edition, rev.id(), correction, rev, repo.teamCode(r.id), now, result.distributionId(),
                fs.stream().map(ReleaseFile::id).toList());
        repo.save(r, now);
        repo.comment(r.id, "DISTRIBUTE", actor, actor, "기자 " + result.recipients() + "명에게 발송", now);
        if (v.planItemId() != null) {
            plans.markDistributed(v.planItemId());
        }
        audit.recordAs(actor, "press.release.distribute", "PressRelease", r.id,
                (correction ? "정정 " : "") + "배포: 기자 " + result.recipients() + "명, 보도 시점 "
                        + ReleaseDocuments.koreanDateTime(rev.embargoUntil()));
    }

    // =============== scheduled work (called by PressJobs, one release per transaction) ===============

    /** Distributes the next due scheduled release, if any; false when none is due. */
    @Transactional
    public boolean distributeNextDue() {
        List<Long> due = repo.dueForDistribution(clock.instant(), 1);
        if (due.isEmpty()) {
            return false;
        }
        PressRelease r = repo.require(due.get(0), false);
        if (r.status != ReleaseStatus.SCHEDULED) {
            return true;
        }
        distribute(r, "scheduler");
        return true;
    }

    /** Announces editions whose embargo passed ({@link PressReleasePublished}, once per edition). */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        List<ReleaseRepository.Due> due = repo.dueForPublication(now, 50);
        for (ReleaseRepository.Due d : due) {
            ReleaseView.Revision rev = repo.revisionById(d.revisionId()).orElseThrow();
            repo.markPublished(d.releaseId(), d.edition(), now);
            repo.comment(d.releaseId(), "PUBLISH", "scheduler", "scheduler", "보도 시점 도래: 공개", now);
            events.publishEvent(new PressReleasePublished(d.releaseId(), d.edition(), rev.title(), rev.subtitle(),
                    rev.body(), rev.department(), d.embargoUntil(), now, d.correction(), "/press/" + d.releaseId()));
        }
        if (!due.isEmpty()) {
            audit.recordAs("scheduler", "press.release.publish", "PressRelease",
                    due.size() == 1 ? due.get(0).releaseId() : "batch", "보도 시점 도래로 공개: " + due.size() + "건");
        }
        return due.size();
    }

    // =============== documents from other modules ===============

    /**
     * Distributes a document another module asked for (e.g. a 보도설명자료), once per request key, and
     * answers with {@link DocumentDistributed}. A request that cannot be sent is recorded with its reason.
     */
    @Transactional
    public Optional<Long> distributeDocument(DocumentDistributionRequested e) {
        Instant now = clock.instant();
        String key = e.requestKey() == null ? "" : e.requestKey().strip();
        if (key.isEmpty() || key.length() > 200) {
            return Optional.empty();
        }
        String problem = null;
        if (e.title() == null || e.title().isBlank()) {
            problem = "제목이 없습니다.";
        } else if (e.bodyText() == null || e.bodyText().isBlank()) {
            problem = "본문이 없습니다.";
        } else {
            for (String c : e.listCodes()) {
                if (!contacts.listExists(c)) {
                    problem = "없는 배포 목록입니다: " + c;
                }
            }
            for (String sha : e.attachmentShas()) {
                if (files.find(sha).isEmpty()) {
                    problem = "첨부 파일을 찾을 수 없습니다: " + sha;
                }
            }
        }
        Optional<Long> inserted = docs.insert(key, e, now, problem);
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long docId = inserted.get();
        if (problem != null) {
            audit.recordAs("press", "press.document.refused", "PressDocument", docId, key + ": " + problem);
            return Optional.of(docId);
        }
        String kindLabel = switch (e.kind() == null ? "" : e.kind()) {
            case "CLARIFICATION" -> "보도설명자료";
            case "REBUTTAL" -> "보도반박자료";
            default -> "알림";
        };
        String title = e.title().strip();
        StringBuilder body = new StringBuilder(kindLabel).append("\n\n").append(title).append("\n\n").append(e.bodyText().strip())
                .append("\n\n");
        body.append("담당 부서: ").append(nz(e.department())).append('\n').append("담당자: ").append(nz(e.contactName()))
                .append('\n').append("전화: ").append(nz(e.contactPhone())).append('\n');
        List<Notification.Attachment> attachments = e.attachmentShas().stream()
                .map(sha -> new Notification.Attachment(sha, files.find(sha).map(StoredFile::originalName).orElse(sha)))
                .toList();
        Distributor.Result result = distributor.send(new Distributor.Outgoing("doc:" + docId, null, null, docId,
                e.listCodes(), "[" + kindLabel + "] " + title, body.toString(), attachments, "press", kindLabel + " 발송"));
        docs.distributed(docId, result.distributionId());
        events.publishEvent(new DocumentDistributed(key, now, result.recipients()));
        audit.recordAs("press", "press.document.distribute", "PressDocument", docId,
                kindLabel + " '" + title + "' 기자 " + result.recipients() + "명");
        return Optional.of(docId);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public List<DocumentRepository.Document> documents() {
        requirePressTeam();
        return docs.list();
    }
}
