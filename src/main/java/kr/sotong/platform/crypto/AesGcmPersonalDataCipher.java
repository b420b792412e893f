package kr.sotong.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kr.sotong.platform.PersonalDataCipher;
import kr.sotong.platform.config.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * AES-256-GCM with a random 96-bit IV per value; ciphertext format {@code pd1:<keyId>:<base64(iv|ct|tag)>}.
 * Keys: {@code SOTONG_DATA_KEY} (current, base64 of 32 bytes), {@code SOTONG_DATA_KEYS_RETIRED} (comma
 * separated, still readable), {@code SOTONG_LOOKUP_KEY} (HMAC key for lookup hashes; must never change).
 * Without settings (laptop, first start) keys are generated once into {@code ${sotong.home}/keys/}.
 */
@Service
class AesGcmPersonalDataCipher implements PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(AesGcmPersonalDataCipher.class);
    private static final String PREFIX = "pd1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecretKeySpec lookupKey;

    AesGcmPersonalDataCipher(PlatformProperties properties) {
        Properties generated = null;
        String current = properties.dataKey();
        String lookup = properties.lookupKey();
        if (isBlank(current) || isBlank(lookup)) {
            generated = generatedKeys(properties.home().resolve("keys").resolve("data-keys.properties"));
            if (isBlank(current)) {
                current = generated.getProperty("data-key");
                log.warn("SOTONG_DATA_KEY가 설정되지 않아 {}의 자동 생성 키를 사용합니다. 운영 환경에서는 키를 환경 변수로 지정하세요.",
                        properties.home().resolve("keys"));
            }
            if (isBlank(lookup)) {
                lookup = generated.getProperty("lookup-key");
            }
        }
        byte[] currentBytes = decodeKey(current, "SOTONG_DATA_KEY");
        this.currentKeyId = keyId(currentBytes);
        keys.put(currentKeyId, new SecretKeySpec(currentBytes, "AES"));
        if (!isBlank(properties.dataKeysRetired())) {
            for (String k : properties.dataKeysRetired().split(",")) {
                if (!k.isBlank()) {
                    byte[] b = decodeKey(k.strip(), "SOTONG_DATA_KEYS_RETIRED");
                    keys.putIfAbsent(keyId(b), new SecretKeySpec(b, "AES"));
                }
            }
        }
        this.lookupKey = new SecretKeySpec(decodeKey(lookup, "SOTONG_LOOKUP_KEY"), "HmacSHA256");
    }

    private static Properties generatedKeys(Path file) {
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    p.load(in);
                }
                return p;
            }
            Files.createDirectories(file.getParent());
            SecureRandom r = new SecureRandom();
            p.setProperty("data-key", randomKey(r));
            p.setProperty("lookup-key", randomKey(r));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, "Sotong personal-data keys (generated). Back them up with the database.");
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system
            }
            Files.move(tmp, file);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("개인정보 암호화 키 파일을 준비하지 못했습니다: " + file, e);
        }
    }

    private static String randomKey(SecureRandom r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] decodeKey(String base64, String name) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " 값이 올바른 Base64가 아닙니다.");
        }
        if (b.length != 32) {
            throw new IllegalStateException(name + "는 32바이트(256비트) 키를 Base64로 인코딩한 값이어야 합니다.");
        }
        return b;
    }

    private static String keyId(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Per thread: {@code Cipher.getInstance} looks up providers every time; a cipher is re-initialised for each use. */
    private final ThreadLocal<Cipher> gcm = new ThreadLocal<>();
    /** Per thread, keyed once: {@code doFinal} resets the MAC for the next value. */
    private final ThreadLocal<Mac> lookupMac = new ThreadLocal<>();

    private Cipher gcm() throws GeneralSecurityException {
        Cipher c = gcm.get();
        if (c == null) {
            c = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.set(c);
        }
        return c;
    }

    @Override
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = gcm();
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return PREFIX + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("암호화에 실패했습니다.", e);
        }
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("암호문 형식이 올바르지 않습니다.");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("키 " + parts[1] + "로 암호화된 값을 풀 수 없습니다. SOTONG_DATA_KEYS_RETIRED를 확인하세요.");
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher c = gcm();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("개인정보 복호화에 실패했습니다(변조되었거나 키가 다릅니다).", e);
        }
    }

    @Override
    public String lookupHash(String normalisedValue) {
        try {
            Mac mac = lookupMac.get();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(lookupKey);
                lookupMac.set(mac);
            }
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean needsReEncryption(String ciphertext) {
        return ciphertext != null && !ciphertext.startsWith(PREFIX + ":" + currentKeyId + ":");
    }
}
