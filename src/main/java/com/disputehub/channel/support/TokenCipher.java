package com.disputehub.channel.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts tokens at rest with AES-256-GCM under {@code disputehub.tokens.encryption-key} (32 bytes, base64;
 * from the environment: {@code DISPUTEHUB_TOKENS_ENCRYPTION_KEY}). Each value has its own random nonce, stored
 * in front of it; the account id is authenticated with it, so a row copied onto another account does not decrypt.
 */
@Component
public class TokenCipher {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(@Value("${disputehub.tokens.encryption-key:}") String base64Key) {
        this.key = base64Key.isBlank() ? null : new SecretKeySpec(decode(base64Key), "AES");
    }

    private static byte[] decode(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("disputehub.tokens.encryption-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("disputehub.tokens.encryption-key must be 32 bytes (base64 of 32 random bytes), not "
                    + bytes.length);
        }
        return bytes;
    }

    /** Whether a key is configured; accounts with refresh tokens need one, which the start checks. */
    public boolean hasKey() {
        return key != null;
    }

    byte[] encrypt(String accountId, String plain) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, accountId, nonce, plain.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    }

    String decrypt(String accountId, byte[] stored) {
        byte[] nonce = java.util.Arrays.copyOf(stored, NONCE);
        byte[] sealed = java.util.Arrays.copyOfRange(stored, NONCE, stored.length);
        return new String(run(Cipher.DECRYPT_MODE, accountId, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, String accountId, byte[] nonce, byte[] input) {
        if (key == null) {
            throw new IllegalStateException("account '" + accountId + "' refreshes OAuth tokens, which are stored encrypted: "
                    + "set disputehub.tokens.encryption-key (environment DISPUTEHUB_TOKENS_ENCRYPTION_KEY) to 32 random bytes in base64");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("account '" + accountId + "': its stored tokens do not decrypt with "
                    + "disputehub.tokens.encryption-key (was the key changed?)", e);
        }
    }
}
