package kr.sotong.contests.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.Notification;
import kr.sotong.platform.Notifications;
import kr.sotong.platform.OneTimeCodes;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' side of a contest: the multi-step entry (a draft kept 24 h, personal data encrypted from the
 * first step), phone verification by one-time code, submission into an entry with a receipt number in one
 * transaction, and the status page reached with receipt number + one-time code.
 */
@Service
public class EntryDesk {

    static final String CONSENT_VERSION = "2025-1";
    static final String OTP_ENTRY = "contests.entry";
    static final String OTP_STATUS = "contests.status";
    static final int ADULT_AGE = 19;

    private final ContestRepository contests;
    private final DraftRepository drafts;
    private final EntryRepository entries;
    private final UploadRepository uploadRows;
    private final Uploads uploads;
    private final NearDuplicates nearDuplicates;
    private final PersonalDataCipher cipher;
    private final OneTimeCodes codes;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ContestsProperties properties;
    private final Clock clock;

    EntryDesk(ContestRepository contests, DraftRepository drafts, EntryRepository entries, UploadRepository uploadRows,
              Uploads uploads, NearDuplicates nearDuplicates, PersonalDataCipher cipher, OneTimeCodes codes,
              Notifications notifications, AuditLog audit, ApplicationEventPublisher events,
              ContestsProperties properties, Clock clock) {
        this.contests = contests;
        this.drafts = drafts;
        this.entries = entries;
        this.uploadRows = uploadRows;
        this.uploads = uploads;
        this.nearDuplicates = nearDuplicates;
        this.cipher = cipher;
        this.codes = codes;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ drafts

    @Transactional
    public String start(long contestId) {
        Contest c = contests.get(contestId);
        c.requireAcceptingEntries(clock.instant());
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(Uploads.randomBytes(18));
        Instant now = clock.instant();
        drafts.insert(id, contestId, now, now.plus(properties.draftLifetime()));
        return id;
    }

    /** The draft if it exists, belongs to the contest and has not expired. */
    public Optional<Draft> find(String draftId, long contestId) {
        if (draftId == null) {
            return Optional.empty();
        }
        return drafts.find(draftId).filter(d -> d.contestId() == contestId && d.expiresAt().isAfter(clock.instant()));
    }

    public Draft draft(String draftId, long contestId) {
        return find(draftId, contestId).orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT,
                "contests.draft.missing", "응모 작성 시간이 지났거나 응모서를 찾을 수 없습니다. 처음부터 다시 작성해 주세요."));
    }

    @Transactional
    public void saveEligibility(String draftId, long contestId, String basis, String birthDate) {
        Draft d = draft(draftId, contestId);
        Contest c = contests.get(contestId);
        if (basis == null || !List.of("RESIDENT", "WORKER", "OTHER").contains(basis)) {
            throw new DomainException("contests.entry.basis", "참가 자격을 고르세요.");
        }
        if (!Eligibility.admits(c.eligibility(), basis)) {
            throw new DomainException("contests.entry.not-eligible",
                    "이 공모전은 " + Eligibility.labels(c.eligibility()) + "만 응모할 수 있습니다.");
        }
        LocalDate birth = parseBirth(birthDate);
        int age = age(birth);
        if (c.def().minAge() != null && age < c.def().minAge()) {
            throw new DomainException("contests.entry.too-young", "이 공모전은 만 " + c.def().minAge() + "세 이상만 응모할 수 있습니다.");
        }
        drafts.saveEligibility(d.id(), basis, cipher.encrypt(birth.toString()));
    }

    LocalDate parseBirth(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("contests.entry.birth", "생년월일을 입력하세요(예: 1990-05-17).");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("contests.entry.birth", "생년월일 형식이 올바르지 않습니다(예: 1990-05-17).");
        }
        LocalDate today = LocalDate.now(clock);
        if (birth.isAfter(today) || birth.isBefore(today.minusYears(120))) {
            throw new DomainException("contests.entry.birth", "생년월일이 올바르지 않습니다.");
        }
        return birth;
    }

    int age(LocalDate birth) {
        return Period.between(birth, LocalDate.now(clock)).getYears();
    }

    /** Under the contest's guardian age, the entrant needs a guardian's details and consent. */
    public boolean guardianRequired(Draft d) {
        if (d.birthDateEnc() == null) {
            return false;
        }
        Contest c = contests.get(d.contestId());
        return age(LocalDate.parse(cipher.decrypt(d.birthDateEnc()))) < c.def().guardianUnderAge();
    }

    public record EntrantInput(String name, String phone, String email, String guardianName, String guardianPhone) {
    }

    @Transactional
    public void saveEntrant(String draftId, long contestId, EntrantInput in) {
        Draft d = draft(draftId, contestId);
        if (!d.eligibilityDone()) {
            throw new DomainException("contests.entry.step", "참가 자격 단계를 먼저 마쳐 주세요.");
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new DomainException("contests.entry.name", "이름을 50자 이내로 입력하세요.");
        }
        PhoneNumber.Result parsed = PhoneNumber.tryParse(in.phone());
        if (!parsed.valid()) {
            throw new DomainException("contests.entry.phone", parsed.reason());
        }
        PhoneNumber phone = parsed.number();
        if (!phone.isMobile()) {
            throw new DomainException("contests.entry.phone", "휴대전화 번호를 입력하세요(인증번호를 문자로 보냅니다).");
        }
        String email = null;
        if (in.email() != null && !in.email().isBlank()) {
            if (!EmailAddress.isValid(in.email().strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new DomainException("contests.entry.email", "이메일 주소 형식이 올바르지 않습니다.");
            }
            email = EmailAddress.normalise(in.email());
        }
        Contest c = contests.get(contestId);
        String phoneHash = cipher.lookupHash(phone.digits());
        if (entries.countByPhone(contestId, phoneHash) >= c.def().maxEntriesPerPerson()) {
            throw DomainException.conflict("contests.entry.limit", "한 사람당 " + c.def().maxEntriesPerPerson()
                    + "편까지 응모할 수 있습니다. 이미 그만큼 응모했습니다.");
        }
        String guardianName = null;
        String guardianPhone = null;
        if (guardianRequired(d)) {
            String gn = in.guardianName() == null ? "" : in.guardianName().strip();
            if (gn.isEmpty() || gn.length() > 50) {
                throw new DomainException("contests.entry.guardian-name",
                        "만 " + c.def().guardianUnderAge() + "세 미만은 법정대리인(보호자)의 이름을 입력해야 합니다.");
            }
            PhoneNumber.Result gp = PhoneNumber.tryParse(in.guardianPhone());
            if (!gp.valid()) {
                throw new DomainException("contests.entry.guardian-phone", "보호자 연락처: " + gp.reason());
            }
            guardianName = cipher.encrypt(gn);
            guardianPhone = cipher.encrypt(gp.number().digits());
        }
        boolean stillVerified = d.phoneVerified() && phoneHash.equals(d.phoneHash());
        drafts.saveEntrant(d.id(), cipher.encrypt(name), cipher.encrypt(phone.digits()), phoneHash, stillVerified,
                email == null ? null : cipher.encrypt(email), guardianName, guardianPhone);
    }

    @Transactional
    public OneTimeCodes.Issued sendPhoneCode(String draftId, long contestId) {
        Draft d = draft(draftId, contestId);
        if (d.phoneEnc() == null) {
            throw new DomainException("contests.entry.phone", "휴대전화 번호를 먼저 입력하세요.");
        }
        return codes.issue(OTP_ENTRY, cipher.decrypt(d.phoneEnc()));
    }

    @Transactional(noRollbackFor = DomainException.class)
    public void verifyPhoneCode(String draftId, long contestId, String code) {
        Draft d = draft(draftId, contestId);
        if (d.phoneEnc() == null) {
            throw new DomainException("contests.entry.phone", "휴대전화 번호를 먼저 입력하세요.");
        }
        codes.verify(OTP_ENTRY, cipher.decrypt(d.phoneEnc()), code);
        drafts.markPhoneVerified(d.id());
    }

    public record WorkInput(String title, String description, String aiService, String aiLicence, String lyrics,
                            boolean rightsStatement) {
    }

    @Transactional
    public void saveWork(String draftId, long contestId, WorkInput in) {
        Draft d = draft(draftId, contestId);
        Contest c = contests.get(contestId);
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty() || title.length() > 100) {
            throw new DomainException("contests.entry.title", "작품 제목을 100자 이내로 입력하세요.");
        }
        String description = in.description() == null ? "" : in.description().strip();
        if (description.length() > 2000) {
            throw new DomainException("contests.entry.description", "작품 설명은 2,000자 이내로 써 주세요.");
        }
        String ai = null;
        String licence = null;
        String lyrics = null;
        if (c.kind().needsAiDeclaration()) {
            ai = in.aiService() == null ? "" : in.aiService().strip();
            licence = in.aiLicence() == null ? "" : in.aiLicence().strip();
            lyrics = in.lyrics() == null ? "" : in.lyrics().strip();
            if (ai.isEmpty() || ai.length() > 200) {
                throw new DomainException("contests.entry.ai-service", "사용한 생성형 AI 서비스(이름과 버전)를 입력하세요.");
            }
            if (licence.isEmpty() || licence.length() > 2000) {
                throw new DomainException("contests.entry.ai-licence", "AI 서비스의 이용 조건(요금제, 상업적 이용 허용 여부 등)을 입력하세요.");
            }
            if (lyrics.isEmpty() || lyrics.length() > 5000) {
                throw new DomainException("contests.entry.lyrics", "가사를 5,000자 이내로 입력하세요(연주곡이면 '연주곡'이라고 쓰세요).");
            }
            if (!in.rightsStatement()) {
                throw new DomainException("contests.entry.rights",
                        "작품의 권리에 관한 확인(AI 서비스 약관상 공모·이용이 가능하고 남의 권리를 침해하지 않음)에 동의해야 합니다.");
            }
        }
        if (d.uploadId() == null || uploadRows.find(d.uploadId()).filter(Upload::complete).isEmpty()) {
            throw new DomainException("contests.entry.file", "작품 파일을 올리고 검사가 끝난 뒤에 다음 단계로 갈 수 있습니다.");
        }
        drafts.saveWork(d.id(), title, description, ai, licence, lyrics, in.rightsStatement());
    }

    @Transactional
    public void saveConsents(String draftId, long contestId, boolean privacy, boolean usage, boolean guardian) {
        Draft d = draft(draftId, contestId);
        if (!privacy) {
            throw new DomainException("contests.entry.consent-privacy", "개인정보 수집·이용에 동의해야 응모할 수 있습니다.");
        }
        if (!usage) {
            throw new DomainException("contests.entry.consent-usage", "수상작 공개·이용 허락에 동의해야 응모할 수 있습니다.");
        }
        if (guardianRequired(d) && !guardian) {
            throw new DomainException("contests.entry.consent-guardian", "법정대리인(보호자)의 동의가 필요합니다.");
        }
        drafts.saveConsents(d.id(), true, true, guardian);
    }

    public record Review(String basisLabel, String maskedName, String maskedPhone, String maskedEmail, boolean guardian,
                         String maskedGuardian, String title, String description, String aiService, String aiLicence,
                         String lyrics, Upload upload) {
    }

    public Review review(String draftId, long contestId) {
        Draft d = draft(draftId, contestId);
        Upload u = d.uploadId() == null ? null : uploadRows.find(d.uploadId()).orElse(null);
        String basis = d.eligibilityBasis() == null ? "-" : switch (d.eligibilityBasis()) {
            case "RESIDENT" -> "금천구 거주";
            case "WORKER" -> "금천구 소재 직장·학교";
            default -> "해당 없음(누구나 응모)";
        };
        return new Review(basis, d.nameEnc() == null ? "-" : Masking.name(cipher.decrypt(d.nameEnc())),
                d.phoneEnc() == null ? "-" : Masking.phone(cipher.decrypt(d.phoneEnc())),
                d.emailEnc() == null ? "" : Masking.email(cipher.decrypt(d.emailEnc())), d.guardianNameEnc() != null,
                d.guardianNameEnc() == null ? "" : Masking.name(cipher.decrypt(d.guardianNameEnc())), d.title(),
                d.description(), d.aiService(), d.aiLicence(), d.lyrics(), u);
    }

    public record Receipt(long entryId, String receiptNo, String maskedPhone) {
    }

    /**
     * Turns the draft into an entry: all steps done, still inside the entry period, within the per-person limit,
     * not the same file twice. One transaction; the draft is gone afterwards (a second submit finds nothing).
     */
    @Transactional
    public Receipt submit(String draftId, long contestId) {
        Contest c = contests.lock(contestId);
        Instant now = clock.instant();
        Draft d = drafts.lock(draftId).filter(x -> x.contestId() == contestId).orElseThrow(() -> new DomainException(
                DomainException.Kind.CONFLICT, "contests.draft.missing", "이미 제출했거나 응모서를 찾을 수 없습니다."));
        c.requireAcceptingEntries(now);
        if (!d.eligibilityDone() || !d.entrantDone() || !d.workDone() || !d.consentsDone()) {
            throw new DomainException("contests.entry.incomplete", "응모서의 모든 단계를 마쳐야 제출할 수 있습니다.");
        }
        boolean guardian = guardianRequired(d);
        if (guardian && (!d.consentGuardian() || d.guardianNameEnc() == null)) {
            throw new DomainException("contests.entry.consent-guardian", "법정대리인(보호자)의 동의가 필요합니다.");
        }
        Upload u = uploadRows.find(d.uploadId()).filter(Upload::complete).orElseThrow(() -> new DomainException(
                "contests.entry.file", "작품 파일을 다시 올려 주세요."));
        if (!c.def().formats().contains(u.format())) {
            throw new DomainException("contests.entry.file", "이 공모전이 받지 않는 형식의 파일입니다. 다시 올려 주세요.");
        }
        if (entries.countByPhone(contestId, d.phoneHash()) >= c.def().maxEntriesPerPerson()) {
            throw DomainException.conflict("contests.entry.limit", "한 사람당 " + c.def().maxEntriesPerPerson()
                    + "편까지 응모할 수 있습니다. 이미 그만큼 응모했습니다.");
        }
        if (entries.sameFileEntered(contestId, u.mediaSha256())) {
            throw DomainException.conflict("contests.entry.duplicate-file",
                    "이미 이 공모전에 응모된 작품과 똑같은 파일입니다. 같은 작품은 한 번만 응모할 수 있습니다.");
        }
        String name = cipher.decrypt(d.nameEnc());
        String phone = cipher.decrypt(d.phoneEnc());
        String email = d.emailEnc() == null ? null : cipher.decrypt(d.emailEnc());
        int age = age(LocalDate.parse(cipher.decrypt(d.birthDateEnc())));
        String receipt = prefix(c.kind()) + "-" + c.id() + "-" + String.format("%04d", entries.nextSequence(contestId));
        long entryId;
        try {
            entryId = entries.insert(new EntryRepository.NewEntry(contestId, receipt, d.title(),
                    d.description() == null ? "" : d.description(), d.eligibilityBasis(), d.nameEnc(),
                    cipher.lookupHash(name.strip()), d.phoneEnc(), d.phoneHash(), d.emailEnc(),
                    email == null ? null : cipher.lookupHash(email), d.birthDateEnc(), age < ADULT_AGE,
                    d.guardianNameEnc(), d.guardianPhoneEnc(), d.aiService(), d.aiLicence(), d.lyrics(), u, now));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("contests.entry.duplicate-file",
                    "이미 이 공모전에 응모된 작품과 똑같은 파일입니다. 같은 작품은 한 번만 응모할 수 있습니다.");
        }
        entries.insertConsent(entryId, "PRIVACY", CONSENT_VERSION, now);
        entries.insertConsent(entryId, "USAGE_RIGHTS", CONSENT_VERSION, now);
        if (c.kind().needsAiDeclaration()) {
            entries.insertConsent(entryId, "AI_RIGHTS", CONSENT_VERSION, now);
        }
        if (guardian) {
            entries.insertConsent(entryId, "GUARDIAN", CONSENT_VERSION, now);
        }
        flagNearDuplicates(contestId, entryId, u);
        uploadRows.delete(u.id());
        drafts.delete(d.id());
        String masked = Masking.phone(phone);
        audit.recordAs("resident:" + masked, "contests.entry.submitted", "contests.entry", entryId,
                c.title() + " 응모 접수 " + receipt);
        notifications.send(Notification.sms(phone, "[금천구] " + c.title() + " 응모가 접수되었습니다. 접수번호 " + receipt
                        + " (현황 확인: 누리집 공모전 > 응모 현황)", "contests.receipt")
                .withIdempotencyKey("contests.receipt." + receipt));
        events.publishEvent(new EntrySubmitted(entryId, contestId));
        return new Receipt(entryId, receipt, masked);
    }

    private void flagNearDuplicates(long contestId, long entryId, Upload u) {
        if (u.phash() != null) {
            for (NearDuplicates.Match m : nearDuplicates.find(contestId, u.phash(), false, entryId)) {
                entries.insertSimilarity(contestId, entryId, m.entryId(), "PHOTO", m.distance());
            }
        }
    }

    static String prefix(ContestKind kind) {
        return switch (kind) {
            case SONG -> "BS";
            case PHOTO -> "PH";
            case SHORT_VIDEO -> "SV";
            case OTHER -> "CT";
        };
    }

    // ------------------------------------------------------------------ status page

    /**
     * Sends a one-time code to the phone or e-mail given with the entry. The answer does not reveal whether the
     * receipt number exists or the contact matched.
     */
    @Transactional
    public void requestStatusCode(String receiptNo, String contact) {
        Optional<Entry> e = entries.byReceipt(receiptNo == null ? "" : receiptNo.strip().toUpperCase());
        String destination = matchingContact(e, contact);
        if (destination != null) {
            codes.issue(OTP_STATUS, destination);
        }
    }

    /** Checks the code; returns the entry id for the status page. */
    @Transactional(noRollbackFor = DomainException.class)
    public long verifyStatusCode(String receiptNo, String contact, String code) {
        Optional<Entry> e = entries.byReceipt(receiptNo == null ? "" : receiptNo.strip().toUpperCase());
        String destination = matchingContact(e, contact);
        if (destination == null) {
            throw new DomainException("contests.status.no-match", "접수번호와 연락처가 맞지 않습니다.");
        }
        codes.verify(OTP_STATUS, destination, code);
        return e.orElseThrow().id();
    }

    private String matchingContact(Optional<Entry> e, String contact) {
        if (e.isEmpty() || contact == null || contact.isBlank()) {
            return null;
        }
        Entry entry = e.get();
        if (contact.contains("@")) {
            if (entry.emailEnc() == null) {
                return null;
            }
            String email = EmailAddress.isValid(contact.strip().toLowerCase()) ? contact.strip().toLowerCase() : null;
            return email != null && email.equals(cipher.decrypt(entry.emailEnc())) ? email : null;
        }
        var p = PhoneNumber.tryParse(contact);
        if (!p.valid()) {
            return null;
        }
        return p.number().digits().equals(cipher.decrypt(entry.phoneEnc())) ? p.number().digits() : null;
    }

    public record StatusView(long entryId, String receiptNo, String contestTitle, long contestId, String title,
                             Instant submittedAt, String state, String mediaSummary, String maskedName,
                             String maskedPhone, boolean canWithdraw, String award) {
    }

    /** What the entrant sees after verifying; logged as an access to personal data. */
    @Transactional
    public StatusView status(long entryId) {
        Entry e = entries.get(entryId);
        Contest c = contests.get(e.contestId());
        String award = entries.award(entryId).orElse(null);
        String state;
        if (e.status() != EntryStatus.SUBMITTED) {
            state = e.status().label() + (e.statusReason() == null ? "" : " — " + e.statusReason());
        } else if (c.status() == ContestStatus.ANNOUNCED) {
            state = award == null ? "결과 발표: 아쉽게도 수상작으로 선정되지 않았습니다." : "결과 발표: " + award + " 수상";
        } else if (c.status() == ContestStatus.JUDGING || c.status() == ContestStatus.AWARDED) {
            state = "심사 중";
        } else {
            state = "접수 완료";
        }
        audit.recordAccess("contests.entry", entryId, "응모자 본인 응모 현황 조회(접수번호+인증번호)");
        return new StatusView(e.id(), e.receiptNo(), c.title(), c.id(), e.title(), e.submittedAt(), state,
                e.media().summary(), Masking.name(cipher.decrypt(e.nameEnc())), Masking.phone(cipher.decrypt(e.phoneEnc())),
                e.status() == EntryStatus.SUBMITTED && c.status() == ContestStatus.OPEN,
                c.status() == ContestStatus.ANNOUNCED ? award : null);
    }

    @Transactional
    public void withdraw(long entryId) {
        Entry e = entries.get(entryId);
        Contest c = contests.lock(e.contestId());
        if (e.status() != EntryStatus.SUBMITTED || c.status() != ContestStatus.OPEN) {
            throw DomainException.conflict("contests.entry.withdraw", "심사가 시작된 뒤에는 응모를 철회할 수 없습니다.");
        }
        entries.setStatus(entryId, EntryStatus.WITHDRAWN, "응모자 본인 철회");
        audit.recordAs("resident:" + Masking.phone(cipher.decrypt(e.phoneEnc())), "contests.entry.withdrawn",
                "contests.entry", entryId, e.receiptNo() + " 응모 철회");
    }
}
