package com.disputehub.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook may target (the SSRF guard): HTTPS to public addresses; plain HTTP, loopback and private
 * addresses only when {@code disputehub.webhooks.allow-private-targets} is set (the demo, tests); link-local,
 * cloud metadata, multicast and wildcard addresses never. Checked when an endpoint is saved and again before each
 * delivery, since a name may resolve elsewhere later.
 */
@Component
public class WebhookTargets {

    static final int MAX_URL = 2000;
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    private final boolean allowPrivate;

    WebhookTargets(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivateTargets();
    }

    /** The URL, parsed, or an IllegalArgumentException whose message says what is wrong, for a 400. */
    public URI check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new IllegalArgumentException("'url' is required, at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'url' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("'url' must be an https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'url' may not carry a user, a password or a #fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(host)) {
            throw new IllegalArgumentException("'url' names a cloud metadata service, which is never a webhook target");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'url': the host " + host + " is not known");
        }
        boolean allPrivate = true;
        for (InetAddress address : addresses) {
            if (never(address)) {
                throw new IllegalArgumentException("'url' resolves to " + address.getHostAddress()
                        + ", a link-local, metadata, multicast or wildcard address, which is never a webhook target");
            }
            boolean isPrivate = isPrivate(address);
            if (isPrivate && !allowPrivate) {
                throw new IllegalArgumentException("'url' resolves to the private or loopback address "
                        + address.getHostAddress() + "; webhooks go to public addresses");
            }
            allPrivate &= isPrivate;
        }
        if (scheme.equals("http") && !(allowPrivate && allPrivate)) {
            throw new IllegalArgumentException("'url' must use https://");
        }
        return uri;
    }

    private static boolean never(InetAddress a) {
        byte[] b = a.getAddress();
        boolean alibabaMetadata = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100
                && (b[3] & 0xff) == 200;
        boolean awsV6Metadata = a instanceof Inet6Address && a.getHostAddress().toLowerCase(Locale.ROOT).startsWith("fd00:ec2:");
        return a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress() || alibabaMetadata || awsV6Metadata;
    }

    private static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || carrierNat || uniqueLocal;
    }
}
