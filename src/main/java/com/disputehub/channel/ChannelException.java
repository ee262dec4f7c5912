package com.disputehub.channel;

/** A channel call failed; the subclass says whether trying again can help. */
public abstract class ChannelException extends RuntimeException {

    protected ChannelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same call may succeed later (network, 5xx, 429). */
    public abstract boolean transientFailure();
}
