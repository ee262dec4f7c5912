package com.disputehub.decision;

/** The life of a decision, from the request to the channel's answer. */
public enum DecisionState {
    /** Above the approval limit (X6): waits, outside the outbox, for a supervisor other than its requester. */
    APPROVAL_PENDING,
    /** A supervisor did not approve it; nothing was sent. */
    NOT_APPROVED,
    /** Accepted and waiting in the outbox. */
    REQUESTED,
    /** Claimed by a dispatcher; the request is on its way. */
    SENDING,
    /** Confirmed by the channel. */
    SENT,
    /** Kept in DisputeHub, nothing sent: the channel has no call for it (a claim package to send by hand). */
    RECORDED,
    /** Refused by the channel (4xx) with its own message; not retried. */
    REJECTED,
    /** Could not be sent; the last error says why. */
    FAILED,
    /** The request left but no answer came back; it may have taken effect. */
    UNKNOWN
}
