package com.disputehub.sandbox.mirakl;

/** An error answer of the simulated Mirakl API: an HTTP status and a message, as Mirakl sends them. */
class SimError extends RuntimeException {

    final int status;

    SimError(int status, String message) {
        super(message);
        this.status = status;
    }
}
