package kr.sotong.press;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import kr.dogfoot.hwpxlib.object.HWPXFile;
import kr.dogfoot.hwpxlib.object.content.section_xml.SectionXMLFile;
import kr.dogfoot.hwpxlib.object.content.section_xml.SubList;
import kr.dogfoot.hwpxlib.object.content.section_xml.enumtype.HeightRelTo;
import kr.dogfoot.hwpxlib.object.content.section_xml.enumtype.HorzRelTo;
import kr.dogfoot.hwpxlib.object.content.section_xml.enumtype.VertRelTo;
import kr.dogfoot.hwpxlib.object.content.section_xml.enumtype.WidthRelTo;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.Para;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.Run;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.Table;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.table.Tc;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.table.Tr;
import kr.dogfoot.hwpxlib.tool.blankfilemaker.BlankFileMaker;
import kr.dogfoot.hwpxlib.writer.HWPXWriter;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.PdfRenderer;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The standard Korean government press-release layout as HWPX (hwpxlib), PDF (platform renderer over a
 * Thymeleaf template, so every typed character is escaped) and plain-text e-mail.
 */
@Component
class ReleaseDocuments {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy. M. d.");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** Photos larger than this are listed by caption in the PDF instead of embedded. */
    static final long MAX_EMBEDDED_PHOTO_BYTES = 8L * 1024 * 1024;
    static final int MAX_EMBEDDED_PHOTOS = 6;

    private final ITemplateEngine templates;
    private final PdfRenderer pdf;
    private final FileStore files;

    ReleaseDocuments(ITemplateEngine templates, PdfRenderer pdf, FileStore files) {
        this.templates = templates;
        this.pdf = pdf;
        this.files = files;
    }

    /** A photo in the PDF: its caption and, when embedded, a data URI of the stored JPEG/PNG. */
    record PdfPhoto(String caption, String dataUri) {
    }

