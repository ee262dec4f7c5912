package com.disputehub.channel.ebay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * eBay's digital signatures for EU and UK sellers (developer.ebay.com, "digital signatures for APIs"): an HTTP
 * message signature (RFC 9421) with the seller's Ed25519 key over the content digest, the
 * {@code x-ebay-signature-key} header (the JWE eBay's Key Management API issued with the key), the method, the
 * path and the authority. The headers it answers go on the request as they are.
 */
final class EbaySigner {

    static final String KEY_HEADER = "x-ebay-signature-key";

    private final PrivateKey key;
    private final String jwe;

    /** {@code privateKey}: the PKCS#8 key in PEM or bare base64; {@code jwe}: eBay's signature key for it. */
    EbaySigner(String privateKey, String jwe) {
        this.key = parse(privateKey);
        this.jwe = jwe;
    }

    private static PrivateKey parse(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the key's bytes never go into the message
            throw new IllegalStateException("credentials.signing-key is not an Ed25519 private key in PKCS#8 (PEM or base64)");
        }
    }

    /** The signature headers of one request: Content-Digest (with a body), x-ebay-signature-key, Signature-Input, Signature. */
    Map<String, String> headers(String method, String authority, String path, String body, long createdEpochSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder base = new StringBuilder();
        StringBuilder components = new StringBuilder();
        if (body != null) {
            String digest = "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
            headers.put("Content-Digest", digest);
            base.append("\"content-digest\": ").append(digest).append('\n');
            components.append("\"content-digest\" ");
        }
        headers.put(KEY_HEADER, jwe);
        base.append("\"x-ebay-signature-key\": ").append(jwe).append('\n')
                .append("\"@method\": ").append(method).append('\n')
                .append("\"@path\": ").append(path).append('\n')
                .append("\"@authority\": ").append(authority).append('\n');
        components.append("\"x-ebay-signature-key\" \"@method\" \"@path\" \"@authority\"");
        String params = "(" + components + ");created=" + createdEpochSeconds;
        base.append("\"@signature-params\": ").append(params);
        headers.put("Signature-Input", "sig1=" + params);
        headers.put("Signature", "sig1=:" + Base64.getEncoder().encodeToString(sign(base.toString())) + ":");
        return headers;
    }

    private byte[] sign(String base) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(base.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with credentials.signing-key: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
