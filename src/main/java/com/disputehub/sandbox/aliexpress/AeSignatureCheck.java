package com.disputehub.sandbox.aliexpress;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's own check of the open platform signature, written apart from the adapter's signer on
 * purpose: a fake that reused it would accept whatever the adapter gets wrong.
 */
final class AeSignatureCheck {

    private AeSignatureCheck() {
    }

    static boolean valid(String secret, Map<String, String> params) {
        String sign = params.get("sign");
        if (sign == null) {
            return false;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (!e.getKey().equals("sign") && !e.getValue().isEmpty()) {
                text.append(e.getKey()).append(e.getValue());
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02X", b));
            }
            return MessageDigest.isEqual(hex.toString().getBytes(StandardCharsets.US_ASCII), sign.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
