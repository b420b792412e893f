package kr.sotong.press;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.sotong.platform.AuditLog;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.Spreadsheets;
import kr.sotong.platform.StaffDirectory;
import kr.sotong.platform.StoredFile;
import kr.sotong.platform.UploadPolicy;
import kr.sotong.shared.DomainException;
import kr.sotong.shared.EmailAddress;
import kr.sotong.shared.Masking;
import kr.sotong.shared.PhoneNumber;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Press contacts: outlets (중앙지/지역지/인터넷/방송/통신사, with the local-press register), reporters with
 * beats and opt-in, distribution lists, contact history, bounces, XLSX import (preview first, all or
 * nothing) and export. Reporters' names, e-mails and phones are encrypted at rest, shown masked, and
 * every clear view or export is written to the access log.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('PRESS','DIRECTOR','ADMIN')")
public class PressContacts {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

    private final ContactRepository repo;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final FileStore files;
    private final UploadPolicy uploads;
    private final Clock clock;

    PressContacts(ContactRepository repo, PersonalDataCipher cipher, AuditLog audit, StaffDirectory staff, FileStore files,
                  UploadPolicy uploads, Clock clock) {
        this.repo = repo;
        this.cipher = cipher;
        this.audit = audit;
        this.staff = staff;
        this.files = files;
        this.uploads = uploads;
        this.clock = clock;
    }

    // ---------- outlets ----------

    public List<Contacts.Outlet> outlets() {
        return repo.outlets();
    }

