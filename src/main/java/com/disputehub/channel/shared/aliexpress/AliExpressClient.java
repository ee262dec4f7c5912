package com.disputehub.channel.shared.aliexpress;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.support.AccountTokens;
import com.disputehub.channel.support.ChannelHttp;
import com.disputehub.channel.support.TokenGrant;
import com.disputehub.channel.support.TokenRevokedException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The AliExpress open platform on the wire: signed form POSTs to {@code <base-url>/sync}, answered in the TOP
 * envelope {@code {"<method_name>_response": {...}}} or {@code {"error_response": {"code", "msg"}}}.
 * Credentials: {@code app-key}, {@code app-secret} (signs, never sent) and the seller's {@code access-token}, or
 * its {@code refresh-token}: the access token is then refreshed with the system call
 * {@code POST <base-url>/rest/auth/token/refresh} (its path signed too) and kept by {@link AccountTokens}.
 */
@Component
public class AliExpressClient {

    /** Gateway codes that mean "later": throttling and the platform's own faults. */
    private static final Set<String> TRANSIENT = Set.of("ApiCallLimit", "15", "UnknownRuntimeException", "SYSTEM", "ISP");

    static final String REFRESH_PATH = "/auth/token/refresh";

    private final ChannelHttp http;
    private final Clock clock;
    private final AccountTokens tokens;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    AliExpressClient(ChannelHttp http, Clock clock, AccountTokens tokens) {
        this.http = http;
        this.clock = clock;
        this.tokens = tokens;
    }

    /**
     * The system call that refreshes the seller's token: {@code refresh_token} signed with the path; any refusal
     * but a transient one means the refresh token is no good (expired or revoked).
     */
    TokenGrant refresh(ChannelAccount account, String refreshToken) {
        Map<String, String> params = new TreeMap<>();
        params.put("app_key", account.credential("app-key"));
        params.put("refresh_token", refreshToken);
        params.put("sign_method", AliExpressSigner.SIGN_METHOD);
        params.put("timestamp", String.valueOf(clock.millis()));
        params.put("sign", AliExpressSigner.sign(account.credential("app-secret"), params, REFRESH_PATH));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        params.forEach(form::add);
        String body = ChannelHttp.call("token refresh", true, () -> client(account).post().uri("/rest" + REFRESH_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(String.class));
        JsonNode root;
        try {
            root = AliExpressJson.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new ChannelProtocolException("token refresh: the answer is not JSON: " + e.getOriginalMessage(), e);
        }
        String code = root.path("code").asString("0");
        if (!"0".equals(code) || root.path("access_token").asString("").isBlank()) {
            RuntimeException failure = failure("token refresh", code, root.path("message").asString(""));
            throw failure instanceof ChannelRejectedException r ? new TokenRevokedException(r.httpStatus(), r.getMessage()) : failure;
        }
        java.time.Instant now = clock.instant();
        return new TokenGrant(root.get("access_token").asString(), now.plusSeconds(root.path("expires_in").asLong(86400)),
                root.path("refresh_token").asString(null),
                root.hasNonNull("refresh_expires_in") ? now.plusSeconds(root.get("refresh_expires_in").asLong()) : null);
    }

    /** Calls one business API; {@code idempotent} says whether a lost answer may simply be asked again. */
    public JsonNode call(ChannelAccount account, String method, Map<String, String> params, boolean idempotent) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        signed(account, method, params).forEach(form::add);
        String body = ChannelHttp.call(method, idempotent, () -> client(account).post()
                .uri("/sync")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve().body(String.class));
        return envelope(method, body);
    }

    /** A multipart call with one file part, which the signature leaves out (aliexpress.issue.image.upload). */
    public JsonNode upload(ChannelAccount account, String method, Map<String, String> params, String filePart, String fileName,
                    byte[] bytes) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        signed(account, method, params).forEach(parts::part);
        parts.part(filePart, new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        String body = ChannelHttp.call(method, false, () -> client(account).post()
                .uri("/sync")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve().body(String.class));
        return envelope(method, body);
    }

    private Map<String, String> signed(ChannelAccount account, String method, Map<String, String> params) {
        Map<String, String> signed = new TreeMap<>(params);
        signed.put("app_key", account.credential("app-key"));
        signed.put("access_token", tokens.token(account, this::refresh));
        signed.put("method", method);
        signed.put("sign_method", AliExpressSigner.SIGN_METHOD);
        signed.put("timestamp", String.valueOf(clock.millis()));
        signed.put("sign", AliExpressSigner.sign(account.credential("app-secret"), signed));
        return signed;
    }

    static JsonNode envelope(String method, String body) {
        JsonNode root;
        try {
            root = AliExpressJson.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new ChannelProtocolException(method + ": the answer is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode error = root.path("error_response");
        if (error.isObject()) {
            throw failure(method, error.path("code").asString(""), error.path("msg").asString(error.path("sub_msg").asString("")));
        }
        String code = root.path("code").asString("0");
        if (!"0".equals(code)) {
            // the IOP protocol's flat error: {"type": "ISV|ISP|SYSTEM", "code", "message"}
            String type = root.path("type").asString("");
            throw failure(method, TRANSIENT.contains(type) ? type : code, root.path("message").asString(""));
        }
        JsonNode response = root.path(method.replace('.', '_') + "_response");
        if (!response.isObject()) {
            throw new ChannelProtocolException(method + ": no " + method.replace('.', '_') + "_response in the answer", null);
        }
        return response;
    }

    private static RuntimeException failure(String method, String code, String message) {
        String text = method + ": AliExpress error " + code + (message.isBlank() ? "" : ": " + message);
        if (TRANSIENT.contains(code) || code.startsWith("isp.")) {
            return new ChannelUnavailableException(text, null, null);
        }
        return new ChannelRejectedException(400, text);
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> b
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)));
    }
}
