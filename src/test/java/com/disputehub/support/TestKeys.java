package com.disputehub.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Keys the tests configure, made afresh for each test JVM (never a key written in the code). */
public final class TestKeys {

    private static final String TOKEN_KEY = random(32);

    private TestKeys() {
    }

    /** disputehub.tokens.encryption-key: 32 random bytes in base64. */
    public static String tokenKey() {
        return TOKEN_KEY;
    }

    private static String random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
