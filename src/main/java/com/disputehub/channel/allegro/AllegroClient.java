package com.disputehub.channel.allegro;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
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
 * Allegro's REST API ({@code Authorization: Bearer}); post-purchase issues speak
 * {@code application/vnd.allegro.beta.v1+json} (the public media type gets a 406 there), orders and payments
 * {@code application/vnd.allegro.public.v1+json}. Tokens come from {@code <auth-url>/auth/oauth/token} with the
 * rotating refresh token; a 401 forgets the access token so the retry refreshes it.
 */
@Component
class AllegroClient {

    static final JsonMapper JSON = JsonText.MAPPER;
    static final MediaType BETA = MediaType.parseMediaType("application/vnd.allegro.beta.v1+json");
    static final MediaType PUBLIC = MediaType.parseMediaType("application/vnd.allegro.public.v1+json");
    static final String TOKEN_PATH = "/auth/oauth/token";

    private final ChannelHttp http;
    private final AccountTokens tokens;
    private final Clock clock;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();

    AllegroClient(ChannelHttp http, AccountTokens tokens, Clock clock) {
        this.http = http;
        this.tokens = tokens;
        this.clock = clock;
    }

    JsonNode get(ChannelAccount account, String what, String path, Map<String, ?> query, MediaType type) {
        String token = tokens.token(account, this::refresh);
        return JsonText.read(what, ChannelHttp.call(what, true, () -> tokens.forgetOn401(account, "Allegro", () -> client(account).get()
                .uri(b -> ChannelHttp.withQuery(b.path(path), query)).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(type)
                .retrieve().body(String.class))));
    }

    JsonNode post(ChannelAccount account, String what, String path, Object payload, MediaType type) {
        String token = tokens.token(account, this::refresh);
        String body = JSON.writeValueAsString(payload);
        String answer = ChannelHttp.call(what, false, () -> tokens.forgetOn401(account, "Allegro", () -> client(account).post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(type).contentType(type).body(body)
                .retrieve().body(String.class)));
        return answer == null || answer.isBlank() ? JSON.createObjectNode() : JsonText.read(what, answer);
    }

    /**
     * The refresh-token grant at Allegro's authorization server ({@code options.auth-url}, https://allegro.pl by
     * default): Basic client credentials, parameters in the query as Allegro documents them. The answer carries a
     * new refresh token, which replaces the old one.
     */
    TokenGrant refresh(ChannelAccount account, String refreshToken) {
        URI auth = URI.create(AllegroOptions.of(account).authUrl());
        // an absolute URI: the authorization server is not the API's host
        String answer = OAuthGrants.request(() -> client(account).post()
                .uri(auth.resolve(auth.getPath() + TOKEN_PATH) + "?grant_type=refresh_token&refresh_token={token}", refreshToken)
                .header(HttpHeaders.AUTHORIZATION, OAuthGrants.basic(account)).accept(MediaType.APPLICATION_JSON).retrieve().body(String.class));
        return OAuthGrants.parse(answer, clock.instant(), 43199);
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> { }));
    }
}
