package org.is3.annotator.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * bcrypt (at.favre.lib) hashes; passwords longer than bcrypt's 72 bytes are refused rather than
 * silently cut. Generated passwords have 120 random bits in an unambiguous alphabet.
 */
public final class Passwords {
    public static final int DEFAULT_COST = 11;
    public static final int MIN_LENGTH = 10;
    private static final int MAX_BYTES = 72;
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;

    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, got " + cost);
        }
        this.cost = cost;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether {@code password} matches; false (not an error) for an over-long or malformed input. */
    public static boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** A new password: 21 characters of a 56-letter alphabet (~122 bits). */
    public static String generate() {
        StringBuilder sb = new StringBuilder(21);
        for (int i = 0; i < 21; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** A password a user chose: {@value #MIN_LENGTH}..72 bytes. */
    public static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new org.is3.core.InputException("password: at least " + MIN_LENGTH + " characters are required");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new org.is3.core.InputException("password: at most " + MAX_BYTES + " bytes (bcrypt's limit)");
        }
    }
}