    /** "2025. 6. 10.(화) 06:00". */
    static String koreanDateTime(Instant t) {
        if (t == null) {
            return "";
        }
        var z = t.atZone(SEOUL);
        return DAY.format(z) + "(" + z.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.KOREAN) + ") " + TIME.format(z);
    }

    /** The text content in print order: header, title block, body, contact table, attachments. */
    record Layout(String department, String distribution, String embargo, String title, List<String> subtitles,
                  List<String> body, List<String[]> contact, List<String> attachments, String correctionNote,
                  boolean correction, List<ReleaseFile> photos) {
    }

    static Layout layout(ReleaseView.Revision r, List<ReleaseFile> files, boolean correction) {
        List<String> subtitles = r.subtitle() == null || r.subtitle().isBlank() ? List.of()
                : r.subtitle().lines().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("-") ? s : "- " + s + " -").toList();
        List<String> body = r.body().lines().map(String::stripTrailing).toList();
        List<String[]> contact = List.of(
                new String[] {"담당 부서", nz(r.department())},
                new String[] {"책임자", nz(r.responsible())},
                new String[] {"담당자", nz(r.contactName())},
                new String[] {"전화", nz(r.contactPhone())});
        List<String> attachments = files.stream().filter(f -> !f.photo()).map(ReleaseFile::fileName).toList();
        return new Layout(nz(r.department()), koreanDateTime(r.distributeAt()), koreanDateTime(r.embargoUntil()) + " 이후 보도",
                r.title(), subtitles, body, contact, attachments, r.correctionNote(), correction,
                files.stream().filter(ReleaseFile::photo).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---------- plain text (e-mail) ----------

    static String mailText(Layout l) {
        StringBuilder sb = new StringBuilder();
        sb.append(l.correction() ? "정 정 보 도 자 료\n" : "보 도 자 료\n");
        sb.append("배포 일시: ").append(l.distribution()).append('\n');
        sb.append("보도 시점: ").append(l.embargo()).append("  (엠바고: 이 시각 전에는 보도하지 말아 주십시오)\n");
        sb.append('\n').append(l.title()).append('\n');
        l.subtitles().forEach(s -> sb.append(s).append('\n'));
        if (l.correctionNote() != null && !l.correctionNote().isBlank()) {
            sb.append("\n※ 정정 내용: ").append(l.correctionNote()).append('\n');
        }
        sb.append('\n');
        l.body().forEach(s -> sb.append(s).append('\n'));
        sb.append('\n');
        for (String[] c : l.contact()) {
            sb.append(c[0]).append(": ").append(c[1]).append('\n');
        }
        if (!l.attachments().isEmpty()) {
            sb.append("\n붙임\n");
            for (int i = 0; i < l.attachments().size(); i++) {
                sb.append("  ").append(i + 1).append(". ").append(l.attachments().get(i)).append('\n');
            }
        }
        return sb.toString();
    }

    // ---------- PDF ----------

    byte[] pdf(Layout l) {
        Context ctx = new Context(Locale.KOREAN);
        ctx.setVariable("l", l);
        ctx.setVariable("photos", pdfPhotos(l.photos()));
        return pdf.render(templates.process("press/release-pdf", ctx));
    }

    private List<PdfPhoto> pdfPhotos(List<ReleaseFile> photos) {
        List<PdfPhoto> out = new java.util.ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            ReleaseFile f = photos.get(i);
            String caption = "사진 " + (i + 1) + ". " + (f.caption() == null ? f.fileName() : f.caption());
            boolean embeddable = i < MAX_EMBEDDED_PHOTOS && f.sizeBytes() <= MAX_EMBEDDED_PHOTO_BYTES
                    && ("image/jpeg".equals(f.mediaType()) || "image/png".equals(f.mediaType()));
            String uri = null;
            if (embeddable) {
                try (java.io.InputStream in = files.open(f.sha256())) {
                    uri = "data:" + f.mediaType() + ";base64," + java.util.Base64.getEncoder().encodeToString(in.readAllBytes());
                } catch (java.io.IOException | RuntimeException e) {
                    uri = null; // a missing file leaves the caption in the document rather than failing the export
                }
            }
            out.add(new PdfPhoto(caption, uri));
        }
        return out;
    }

    // ---------- HWPX ----------

    static byte[] hwpx(Layout l) {
        try {
            HWPXFile file = BlankFileMaker.make();
            SectionXMLFile section = file.sectionXMLFileList().get(0);
            para(section.addNewPara(), l.correction() ? "정 정 보 도 자 료" : "보 도 자 료");
            para(section.addNewPara(), "배포 일시: " + l.distribution());
            para(section.addNewPara(), "보도 시점: " + l.embargo());
            para(section.addNewPara(), "");
            para(section.addNewPara(), l.title());
            for (String s : l.subtitles()) {
                para(section.addNewPara(), s);
            }
            if (l.correctionNote() != null && !l.correctionNote().isBlank()) {
                para(section.addNewPara(), "※ 정정 내용: " + l.correctionNote());
            }
            para(section.addNewPara(), "");
            for (String s : l.body()) {
                para(section.addNewPara(), s);
            }
            para(section.addNewPara(), "");
            contactTable(section.addNewPara(), l.contact());
            if (!l.attachments().isEmpty()) {
                para(section.addNewPara(), "붙임");
                for (int i = 0; i < l.attachments().size(); i++) {
                    para(section.addNewPara(), "  " + (i + 1) + ". " + l.attachments().get(i));
                }
            }
            if (!l.photos().isEmpty()) {
                para(section.addNewPara(), "사진 (원본 파일은 보도자료와 함께 배포)");
                for (int i = 0; i < l.photos().size(); i++) {
                    ReleaseFile p = l.photos().get(i);
                    para(section.addNewPara(), "  사진 " + (i + 1) + ". " + (p.caption() == null ? "" : p.caption())
                            + " (" + p.fileName() + ")");
                }
            }
            return HWPXWriter.toBytes(file);
        } catch (Exception e) {
            throw new IllegalStateException("HWPX 문서를 만들지 못했습니다: " + e.getMessage(), e);
        }
    }

    private static void para(Para p, String text) {
        p.idAnd("0").paraPrIDRefAnd("0").styleIDRefAnd("0").pageBreakAnd(false).columnBreakAnd(false).mergedAnd(false);
        Run run = p.addNewRun();
        run.charPrIDRefAnd("0");
        run.addNewT().addText(text);
    }

    private static final long TABLE_WIDTH = 42520;
    private static final long ROW_HEIGHT = 1800;

    /** The 담당 부서 / 책임자 / 담당자 / 전화 table: one header row and one value row. */
    private static void contactTable(Para p, List<String[]> contact) {
        p.idAnd("0").paraPrIDRefAnd("0").styleIDRefAnd("0").pageBreakAnd(false).columnBreakAnd(false).mergedAnd(false);
        Run run = p.addNewRun();
        run.charPrIDRefAnd("0");
        Table t = run.addNewTable();
        t.idAnd("1000").zOrderAnd(0);
        t.rowCnt((short) 2);
        t.colCnt((short) contact.size());
        t.cellSpacing(0);
        t.borderFillIDRef("1");
        t.noAdjust(false);
        t.repeatHeader(true);
        t.createSZ();
        t.sz().width(TABLE_WIDTH);
        t.sz().widthRelTo(WidthRelTo.ABSOLUTE);
        t.sz().height(ROW_HEIGHT * 2);
        t.sz().heightRelTo(HeightRelTo.ABSOLUTE);
        t.sz().protect(false);
        t.createPos();
        t.pos().treatAsChar(true);
        t.pos().affectLSpacing(false);
        t.pos().flowWithText(true);
        t.pos().allowOverlap(false);
        t.pos().holdAnchorAndSO(false);
        t.pos().vertRelTo(VertRelTo.PARA);
        t.pos().horzRelTo(HorzRelTo.PARA);
        t.pos().vertOffset(0L);
        t.pos().horzOffset(0L);
        t.createOutMargin();
        t.outMargin().left(0L);
        t.outMargin().right(0L);
        t.outMargin().top(0L);
        t.outMargin().bottom(0L);
        t.createInMargin();
        t.inMargin().left(510L);
        t.inMargin().right(510L);
        t.inMargin().top(141L);
        t.inMargin().bottom(141L);
        long cellWidth = TABLE_WIDTH / contact.size();
        for (int row = 0; row < 2; row++) {
            Tr tr = t.addNewTr();
            for (int col = 0; col < contact.size(); col++) {
                Tc tc = tr.addNewTc();
                tc.name("");
                tc.header(row == 0);
                tc.hasMargin(false);
                tc.protect(false);
                tc.editable(false);
                tc.dirty(false);
                tc.borderFillIDRef("1");
                tc.createSubList();
                SubList sub = tc.subList();
                sub.id("");
                sub.textWidth((int) cellWidth);
                sub.textHeight((int) ROW_HEIGHT);
                sub.hasTextRef(false);
                sub.hasNumRef(false);
                para(sub.addNewPara(), contact.get(col)[row]);
                tc.createCellAddr();
                tc.cellAddr().colAddr((short) col);
                tc.cellAddr().rowAddr((short) row);
                tc.createCellSpan();
                tc.cellSpan().colSpan((short) 1);
                tc.cellSpan().rowSpan((short) 1);
                tc.createCellSz();
                tc.cellSz().width(cellWidth);
                tc.cellSz().height(ROW_HEIGHT);
                tc.createCellMargin();
                tc.cellMargin().left(510L);
                tc.cellMargin().right(510L);
                tc.cellMargin().top(141L);
                tc.cellMargin().bottom(141L);
            }
        }
        run.addNewT();
    }
}
