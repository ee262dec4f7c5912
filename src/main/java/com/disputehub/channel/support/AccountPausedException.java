package com.disputehub.channel.support;

import java.time.Duration;

import com.disputehub.channel.ChannelUnavailableException;

/**
 * The account cannot call its channel until a person authorizes it again. Transient for what waits on it
 * (decisions stay in the outbox, due again later), so nothing is lost while it is paused.
 */
public class AccountPausedException extends ChannelUnavailableException {

    public static final Duration RECHECK = Duration.ofMinutes(15);

    public AccountPausedException(String message) {
        super(message, RECHECK, null);
    }
}
