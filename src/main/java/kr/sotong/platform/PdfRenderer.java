package kr.sotong.platform;

/**
 * Renders XHTML to PDF with a Korean font embedded. The font is looked up in {@code sotong.pdf.font-path}
 * and common system locations (Debian fonts-nanum, fonts-noto-cjk); when none is found, rendering fails
 * with a Korean message naming the package to install.
 */
public interface PdfRenderer {

    /** @param xhtml an HTML document (parsed leniently); use font-family "Korean" in CSS (it is registered) */
    byte[] render(String xhtml);
}
