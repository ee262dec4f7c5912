package com.disputehub.channel.orderchamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.support.ChannelHttp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orderchamp's GraphQL endpoint ({@code POST <base-url>/v1/graphql}, {@code Authorization: Bearer <token>}).
 * GraphQL errors with code THROTTLED are transient; any other error, and a mutation's {@code userErrors}, are
 * refusals in Orderchamp's words.
 */
@Component
class OrderchampClient {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private final ChannelHttp http;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    OrderchampClient(ChannelHttp http) {
        this.http = http;
    }

    /** Runs a query or mutation and answers its {@code data}; {@code what} names it in errors. */
    JsonNode execute(ChannelAccount account, String what, String document, Map<String, Object> variables, boolean idempotent) {
        String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        String answer = ChannelHttp.call(what, idempotent, () -> client(account).post().uri("/v1/graphql")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
        JsonNode root;
        try {
            root = JSON.readTree(answer == null ? "" : answer);
        } catch (JacksonException e) {
            throw new ChannelProtocolException(what + ": the answer is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            boolean throttled = false;
            for (JsonNode error : errors) {
                messages.add(error.path("message").asString("error"));
                throttled |= "THROTTLED".equals(error.path("extensions").path("code").asString(""));
            }
            String text = what + ": Orderchamp answered: " + String.join("; ", messages);
            throw throttled ? new ChannelUnavailableException(text, null, null) : new ChannelRejectedException(400, text);
        }
        if (!root.path("data").isObject()) {
            throw new ChannelProtocolException(what + ": the answer has no data", null);
        }
        return root.path("data");
    }

    /** A mutation's payload, refused when it carries userErrors. */
    JsonNode mutate(ChannelAccount account, String what, String document, String field, Map<String, Object> variables) {
        JsonNode payload = execute(account, what, document, variables, false).path(field);
        JsonNode userErrors = payload.path("userErrors");
        if (userErrors.isArray() && !userErrors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            userErrors.forEach(e -> messages.add(e.path("message").asString("error")));
            throw new ChannelRejectedException(422, what + ": Orderchamp refused: " + String.join("; ", messages));
        }
        return payload;
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> b
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + account.credential("access-token"))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)));
    }
}
