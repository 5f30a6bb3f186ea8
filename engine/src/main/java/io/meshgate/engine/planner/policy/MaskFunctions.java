package io.meshgate.engine.planner.policy;

import io.meshgate.engine.policy.HashKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The masks that are not plain SQL, as static methods the generated plan code calls. Public only
 * for that code. A NULL input stays NULL. HASH keys are registered here by id so that plans carry
 * the key's id, never the key.
 */
public final class MaskFunctions {
    private static final char MASK_CHAR = '*';
    private static final Map<String, HashKey> HASH_KEYS = new ConcurrentHashMap<>();

    private MaskFunctions() {
    }

    static void registerHashKey(HashKey key) {
        HASH_KEYS.put(key.id(), key);
    }

    /** {@code ********1111}: every character but the last {@code n} replaced. */
    public static String showLastN(String value, Integer n) {
        if (value == null || n == null) {
            return null;
        }
        int keep = Math.min(Math.max(n, 0), value.length());
        return String.valueOf(MASK_CHAR).repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    /** {@code 4111********}: every character but the first {@code n} replaced. */
    public static String showFirstN(String value, Integer n) {
        if (value == null || n == null) {
            return null;
        }
        int keep = Math.min(Math.max(n, 0), value.length());
        return value.substring(0, keep) + String.valueOf(MASK_CHAR).repeat(value.length() - keep);
    }

    /** {@code ****@example.com}: the local part replaced; a value without {@code @} is replaced whole. */
    public static String emailDomain(String value) {
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        return at < 0 ? "****" : "****" + value.substring(at);
    }

    /** HMAC-SHA256 of the UTF-8 value under the registered key, as lower-case hex (R9). */
    public static String hmac(String value, String keyId) {
        if (value == null) {
            return null;
        }
        HashKey key = HASH_KEYS.get(keyId);
        if (key == null) {
            throw new IllegalStateException("The HASH mask key " + keyId + " is not registered");
        }
        return key.hmacHex(value);
    }
}
