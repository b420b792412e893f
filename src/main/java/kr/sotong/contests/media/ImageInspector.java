package kr.sotong.contests.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photos: structure and declared size first (the decompression-bomb guard runs before any pixel is decoded),
 * then EXIF (metadata-extractor), then a subsampled decode (ImageIO) for the perceptual hash and a public copy
 * without metadata (JPEG, at most {@code publicMaxSide} pixels, orientation applied).
 */
final class ImageInspector {

    /** Decoding holds pixels in memory: at most two photos at a time. */
    private static final Semaphore DECODING = new Semaphore(2);

    private final long maxPixels;
    private final int maxSide;
    private final int publicMaxSide;

    ImageInspector(long maxPixels, int maxSide, int publicMaxSide) {
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.publicMaxSide = publicMaxSide;
    }

    MediaReport inspect(Path file, MediaFormat format, MediaRules rules, Path publicCopy) throws IOException {
        long size = Files.size(file);
        List<String> warnings = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        ImageStructure s = ImageStructure.of(file, format);
        if (s.width() > maxSide || s.height() > maxSide || (long) s.width() * s.height() > maxPixels) {
            throw Rejections.reject("image.too-large",
                    "이미지의 선언된 크기(" + s.width() + "×" + s.height() + ")가 너무 큽니다. 한 변 " + maxSide
                            + "픽셀, 전체 " + (maxPixels / 1_000_000) + "백만 화소 이하로 줄여 올려 주세요.");
        }
        Polyglots.checkTrailer(file, s.end(), size, warnings, "사진");
        Polyglots.checkZipTail(file, size, "사진");

        int orientation = readMetadata(file, details, warnings);
        boolean swapped = orientation >= 5 && orientation <= 8;
        int width = swapped ? s.height() : s.width();
        int height = swapped ? s.width() : s.height();
        if (rules.minLongSide() != null && Math.max(width, height) < rules.minLongSide()) {
            throw Rejections.reject("image.too-small", "사진 해상도가 낮습니다: " + width + "×" + height
                    + ". 긴 변이 " + rules.minLongSide() + "픽셀 이상이어야 합니다.");
        }
        BufferedImage rgb;
        DECODING.acquireUninterruptibly();
        try {
            BufferedImage decoded = decode(file, format, s);
            rgb = orient(toRgb(decoded), orientation);
        } finally {
            DECODING.release();
        }
        long phash = PerceptualHash.of(rgb);
        BufferedImage scaled = scaleDown(rgb, publicMaxSide);
        writeJpeg(scaled, publicCopy);
        details.put("해상도", width + "×" + height);
        return new MediaReport(format, width, height, null, details, warnings, phash, null);
    }

    /** EXIF facts for staff; returns the EXIF orientation (1 when absent). */
    private static int readMetadata(Path file, Map<String, String> details, List<String> warnings) {
        try {
            Metadata md = ImageMetadataReader.readMetadata(file.toFile());
            int orientation = 1;
            ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null) {
                String make = ifd0.getString(ExifIFD0Directory.TAG_MAKE);
                String model = ifd0.getString(ExifIFD0Directory.TAG_MODEL);
                String camera = ((make == null ? "" : make.strip()) + " " + (model == null ? "" : model.strip())).strip();
                if (!camera.isEmpty()) {
                    details.put("카메라", clip(camera));
                }
                String software = ifd0.getString(ExifIFD0Directory.TAG_SOFTWARE);
                if (software != null && !software.isBlank()) {
                    details.put("소프트웨어", clip(software.strip()));
                }
                if (ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    Integer o = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                    orientation = o == null || o < 1 || o > 8 ? 1 : o;
                }
                if (ifd0.containsTag(ExifIFD0Directory.TAG_ARTIST) || ifd0.containsTag(ExifIFD0Directory.TAG_COPYRIGHT)) {
                    warnings.add("사진 정보(EXIF)에 작가·저작권자 이름이 들어 있습니다. 심사·공개용 사본에서는 제거됩니다.");
                }
            }
            ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                String taken = sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
                if (taken != null && !taken.isBlank()) {
                    details.put("촬영 일시", clip(taken.strip()));
                }
            }
            GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
            if (gps != null && gps.getGeoLocation() != null && !gps.getGeoLocation().isZero()) {
                warnings.add("촬영 위치(GPS) 정보가 들어 있습니다. 심사·공개용 사본에서는 제거됩니다.");
            }
            return orientation;
        } catch (Exception e) {
            warnings.add("사진 정보(EXIF)를 읽지 못했습니다: 촬영 정보 없이 접수됩니다.");
            return 1;
        }
    }

    private static String clip(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 80 ? clean.substring(0, 80) : clean;
    }

    private BufferedImage decode(Path file, MediaFormat format, ImageStructure s) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format == MediaFormat.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w != s.width() || h != s.height()) {
                throw Rejections.reject("image.inconsistent", "사진 파일의 크기 정보가 서로 맞지 않습니다(손상된 파일).");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int sub = (int) Math.max(1, Math.ceil(Math.max(w, h) / (double) publicMaxSide));
            param.setSourceSubsampling(sub, sub, 0, 0);
            return reader.read(0, param);
        } catch (javax.imageio.IIOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("unsupported image type") || m.contains("cmyk")) {
                throw Rejections.reject("image.cmyk", "인쇄용(CMYK) 색상의 JPEG는 받을 수 없습니다. RGB로 저장해 다시 올려 주세요.");
            }
            throw Rejections.reject("image.undecodable", "사진을 열 수 없습니다: 손상되었거나 지원하지 않는 형식입니다.");
        } catch (RuntimeException e) {
            if (e instanceof kr.sotong.shared.DomainException d) {
                throw d;
            }
            throw Rejections.reject("image.undecodable", "사진을 열 수 없습니다: 손상되었거나 지원하지 않는 형식입니다.");
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Applies EXIF orientation 2–8 so the public copy looks the way the camera meant. */
    static BufferedImage orient(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap = orientation >= 5;
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    static BufferedImage scaleDown(BufferedImage img, int maxSide) {
        int w = img.getWidth();
        int h = img.getHeight();
        int longSide = Math.max(w, h);
        if (longSide <= maxSide) {
            return img;
        }
        double f = maxSide / (double) longSide;
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, nw, nh, null);
        g.dispose();
        return out;
    }

    /** Baseline JPEG, quality 0.9, no EXIF/XMP/comments (ImageIO writes only a JFIF header). */
    static void writeJpeg(BufferedImage img, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream os = Files.newOutputStream(target); ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
