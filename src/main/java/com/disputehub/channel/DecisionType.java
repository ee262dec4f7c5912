package com.disputehub.channel;

/** Every kind of decision a person, a rule or the API can make on an incident. */
public enum DecisionType {
    SEND_MESSAGE,
    REFUND,
    MARK_RESOLVED,
    AGREE,
    REFUSE,
    MARK_DELIVERY_FIXED,
    SEND_REPLACEMENT
}
