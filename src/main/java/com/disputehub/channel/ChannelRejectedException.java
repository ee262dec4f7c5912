package com.disputehub.channel;

/** The channel refused the request (a 4xx): retrying the same request cannot help. Carries its own message. */
public class ChannelRejectedException extends ChannelException {

    private final int httpStatus;

    public ChannelRejectedException(int httpStatus, String channelMessage) {
        super(channelMessage, null);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
