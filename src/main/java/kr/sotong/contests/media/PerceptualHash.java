package kr.sotong.contests.media;

import java.awt.image.BufferedImage;

/**
 * 64-bit DCT perceptual hash (pHash): the image reduced to 32×32 grey by area averaging, a 2-D DCT, and one
 * bit per low-frequency coefficient (8×8) above their median. Re-encoding, resizing and mild colour changes
 * move few bits; different pictures differ in about half. Compare with {@link #distance}.
 */
public final class PerceptualHash {

    static final int SIZE = 32;
    static final int LOW = 8;
    private static final double[][] COS = new double[SIZE][SIZE];

    static {
        for (int u = 0; u < SIZE; u++) {
            for (int x = 0; x < SIZE; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2.0 * SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    /** Number of differing bits (0 = same picture, ~32 = unrelated). */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static long of(BufferedImage image) {
        double[][] grey = reduce(image);
        double[][] dct = dct(grey);
        double[] low = new double[LOW * LOW];
        int k = 0;
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                low[k++] = dct[u][v];
            }
        }
        double[] ac = java.util.Arrays.copyOfRange(low, 1, low.length);
        java.util.Arrays.sort(ac);
        double median = (ac[ac.length / 2] + ac[(ac.length - 1) / 2]) / 2;
        long hash = 0;
        for (int i = 0; i < low.length; i++) {
            if (low[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    /** Area-averaged 32×32 luminance. */
    static double[][] reduce(BufferedImage source) {
        BufferedImage image = source;
        if (image.getWidth() < SIZE || image.getHeight() < SIZE) {
            image = new BufferedImage(Math.max(SIZE, source.getWidth()), Math.max(SIZE, source.getHeight()),
                    BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, image.getWidth(), image.getHeight(), null);
            g.dispose();
        }
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] sum = new double[SIZE][SIZE];
        double[][] count = new double[SIZE][SIZE];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int ty = (int) ((long) y * SIZE / h);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                double lum = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                int tx = (int) ((long) x * SIZE / w);
                sum[ty][tx] += lum;
                count[ty][tx] += 1;
            }
        }
        double[][] out = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                out[y][x] = count[y][x] == 0 ? 0 : sum[y][x] / count[y][x];
            }
        }
        return out;
    }

    /** Separable 2-D DCT-II (unnormalised; only the ordering of coefficients matters). */
    static double[][] dct(double[][] f) {
        double[][] rows = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int u = 0; u < SIZE; u++) {
                double s = 0;
                for (int x = 0; x < SIZE; x++) {
                    s += f[y][x] * COS[u][x];
                }
                rows[y][u] = s;
            }
        }
        double[][] out = new double[SIZE][SIZE];
        for (int u = 0; u < SIZE; u++) {
            for (int v = 0; v < SIZE; v++) {
                double s = 0;
                for (int y = 0; y < SIZE; y++) {
                    s += rows[y][u] * COS[v][y];
                }
                out[v][u] = s;
            }
        }
        return out;
    }
}
