package com.disputehub.channel.cj;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.support.ChannelHttp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CJ Dropshipping's API 2.0 ({@code <base-url>} is {@code https://developers.cjdropshipping.com/api2.0/v1}),
 * with the {@code CJ-Access-Token} header. Answers are {@code {code, result, message, data, requestId}}: code
 * 200 with result true is success; any other code is a refusal in CJ's words (e.g. 1600100 Param error).
 */
@Component
class CjClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelHttp http;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    CjClient(ChannelHttp http) {
        this.http = http;
    }

    JsonNode get(ChannelAccount account, String what, String path, Map<String, ?> query) {
        return data(what, ChannelHttp.call(what, true, () -> client(account).get()
                .uri(b -> {
                    b.path(path);
                    query.forEach(b::queryParam);
                    return b.build();
                })
                .retrieve().body(String.class)));
    }

    JsonNode post(ChannelAccount account, String what, String path, Object body, boolean idempotent) {
        String json = JSON.writeValueAsString(body);
        return data(what, ChannelHttp.call(what, idempotent, () -> client(account).post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(String.class)));
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
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> b
                .defaultHeader("CJ-Access-Token", account.credential("access-token"))));
    }
}
