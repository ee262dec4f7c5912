package com.disputehub.channel.support;

import com.disputehub.channel.ChannelRejectedException;

/** The channel refused the refresh token (OAuth {@code invalid_grant}): only the seller can authorize again. */
public class TokenRevokedException extends ChannelRejectedException {

    public TokenRevokedException(int httpStatus, String channelMessage) {
        super(httpStatus, channelMessage);
    }
}
