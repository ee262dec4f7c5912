package com.disputehub.channel.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;

import tools.jackson.databind.JsonNode;

/**
 * The refresh-token grant of OAuth 2.0 channels (RFC 6749 §6): the channel's refusal of the grant, and its answer
 * ({@code access_token}, {@code expires_in}, a new {@code refresh_token} where the channel rotates them).
 */
public final class OAuthGrants {

    private OAuthGrants() {
    }

    /**
     * Sends the token request ({@code call}, through {@link ChannelHttp#call}); a 4xx naming {@code invalid_grant},
     * or a 401, is the refresh token refused: {@link TokenRevokedException}.
     */
    public static String request(Supplier<String> call) {
        try {
            return ChannelHttp.call("token refresh", true, call);
        } catch (ChannelRejectedException e) {
            if (e.getMessage().contains("invalid_grant") || e.httpStatus() == 401) {
                throw new TokenRevokedException(e.httpStatus(), e.getMessage());
            }
            throw e;
        }
    }

    /** {@code Basic base64(client-id:client-secret)}: the client's credentials, as token endpoints take them. */
    public static String basic(ChannelAccount account) {
        return "Basic " + Base64.getEncoder().encodeToString((account.credential("client-id") + ":"
                + account.credential("client-secret")).getBytes(StandardCharsets.UTF_8));
    }

    /** The token answer, {@code defaultSeconds} of life when it names none. */
    public static TokenGrant parse(String body, Instant now, long defaultSeconds) {
        JsonNode grant = JsonText.read("token refresh", body);
        String access = grant.path("access_token").asString("");
        if (access.isBlank()) {
            throw new ChannelProtocolException("token refresh: the answer has no access_token", null);
        }
        return new TokenGrant(access, now.plusSeconds(grant.path("expires_in").asLong(defaultSeconds)),
                grant.path("refresh_token").asString(null),
                grant.hasNonNull("refresh_token_expires_in") ? now.plusSeconds(grant.get("refresh_token_expires_in").asLong()) : null);
    }
}
