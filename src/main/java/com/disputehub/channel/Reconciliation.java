package com.disputehub.channel;

/**
 * What the channel shows of a decision whose answer was lost: applied (with what pushing it would have
 * answered), not applied (safe to send again), or unknown (a person must look).
 */
public record Reconciliation(Outcome outcome, PushResult applied) {

    /** The three answers a re-read can give. */
    public enum Outcome { APPLIED, NOT_APPLIED, UNKNOWN }

    public static Reconciliation applied(PushResult result) {
        return new Reconciliation(Outcome.APPLIED, result);
    }

    public static Reconciliation notApplied() {
        return new Reconciliation(Outcome.NOT_APPLIED, null);
    }

    public static Reconciliation unknown() {
        return new Reconciliation(Outcome.UNKNOWN, null);
    }
}
