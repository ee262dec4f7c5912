package com.disputehub.channel;

import com.disputehub.incident.IncidentStatus;

/**
 * A decision the channel accepted: the status the incident is in now (null when unchanged), the channel's
 * reference for it (a refund id, a message id), and a sentence for the timeline. {@code recordedOnly} says that
 * nothing went to the channel (a package to send by hand, an attempt noted here): the decision is RECORDED, never
 * reported as sent.
 */
public record PushResult(IncidentStatus statusAfter, String channelReference, String summary, boolean recordedOnly) {

    public PushResult(IncidentStatus statusAfter, String channelReference, String summary) {
        this(statusAfter, channelReference, summary, false);
    }

    /** Kept in DisputeHub only; {@code summary} says what the seller still has to do, and where. */
    public static PushResult recorded(IncidentStatus statusAfter, String reference, String summary) {
        return new PushResult(statusAfter, reference, summary, true);
    }
}
