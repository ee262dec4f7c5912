package com.disputehub.channel;

/** One raw record could not be understood; it goes to quarantine with this message and sync goes on. */
public class NormalizationException extends RuntimeException {

    public NormalizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
