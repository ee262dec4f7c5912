package com.disputehub.channel.shared.aliexpress;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AliExpress open platform signature: every parameter but {@code sign} and files, sorted by name in ASCII
 * order, concatenated as name+value (empty values skipped), prefixed with the API path for system calls only,
 * HMAC-SHA256 with the app secret, upper-case hex. For business calls the API name is the {@code method}
 * parameter, sorted with the others.
 */
public final class AliExpressSigner {

    static final String SIGN_METHOD = "sha256";

    private AliExpressSigner() {
    }

    /** The signature of a business call ({@code /sync}). */
    public static String sign(String appSecret, Map<String, String> params) {
        return sign(appSecret, params, "");
    }

    /** The signature of a system call (e.g. {@code /auth/token/create}), whose path is signed too. */
    public static String sign(String appSecret, Map<String, String> params, String systemPath) {
        StringBuilder text = new StringBuilder(systemPath);
        new TreeMap<>(params).forEach((name, value) -> {
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                text.append(name).append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
