package com.disputehub.channel.ebay;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
 * eBay's REST calls: Post-Order v2 under {@code <base-url>/post-order/v2} and the OAuth token endpoint
 * {@code <base-url>/identity/v1/oauth2/token}. Every call carries {@code Authorization: IAF <user token>} and
 * {@code X-EBAY-C-MARKETPLACE-ID}; with {@code options.digital-signatures: true} (EU and UK sellers) the calls
 * eBay names are signed ({@link EbaySigner}). A 401 expires the stored token, so the retry refreshes it.
 */
@Component
class EbayClient {

    static final JsonMapper JSON = JsonText.MAPPER;
    static final String POST_ORDER = "/post-order/v2";
    static final String TOKEN_PATH = "/identity/v1/oauth2/token";

    private final ChannelHttp http;
    private final AccountTokens tokens;
    private final Clock clock;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();
    private final Map<String, EbaySigner> signers = new ConcurrentHashMap<>();

    EbayClient(ChannelHttp http, AccountTokens tokens, Clock clock) {
        this.http = http;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A read: {@code path} under Post-Order v2, with its query. */
    JsonNode get(ChannelAccount account, String what, String path, Map<String, String> query) {
        String token = tokens.token(account, this::refresh);
        String body = ChannelHttp.call(what, true, () -> tokens.forgetOn401(account, "eBay", () -> client(account).get()
                .uri(b -> ChannelHttp.withQuery(b.path(POST_ORDER + path), query))
                .header(HttpHeaders.AUTHORIZATION, "IAF " + token).retrieve().body(String.class)));
        return JsonText.read(what, body);
    }

    /** A write: a JSON body posted to {@code path} under Post-Order v2, signed when eBay asks it of the account. */
    JsonNode post(ChannelAccount account, String what, String path, Object payload, boolean signable) {
        String token = tokens.token(account, this::refresh);
        String body = payload == null ? "" : JSON.writeValueAsString(payload);
        String fullPath = POST_ORDER + path;
        String answer = ChannelHttp.call(what, false, () -> tokens.forgetOn401(account, "eBay", () -> {
            RestClient.RequestBodySpec request = client(account).method(HttpMethod.POST).uri(fullPath)
                    .header(HttpHeaders.AUTHORIZATION, "IAF " + token).contentType(MediaType.APPLICATION_JSON);
            if (signable && EbayOptions.of(account).digitalSignatures()) {
                URI base = account.baseUrl();
                String authority = base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
                signer(account).headers("POST", authority, (base.getPath() == null ? "" : base.getPath()) + fullPath, body,
                        clock.instant().getEpochSecond()).forEach(request::header);
            }
            return request.body(body).retrieve().body(String.class);
        }));
        return answer == null || answer.isBlank() ? JSON.createObjectNode() : JsonText.read(what, answer);
    }

    /** The OAuth refresh-token grant: Basic client credentials, the form eBay documents; invalid_grant revokes. */
    TokenGrant refresh(ChannelAccount account, String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        EbayOptions.of(account).scopes().ifPresent(s -> form.add("scope", s));
        String answer = OAuthGrants.request(() -> client(account).post().uri(TOKEN_PATH)
                .header(HttpHeaders.AUTHORIZATION, OAuthGrants.basic(account)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(String.class));
        return OAuthGrants.parse(answer, clock.instant(), 7200);
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> b
                .defaultHeader("X-EBAY-C-MARKETPLACE-ID", EbayOptions.of(account).marketplace())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)));
    }

    private EbaySigner signer(ChannelAccount account) {
        return signers.computeIfAbsent(account.id(), id -> new EbaySigner(account.credential("signing-key"),
                account.credential("signature-key-jwe")));
    }
}
