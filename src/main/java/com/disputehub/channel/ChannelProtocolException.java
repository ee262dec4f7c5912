package com.disputehub.channel;

/** The channel answered something this adapter cannot read (malformed JSON, missing envelope). */
public class ChannelProtocolException extends ChannelException {

    public ChannelProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
