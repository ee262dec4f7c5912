package com.disputehub.channel.shared.aliexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The signature against vectors computed independently with
 * {@code printf '%s' "<sorted name+value>" | openssl dgst -sha256 -hmac "<secret>"}.
 */
class AliExpressSignerTest {

    static final String SECRET = "s3cr3t-app-secret";

    @Test
    @DisplayName("A1: a business call signs its sorted parameters, the method among them, and not the sign itself")
    void businessCall() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("timestamp", "1730175251000");
        params.put("method", "aliexpress.issue.detail.get");
        params.put("issue_id", "6345753109519425");
        params.put("sign_method", "sha256");
        params.put("buyer_login_id", "mx170775425vyrae");
        params.put("app_key", "12345");
        params.put("empty", "");
        params.put("sign", "ignored");

        assertThat(AliExpressSigner.sign(SECRET, params))
                .isEqualTo("5D37146008D2E7882D2706282042DFDEAA34F49B23D61DED15B3D7F2D449D9B3");
    }

    @Test
    @DisplayName("A1: a system call signs its API path first")
    void systemCall() {
        Map<String, String> params = Map.of("app_key", "12345", "code", "abc", "sign_method", "sha256",
                "timestamp", "1730175251000");

        assertThat(AliExpressSigner.sign(SECRET, params, "/auth/token/create"))
                .isEqualTo("BDE73D68AB0EDDCEE89F73097BC5B8889AABB8DC938C1CD7796FC68FBE595832");
    }

    @Test
    @DisplayName("A1: changing any parameter changes the signature")
    void tamperChangesSignature() {
        Map<String, String> params = new LinkedHashMap<>(Map.of("app_key", "12345", "issue_id", "1", "timestamp", "1"));
        String original = AliExpressSigner.sign(SECRET, params);
        params.put("issue_id", "2");

        assertThat(AliExpressSigner.sign(SECRET, params)).isNotEqualTo(original);
    }
}
