package com.disputehub.channel;

/** The request left but no answer came back (a read timeout): it may or may not have taken effect. */
public class ChannelOutcomeUnknownException extends ChannelException {

    public ChannelOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
