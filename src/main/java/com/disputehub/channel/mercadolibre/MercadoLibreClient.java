package com.disputehub.channel.mercadolibre;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.support.AccountTokens;
import com.disputehub.channel.support.ChannelHttp;
import com.disputehub.channel.support.JsonText;
import com.disputehub.channel.support.TokenGrant;
import com.disputehub.channel.support.OAuthGrants;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mercado Libre's REST calls ({@code Authorization: Bearer <access token>}) and its OAuth token endpoint
 * ({@code POST <base-url>/oauth/token}). Refresh tokens are single use: each refresh answers a new one, which
 * {@link AccountTokens} stores in the refreshing transaction. A 401 forgets the access token so the retry refreshes.
 */
@Component
class MercadoLibreClient {

    static final JsonMapper JSON = JsonText.MAPPER;
    static final String CLAIMS = "/post-purchase/v1/claims";
    static final String TOKEN_PATH = "/oauth/token";

    private final ChannelHttp http;
    private final AccountTokens tokens;
    private final Clock clock;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    MercadoLibreClient(ChannelHttp http, AccountTokens tokens, Clock clock) {
        this.http = http;
        this.tokens = tokens;
        this.clock = clock;
    }

    JsonNode get(ChannelAccount account, String what, String path, Map<String, String> query) {
        String token = tokens.token(account, this::refresh);
        return JsonText.read(what, ChannelHttp.call(what, true, () -> tokens.forgetOn401(account, "Mercado Libre", () -> client(account).get()
                .uri(b -> ChannelHttp.withQuery(b.path(path), query)).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().body(String.class))));
    }

    JsonNode post(ChannelAccount account, String what, String path, Object payload) {
        String token = tokens.token(account, this::refresh);
        String body = payload == null ? "" : JSON.writeValueAsString(payload);
        String answer = ChannelHttp.call(what, false, () -> tokens.forgetOn401(account, "Mercado Libre", () -> client(account).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(String.class)));
        return answer == null || answer.isBlank() ? JSON.createObjectNode() : JsonText.read(what, answer);
    }

    /** The refresh-token grant: client id and secret in the form, as Mercado Libre documents it. */
    TokenGrant refresh(ChannelAccount account, String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("client_id", account.credential("client-id"));
        form.add("client_secret", account.credential("client-secret"));
        form.add("refresh_token", refreshToken);
        String answer = OAuthGrants.request(() -> client(account).post().uri(TOKEN_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON).body(form)
                .retrieve().body(String.class));
        return OAuthGrants.parse(answer, clock.instant(), 21600);
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> b
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)));
    }
}
