package kr.sotong.platform;

/**
 * Encrypts residents' personal data at rest (AES-256-GCM, key from {@code SOTONG_DATA_KEY}; the key id
 * travels with each ciphertext so keys can be rotated) and computes keyed lookup hashes (HMAC-SHA-256)
 * so that an encrypted value can be found without decrypting every row.
 */
public interface PersonalDataCipher {

    /** {@code null} stays {@code null}. */
    String encrypt(String plaintext);

    String decrypt(String ciphertext);

    /** Keyed hash of an already-normalised value (phone digits, lower-case e-mail, trimmed name). */
    String lookupHash(String normalisedValue);

    /** True when the ciphertext was made with a retired key and should be re-encrypted. */
    boolean needsReEncryption(String ciphertext);
}
