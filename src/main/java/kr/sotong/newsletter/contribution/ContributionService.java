package kr.sotong.newsletter.contribution;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import kr.sotong.newsletter.issue.IssueService;
import kr.sotong.newsletter.issue.NewsletterIssue;
import kr.sotong.newsletter.support.MediaUploads;
import kr.sotong.newsletter.support.NewsletterProperties;
import kr.sotong.newsletter.support.ResidentVerification;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Reader contributions: public submission, moderation queue, attachment to an issue, notices to contributors. */
@Service
public class ContributionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    /** Form values of the public contribution form. */
    public record ContributionForm(String theme, String title, String story, String name, String credit,
                                   Boolean consentPublication, Boolean consentRights, Boolean consentPrivacy) {
        boolean consented() {
            return Boolean.TRUE.equals(consentPublication) && Boolean.TRUE.equals(consentRights)
                    && Boolean.TRUE.equals(consentPrivacy);
        }
    }

    /** What staff see: personal data masked. */
    public record Review(Contribution contribution, String maskedName, String maskedContact, String issueLabel) {
    }

    private final Contributions contributions;
    private final IssueService issues;
    private final MediaUploads uploads;
    private final PersonalDataCipher cipher;
    private final Notifications notifications;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final NewsletterProperties properties;
    private final Clock clock;

    ContributionService(Contributions contributions, IssueService issues, MediaUploads uploads, PersonalDataCipher cipher,
                        Notifications notifications, AuditLog audit, StaffDirectory staff,
                        NewsletterProperties properties, Clock clock) {
        this.contributions = contributions;
        this.issues = issues;
        this.uploads = uploads;
        this.cipher = cipher;
        this.notifications = notifications;
        this.audit = audit;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Saves a contribution of a verified resident. Photos are checked first (type, extension, size, pixels);
     * any refusal leaves nothing saved.
     */
    @Transactional
    public Contribution submit(ResidentVerification.Verified who, ContributionForm form, List<MultipartFile> files) {
        List<MultipartFile> photos = files == null ? List.of() : files.stream().filter(MediaUploads::present).toList();
        if (photos.size() > properties.photo().maxPerContribution()) {
            throw new DomainException("newsletter.contribution.too-many-photos",
                    "사진은 " + properties.photo().maxPerContribution() + "장까지 올릴 수 있습니다.");
        }
        Contribution.validate(form.theme(), form.title(), form.story(), photos.size(), form.consented());
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new DomainException("newsletter.contribution.name", "이름을 50자 이내로 입력해 주세요.");
        }
        List<ContributionPhoto> stored = new ArrayList<>();
        for (MultipartFile f : photos) {
            MediaUploads.Image image = uploads.image(f);
            stored.add(new ContributionPhoto(image.file().sha256(), image.file().mediaType(), image.file().originalName(),
                    image.width(), image.height()));
        }
        Contribution.Credit credit = "ANONYMOUS".equals(form.credit()) ? Contribution.Credit.ANONYMOUS
                : Contribution.Credit.NAME;
        Contribution c = contributions.save(Contribution.submit(newReceiptNo(), form.theme(), form.title(), form.story(),
                credit, cipher.encrypt(name), cipher.encrypt(who.contact()), who.lookupHash(), stored, clock.instant()));
        notify(who.contact(), "[금천구 소식지 금천향기] 참여해 주셔서 감사합니다. 접수번호 " + c.getReceiptNo()
                + ". 검토 결과를 알려 드리겠습니다.", "newsletter.contribution.receipt", c.getId() + ":receipt");
        audit.recordAs("resident:" + who.masked(), "newsletter.contribution.submitted", "NewsletterContribution", c.getId(),
                "독자 참여 접수 " + c.getReceiptNo() + " (사진 " + stored.size() + "장)");
        return c;
    }

    private String newReceiptNo() {
        String day = DAY.format(clock.instant().atZone(clock.getZone()));
        for (int i = 0; i < 20; i++) {
            String no = "NL" + day + "-" + String.format("%04d", RANDOM.nextInt(10_000));
            if (!contributions.existsByReceiptNo(no)) {
                return no;
            }
        }
        throw new IllegalStateException("no free receipt number");
    }

    @Transactional(readOnly = true)
    public List<Contribution> queue() {
        return contributions.findByStatusOrderBySubmittedAtAsc(Contribution.Status.SUBMITTED);
    }

    @Transactional(readOnly = true)
    public List<Contribution> recent() {
        return contributions.findTop50ByOrderBySubmittedAtDesc();
    }

    @Transactional(readOnly = true)
    public List<Contribution> forIssue(long issueId) {
        return contributions.findByIssueIdOrderBySubmittedAtAsc(issueId);
    }

    @Transactional(readOnly = true)
    public long pending() {
        return contributions.countByStatus(Contribution.Status.SUBMITTED);
    }

    Contribution get(long id) {
        return contributions.findById(id).orElseThrow(() -> DomainException.notFound("독자 참여", id));
    }

    /** The contribution for review, personal data masked; the view is written to the access log. */
    @Transactional
    public Review review(long id) {
        Contribution c = get(id);
        audit.recordAccess("NewsletterContribution", id, "독자 참여 검토 화면(이름·연락처 마스킹 표시)");
        String issueLabel = c.getIssueId() == null ? null : label(issues.get(c.getIssueId()));
        if (ContributionRetention.isErased(c.getNameEnc())) {
            return new Review(c, "(파기됨)", "(파기됨)", issueLabel);
        }
        return new Review(c, Masking.name(cipher.decrypt(c.getNameEnc())),
                ResidentVerification.mask(cipher.decrypt(c.getContactEnc())), issueLabel);
    }

    /** Full name and contact, for calling the contributor back; logged with the purpose given. */
    @Transactional
    public String[] reveal(long id, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new DomainException("newsletter.access.purpose", "개인정보를 보는 목적을 적어 주세요.");
        }
        Contribution c = get(id);
        if (ContributionRetention.isErased(c.getNameEnc())) {
            throw DomainException.conflict("newsletter.contribution.erased", "보관 기간(검토 후 1년)이 지나 개인정보를 파기했습니다.");
        }
        audit.recordAccess("NewsletterContribution", id, "연락처 열람: " + purpose.strip());
        return new String[] {cipher.decrypt(c.getNameEnc()), cipher.decrypt(c.getContactEnc())};
    }

    @Transactional
    public void accept(long id, Long issueId, String note) {
        if (issueId == null) {
            throw new DomainException("newsletter.contribution.issue", "실을 호를 골라 주세요.");
        }
        Contribution c = get(id);
        NewsletterIssue issue = issues.get(issueId);
        c.accept(issueId, staff.currentActor(), note, clock.instant());
        contributions.save(c);
        notify(cipher.decrypt(c.getContactEnc()), "[금천구 소식지 금천향기] 보내 주신 '" + c.getTitle() + "'이(가) "
                + label(issue) + "에 실릴 예정입니다. 참여해 주셔서 감사합니다.", "newsletter.contribution.accepted",
                id + ":decision");
        audit.record("newsletter.contribution.accepted", "NewsletterContribution", id,
                c.getReceiptNo() + " 채택 → " + label(issue));
    }

    @Transactional
    public void reject(long id, String reason) {
        Contribution c = get(id);
        c.reject(staff.currentActor(), reason, clock.instant());
        contributions.save(c);
        notify(cipher.decrypt(c.getContactEnc()), "[금천구 소식지 금천향기] 보내 주신 '" + c.getTitle()
                + "'은(는) 이번에 싣지 못하게 되었습니다. 사유: " + reason.strip() + ". 참여해 주셔서 감사합니다.",
                "newsletter.contribution.rejected", id + ":decision");
        audit.record("newsletter.contribution.rejected", "NewsletterContribution", id, c.getReceiptNo() + " 반려");
    }

    @Transactional(readOnly = true)
    public ContributionPhoto photo(long id, int index) {
        List<ContributionPhoto> photos = get(id).getPhotos();
        if (index < 0 || index >= photos.size()) {
            throw DomainException.notFound("사진", index);
        }
        return photos.get(index);
    }

    private void notify(String contact, String text, String purpose, String key) {
        Notification n = contact.contains("@")
                ? Notification.email(contact, "[금천구] 소식지 금천향기 독자 참여 안내", text, purpose)
                : Notification.sms(contact, text, purpose);
        notifications.send(n.withIdempotencyKey("newsletter.contribution:" + key));
    }

    private static String label(NewsletterIssue issue) {
        return "제" + issue.getNumber() + "호(" + issue.monthLabel() + ")";
    }
}
