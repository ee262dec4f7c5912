package com.disputehub.channel.contract;

/**
 * A decision as the kit sends it, and the channel call that carries it: the JSON of the REST API, the call's method
 * and path on the fake, and a text its body holds when several calls share that path (a SOAP endpoint). A decision
 * the channel keeps nothing of (recorded in DisputeHub only) has no call: {@code method} is null.
 */
public record KitDecision(String json, String method, String path, String bodyContains) {

    public static KitDecision call(String json, String method, String path) {
        return new KitDecision(json, method, path, null);
    }

    public static KitDecision recordedOnly(String json) {
        return new KitDecision(json, null, null, null);
    }

    public boolean sendsNothing() {
        return method == null;
    }
}
