package io.meshgate.engine.policy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind HASH masks (R9: HMAC-SHA256, never a bare hash a dictionary reverses). Its
 * {@link #id()} names it in plans without revealing it; {@link #toString()} never shows it.
 */
public final class HashKey {
    /** Shorter secrets are refused: they can be guessed. */
    public static final int MIN_LENGTH = 16;

    private final byte[] secret;
    private final String id;

    private HashKey(byte[] secret) {
        this.secret = secret;
        this.id = HexFormat.of().formatHex(sha256(secret), 0, 8);
    }

    public static HashKey of(String secret) {
        requireNonNull(secret, "secret is null");
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("Cannot use the policy hash key: it must be at least " + MIN_LENGTH + " characters long");
        }
        return new HashKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of the UTF-8 text under this key, as lower-case hex (R9). */
    public String hmacHex(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A short public name for the key: the first bytes of its SHA-256. */
    public String id() {
        return id;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "HashKey[" + id + "]";
    }
}
