package com.disputehub.channel.support;

import com.disputehub.channel.ChannelAccount;

/** An adapter's call to its channel's token endpoint (the OAuth refresh-token grant, or the channel's own). */
@FunctionalInterface
public interface TokenRefresher {

    /**
     * Exchanges the refresh token for new tokens. Throws {@link TokenRevokedException} when the channel refuses the
     * refresh token itself (revoked, expired, already used), any other {@code ChannelException} for a failure worth
     * trying again.
     */
    TokenGrant refresh(ChannelAccount account, String refreshToken);
}
