package com.disputehub.channel;

import com.disputehub.incident.IncidentStatus;

/**
 * A decision the channel accepted: the status the incident is in now (null when unchanged), the channel's
 * reference for it (a refund id, a message id), and a sentence for the timeline.
 */
public record PushResult(IncidentStatus statusAfter, String channelReference, String summary) {
}