    public Contacts.Outlet outlet(long id) {
        return repo.outlet(id).orElseThrow(() -> DomainException.notFound("언론사", id));
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addOutlet(Contacts.OutletInput in) {
        Contacts.OutletInput clean = clean(in);
        if (repo.outletByName(clean.name()).isPresent()) {
            throw DomainException.conflict("press.outlet.duplicate", "이미 등록된 언론사입니다: " + clean.name());
        }
        long id = repo.insertOutlet(clean);
        audit.record("press.outlet.add", "PressOutlet", id, clean.name() + " (" + clean.kind().label() + ")");
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void updateOutlet(long id, Contacts.OutletInput in, boolean active) {
        outlet(id);
        Contacts.OutletInput clean = clean(in);
        repo.outletByName(clean.name()).filter(o -> o.id() != id).ifPresent(o -> {
            throw DomainException.conflict("press.outlet.duplicate", "이미 등록된 언론사입니다: " + clean.name());
        });
        repo.updateOutlet(id, clean, active);
        audit.record("press.outlet.update", "PressOutlet", id, clean.name() + (active ? "" : " (사용 안 함)"));
    }

    private static Contacts.OutletInput clean(Contacts.OutletInput in) {
        String name = Texts.required("언론사 이름", in.name(), 100);
        if (in.kind() == null) {
            throw new DomainException("press.outlet.kind", "매체 구분(중앙지/지역지/인터넷/방송/통신사)을 고르세요.");
        }
        Texts.optional("누리집", in.website(), 300);
        if (in.website() != null && !in.website().isBlank() && !in.website().strip().matches("(?i)https?://\\S+")) {
            throw new DomainException("press.outlet.website", "누리집 주소는 http:// 또는 https://로 시작해야 합니다.");
        }
        String phone = null;
        if (in.phone() != null && !in.phone().isBlank()) {
            phone = PhoneNumber.parse(in.phone()).formatted();
        }
        Texts.optional("주소", in.address(), 300);
        Texts.optional("비고", in.note(), 500);
        return new Contacts.OutletInput(name, in.kind(), in.localPress(), Texts.blankToNull(in.website()), phone,
                Texts.blankToNull(in.address()), Texts.blankToNull(in.note()));
    }

    // ---------- reporters ----------

    public List<Contacts.Reporter> reporters(Long outletId, String listCode) {
        return repo.reporters(outletId, listCode);
    }

    public Contacts.Reporter reporter(long id) {
        return repo.reporter(id).orElseThrow(() -> DomainException.notFound("기자", id));
    }

    /** The reporter's name, e-mail and phone in clear; written to the access log with the purpose. */
    @Transactional
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR')")
    public Contacts.ReporterDetail reveal(long id, String purpose) {
        Contacts.Reporter r = reporter(id);
        ContactRepository.Cipher c = repo.cipherText(id).orElseThrow();
        audit.recordAccess("PressReporter", id, purpose == null || purpose.isBlank() ? "기자 연락처 열람" : purpose);
        return new Contacts.ReporterDetail(r, cipher.decrypt(c.nameEnc()), cipher.decrypt(c.emailEnc()),
                c.phoneEnc() == null ? null : cipher.decrypt(c.phoneEnc()));
    }

    public List<Contacts.History> history(long reporterId) {
        return repo.history(reporterId);
    }

    public List<String> listsOf(long reporterId) {
        return repo.listsOf(reporterId);
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public long addReporter(Contacts.Input in) {
        outlet(in.outletId());
        ContactRepository.Encrypted e = encrypt(in);
        if (repo.emailHashExists(e.emailHash(), null)) {
            throw DomainException.conflict("press.reporter.duplicate", "같은 이메일의 기자가 이미 등록되어 있습니다.");
        }
        String beat = Texts.optional("출입처", in.beat(), 100);
        long id = repo.insertReporter(in.outletId(), e, beat, in.optIn(), clock.instant());
        repo.history(id, "등록", in.optIn() ? "보도자료 수신 동의" : "수신 동의 안 함", staff.currentActor(), clock.instant());
        audit.record("press.reporter.add", "PressReporter", id, e.nameMasked() + " / " + e.emailMasked());
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void updateReporter(long id, int lockVersion, Contacts.Input in, boolean active) {
        Contacts.Reporter before = reporter(id);
        outlet(in.outletId());
        ContactRepository.Encrypted e = encrypt(in);
        if (repo.emailHashExists(e.emailHash(), id)) {
            throw DomainException.conflict("press.reporter.duplicate", "같은 이메일의 기자가 이미 등록되어 있습니다.");
        }
        String beat = Texts.optional("출입처", in.beat(), 100);
        if (!repo.updateReporter(id, lockVersion, in.outletId(), e, beat, in.optIn(), active)) {
            throw DomainException.conflict("press.reporter.stale", "다른 사용자가 먼저 수정했습니다. 새로 고친 뒤 다시 입력하세요.");
        }
        if (before.optIn() != in.optIn()) {
            repo.history(id, "수신 동의", in.optIn() ? "수신 동의" : "수신 거부", staff.currentActor(), clock.instant());
        }
        audit.record("press.reporter.update", "PressReporter", id, e.nameMasked() + (active ? "" : " (사용 안 함)"));
    }

    private ContactRepository.Encrypted encrypt(Contacts.Input in) {
        String name = Texts.required("기자명", in.name(), 50);
        String email = EmailAddress.normalise(in.email());
        String phone = null;
        if (in.phone() != null && !in.phone().isBlank()) {
            phone = PhoneNumber.parse(in.phone()).formatted();
        }
        return encrypt(name, email, phone);
    }

    private ContactRepository.Encrypted encrypt(String name, String email, String phone) {
        return new ContactRepository.Encrypted(cipher.encrypt(name), Masking.name(name), cipher.encrypt(email),
                cipher.lookupHash(email), Masking.email(email), phone == null ? null : cipher.encrypt(phone),
                phone == null ? null : Masking.phone(phone));
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void addHistory(long reporterId, String kind, String note) {
        reporter(reporterId);
        String k = Texts.required("구분", kind, 20);
        String n = Texts.required("내용", note, 1000);
        repo.history(reporterId, k, n, staff.currentActor(), clock.instant());
        audit.record("press.reporter.history", "PressReporter", reporterId, k);
    }

    /**
     * A bounce reported by staff (the 반송 notice arrived in the office mailbox): the reporter receives
     * nothing more until the bounce is cleared.
     */
    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void markBounced(long reporterId, String reason) {
        reporter(reporterId);
        String r = Texts.required("반송 사유", reason, 500);
        repo.markBounced(reporterId, r, clock.instant());
        repo.history(reporterId, "반송", r, staff.currentActor(), clock.instant());
        audit.record("press.reporter.bounce", "PressReporter", reporterId, r);
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void clearBounce(long reporterId) {
        reporter(reporterId);
        repo.clearBounce(reporterId);
        repo.history(reporterId, "반송 해제", "다시 발송 대상", staff.currentActor(), clock.instant());
        audit.record("press.reporter.bounce-clear", "PressReporter", reporterId, "반송 해제");
    }

    // ---------- lists ----------

    public List<Contacts.ContactList> lists() {
        return repo.lists();
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void addList(String code, String name, String description) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z][A-Z0-9_-]{1,39}")) {
            throw new DomainException("press.list.code", "목록 코드는 영문 대문자로 시작하는 2~40자(영문 대문자·숫자·-·_)여야 합니다.");
        }
        if (repo.listExists(c)) {
            throw DomainException.conflict("press.list.duplicate", "이미 있는 목록 코드입니다: " + c);
        }
        repo.insertList(c, Texts.required("목록 이름", name, 100), Texts.optional("설명", description, 300));
        audit.record("press.list.add", "PressContactList", c, name);
    }

    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public void setMembership(String listCode, long reporterId, boolean member) {
        requireLists(List.of(listCode));
        reporter(reporterId);
        repo.setMembership(listCode, reporterId, member);
        audit.record("press.list.member", "PressContactList", listCode, (member ? "추가 " : "제외 ") + reporterId);
    }

    private void requireLists(List<String> codes) {
        for (String c : codes) {
            if (!repo.listExists(c)) {
                throw new DomainException("press.list.unknown", "없는 배포 목록입니다: " + c, c);
            }
        }
    }

    // ---------- XLSX import ----------

    /** One row of the import preview, masked. {@code status}: OK, ERROR, DUPLICATE_FILE, DUPLICATE_EXISTING. */
    public record PreviewRow(int rowNumber, String outlet, String kind, String nameMasked, String emailMasked,
                             String phoneMasked, String beat, boolean optIn, String status, List<String> messages) {
    }

    /** @param fileKey the stored file to import after confirmation (its SHA-256) */
    public record Preview(String fileKey, String fileName, List<PreviewRow> rows, int ok, int errors, int duplicates,
                          int newOutlets) {

        public boolean importable() {
            return errors == 0 && ok > 0;
        }
    }

    /** Stores the upload and checks every row; nothing is saved to the contacts. */
    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public Preview previewImport(InputStream content, String fileName) {
        StoredFile f = files.store(content, fileName, MAX_IMPORT_BYTES);
        uploads.check(f, Set.of(XLSX));
        return preview(f);
    }

    private Preview preview(StoredFile f) {
        List<ContactSheet.Parsed> parsed;
        try (InputStream in = files.open(f.sha256())) {
            parsed = ContactSheet.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> firstRowByEmail = new HashMap<>();
        Set<String> newOutlets = new HashSet<>();
        List<PreviewRow> rows = new ArrayList<>();
        int ok = 0;
        int errors = 0;
        int duplicates = 0;
        for (ContactSheet.Parsed p : parsed) {
            List<String> messages = new ArrayList<>(p.errors());
            String status = messages.isEmpty() ? "OK" : "ERROR";
            if (p.errors().isEmpty()) {
                boolean outletExists = repo.outletByName(p.outlet()).isPresent();
                if (!outletExists && p.kind() == null) {
                    messages.add("새 언론사 '" + p.outlet() + "'의 매체구분을 적어 주세요.");
                    status = "ERROR";
                } else if (!outletExists) {
                    newOutlets.add(p.outlet());
                }
            }
            if (p.email() != null) {
                Integer first = firstRowByEmail.putIfAbsent(p.email(), p.rowNumber());
                if (first != null) {
                    messages.add(first + "행과 이메일이 같습니다(파일 안 중복).");
                    status = "ERROR";
                } else if ("OK".equals(status) && repo.emailHashExists(cipher.lookupHash(p.email()), null)) {
                    messages.add("이미 등록된 기자입니다. 가져오지 않고 건너뜁니다.");
                    status = "DUPLICATE_EXISTING";
                }
            }
            switch (status) {
                case "OK" -> ok++;
                case "DUPLICATE_EXISTING" -> duplicates++;
                default -> errors++;
            }
            rows.add(new PreviewRow(p.rowNumber(), p.outlet(), p.kind() == null ? p.kindText() : p.kind().label(),
                    p.name().isBlank() ? "" : Masking.name(p.name()), p.email() == null ? "" : Masking.email(p.email()),
                    p.phone() == null ? "" : Masking.phone(p.phone()), p.beat(), p.optIn(), status, List.copyOf(messages)));
        }
        if (rows.isEmpty()) {
            throw new DomainException("press.import.empty", "가져올 행이 없습니다. 제목 행 아래에 기자를 적어 주세요.");
        }
        return new Preview(f.sha256(), f.originalName(), rows, ok, errors, duplicates, newOutlets.size());
    }

    /**
     * Imports a previewed file in one transaction: refused as a whole when any row has an error;
     * reporters already registered are skipped. Returns how many were added.
     */
    @Transactional
    @PreAuthorize("hasRole('PRESS')")
    public int confirmImport(String fileKey) {
        StoredFile f = files.find(fileKey == null ? "" : fileKey)
                .orElseThrow(() -> DomainException.notFound("가져올 파일", fileKey));
        uploads.check(f, Set.of(XLSX));
        Preview p = preview(f);
        if (p.errors() > 0) {
            throw new DomainException("press.import.has-errors",
                    "오류가 있는 행이 " + p.errors() + "개 있어 아무것도 저장하지 않았습니다. 파일을 고쳐 다시 올려 주세요.");
        }
        List<ContactSheet.Parsed> parsed;
        try (InputStream in = files.open(f.sha256())) {
            parsed = ContactSheet.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int added = 0;
        String actor = staff.currentActor();
        for (ContactSheet.Parsed row : parsed) {
            ContactRepository.Encrypted e = encrypt(row.name(), row.email(), row.phone());
            if (repo.emailHashExists(e.emailHash(), null)) {
                continue;
            }
            long outletId = repo.outletByName(row.outlet()).map(Contacts.Outlet::id)
                    .orElseGet(() -> repo.insertOutlet(new Contacts.OutletInput(row.outlet(), row.kind(),
                            row.kind() == OutletKind.LOCAL, null, null, null, "엑셀 가져오기로 등록")));
            long id = repo.insertReporter(outletId, e, row.beat(), row.optIn(), clock.instant());
            repo.history(id, "등록", "엑셀 가져오기 (" + f.originalName() + " " + row.rowNumber() + "행)", actor, clock.instant());
            added++;
        }
        audit.record("press.reporter.import", "PressReporter", f.sha256().substring(0, 12),
                f.originalName() + ": " + added + "명 추가, " + p.duplicates() + "명 중복 건너뜀");
        return added;
    }

    // ---------- XLSX export ----------

    /** All reporters with personal data in clear (for the office's own address book); access-logged. */
    @Transactional
    @PreAuthorize("hasAnyRole('PRESS','DIRECTOR')")
    public byte[] exportXlsx(String purpose) {
        List<ContactRepository.ExportRow> rows = repo.exportRows();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("기자 연락처");
            Row h = sheet.createRow(0);
            List<String> headers = new ArrayList<>(ContactSheet.HEADERS);
            headers.add("상태");
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            int n = 1;
            for (ContactRepository.ExportRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(Spreadsheets.safeText(r.outletName()));
                row.createCell(1).setCellValue(r.kind().label());
                row.createCell(2).setCellValue(Spreadsheets.safeText(cipher.decrypt(r.nameEnc())));
                row.createCell(3).setCellValue(Spreadsheets.safeText(cipher.decrypt(r.emailEnc())));
                row.createCell(4).setCellValue(r.phoneEnc() == null ? "" : Spreadsheets.safeText(cipher.decrypt(r.phoneEnc())));
                row.createCell(5).setCellValue(r.beat() == null ? "" : Spreadsheets.safeText(r.beat()));
                row.createCell(6).setCellValue(r.optIn() ? "Y" : "N");
                row.createCell(7).setCellValue(!r.active() ? "사용 안 함" : r.bouncedAt() != null ? "반송" : "정상");
            }
            wb.write(out);
            audit.recordAccess("PressReporter", "all", (purpose == null || purpose.isBlank() ? "기자 연락처 엑셀 내려받기"
                    : purpose) + " (" + rows.size() + "명)");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
