package com.disputehub.channel.support;

import java.time.Instant;

/**
 * What a channel's token endpoint answered: the new access token, when it expires, and the refresh token to use
 * next (channels with single-use refresh tokens send a new one each time; null keeps the current one).
 */
public record TokenGrant(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {

    @Override
    public String toString() {
        return "TokenGrant[accessExpiresAt=" + accessExpiresAt + ", refreshExpiresAt=" + refreshExpiresAt + ", tokens hidden]";
    }
}
