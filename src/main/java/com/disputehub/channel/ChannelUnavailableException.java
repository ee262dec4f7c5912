package com.disputehub.channel;

import java.time.Duration;

/** The channel could not be reached or answered 5xx or 429; the request did not take effect. */
public class ChannelUnavailableException extends ChannelException {

    private final Duration retryAfter;

    public ChannelUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** What the channel asked us to wait (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
