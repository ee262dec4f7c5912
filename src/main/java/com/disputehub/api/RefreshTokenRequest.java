package com.disputehub.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new refresh token for an OAuth account; never in {@link #toString()}. */
@Schema(example = "{\"refreshToken\": \"v^1.1#i^1#r^1#...\"}")
record RefreshTokenRequest(String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenRequest[refreshToken hidden]";
    }
}
