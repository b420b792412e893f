package kr.sotong.education.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The lottery's commitment: a random 256-bit seed written as 64 lower-case hex characters. Its SHA-256 (of the
 * hex text, UTF-8) is published when the course opens; the seed itself only after the draw, so anyone can check
 * that the draw used the seed committed to beforehand.
 */
public final class LotterySeed {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LotterySeed() {
    }

    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String commitment(String seed) {
        return sha256(seed);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
