package com.disputehub.channel.cj;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.support.AccountTokens;
import com.disputehub.channel.support.ChannelHttp;
import com.disputehub.channel.support.TokenGrant;
import com.disputehub.channel.support.TokenRevokedException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CJ Dropshipping's API 2.0 ({@code <base-url>} is {@code https://developers.cjdropshipping.com/api2.0/v1}),
 * with the {@code CJ-Access-Token} header. Answers are {@code {code, result, message, data, requestId}}: code
 * 200 with result true is success; any other code is a refusal in CJ's words (e.g. 1600100 Param error).
 * With {@code credentials.refresh-token} the access token (15 days) is refreshed with
 * {@code POST /authentication/refreshAccessToken} and kept by {@link AccountTokens}; CJ's refresh tokens last 180 days.
 */
@Component
class CjClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOKEN_HEADER = "CJ-Access-Token";

    private final ChannelHttp http;
    private final AccountTokens tokens;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    CjClient(ChannelHttp http, AccountTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    JsonNode get(ChannelAccount account, String what, String path, Map<String, ?> query) {
        String token = tokens.token(account, this::refresh);
        return data(what, ChannelHttp.call(what, true, () -> client(account).get()
                .uri(b -> {
                    b.path(path);
                    query.forEach(b::queryParam);
                    return b.build();
                })
                .header(TOKEN_HEADER, token).retrieve().body(String.class)));
    }

    JsonNode post(ChannelAccount account, String what, String path, Object body, boolean idempotent) {
        String json = JSON.writeValueAsString(body);
        String token = tokens.token(account, this::refresh);
        return data(what, ChannelHttp.call(what, idempotent, () -> client(account).post().uri(path).header(TOKEN_HEADER, token)
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(String.class)));
    }

    /** {@code POST /authentication/refreshAccessToken}: a refusal in CJ's envelope means the refresh token is no good. */
    TokenGrant refresh(ChannelAccount account, String refreshToken) {
        String json = JSON.writeValueAsString(Map.of("refreshToken", refreshToken));
        JsonNode data;
        try {
            data = data("token refresh", ChannelHttp.call("token refresh", true, () -> client(account).post()
                    .uri("/authentication/refreshAccessToken").contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(String.class)));
        } catch (ChannelRejectedException e) {
            throw new TokenRevokedException(e.httpStatus(), e.getMessage());
        }
        if (data.path("accessToken").asString("").isBlank()) {
            throw new ChannelProtocolException("token refresh: the answer has no accessToken", null);
        }
        return new TokenGrant(data.get("accessToken").asString(), date(data, "accessTokenExpiryDate"),
                data.path("refreshToken").asString(null), date(data, "refreshTokenExpiryDate"));
    }

    private static java.time.Instant date(JsonNode data, String field) {
        try {
            return data.hasNonNull(field) ? java.time.OffsetDateTime.parse(data.get(field).asString()).toInstant() : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode data(String what, String answer) {
        JsonNode root;
        try {
            root = JSON.readTree(answer == null ? "" : answer);
        } catch (JacksonException e) {
            throw new ChannelProtocolException(what + ": the answer is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root.path("code").asInt(0) != 200 || !root.path("result").asBoolean(false)) {
            throw new ChannelRejectedException(422, what + ": CJ answered " + root.path("code").asString("?") + " "
                    + root.path("message").asString(""));
        }
        return root.path("data");
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> { }));
    }
}
