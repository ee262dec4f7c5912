package com.disputehub.channel.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.support.IntegrationTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * eBay's digital signatures for EU and UK sellers (DOMAIN X8): refunds and return decisions carry an RFC 9421
 * signature by the seller's Ed25519 key, which eBay checks with the public key; reads are not signed.
 */
class EbaySignatureTest extends IntegrationTest {

    static final String JWE = "eyJ6aXAiOiJERUYiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiQTI1NktXIn0.kit.jwe";

    WireMockServer ebay;
    KeyPair keys;
    @Autowired
    EbayClient client;
    ChannelAccount account;

    @BeforeEach
    void start() throws Exception {
        ebay = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        ebay.start();
        ebay.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        // an id of its own per test: the client keeps a connection and a signer per account id
        account = new ChannelAccount("eu-seller-" + UUID.randomUUID(), "ebay", URI.create(ebay.baseUrl()), Duration.ofHours(1), false,
                Map.of("access-token", "v^1.1#eu-token", "signing-key", pem, "signature-key-jwe", JWE),
                Map.of("digital-signatures", "true", "marketplace-id", "EBAY_DE"));
    }

    @AfterEach
    void stop() {
        ebay.stop();
    }

    @Test
    @DisplayName("X8: a return decision is signed: Content-Digest of the body, and an Ed25519 signature over eBay's components that the public key verifies")
    void decisionSigned() throws Exception {
        client.post(account, "decline return", "/return/5000012345/decide", Map.of("decision", "DECLINE"), true);

        LoggedRequest sent = ebay.getAllServeEvents().get(0).getRequest();
        String body = sent.getBodyAsString();
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8))) + ":";
        assertThat(sent.getHeader("Content-Digest")).isEqualTo(digest);
        assertThat(sent.getHeader("x-ebay-signature-key")).isEqualTo(JWE);
        String created = sent.getHeader("Signature-Input").replaceAll(".*;created=", "");
        assertThat(Long.parseLong(created)).as("created: now, in epoch seconds").isCloseTo(Instant.now().getEpochSecond(), within(60L));
        String params = "(\"content-digest\" \"x-ebay-signature-key\" \"@method\" \"@path\" \"@authority\");created=" + created;
        assertThat(sent.getHeader("Signature-Input")).isEqualTo("sig1=" + params);
        assertThat(sent.getHeader("X-EBAY-C-MARKETPLACE-ID")).isEqualTo("EBAY_DE");

        String base = "\"content-digest\": " + digest + "\n"
                + "\"x-ebay-signature-key\": " + JWE + "\n"
                + "\"@method\": POST\n"
                + "\"@path\": /post-order/v2/return/5000012345/decide\n"
                + "\"@authority\": " + sent.getHeader("Host") + "\n"
                + "\"@signature-params\": " + params;
        String signature = sent.getHeader("Signature");
        assertThat(signature).startsWith("sig1=:").endsWith(":");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.getPublic());
        verifier.update(base.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature.substring(6, signature.length() - 1)))).isTrue();
    }

    @Test
    @DisplayName("X8: reads and messages are not signed; without digital-signatures nothing is")
    void onlyWhatEbayNames() {
        client.get(account, "return search", "/return/search", Map.of("limit", "3"));
        client.post(account, "message", "/return/5000012345/send_message", Map.of("message", Map.of("content", "Hi")), false);
        ChannelAccount us = new ChannelAccount("us-seller-" + UUID.randomUUID(), "ebay", URI.create(ebay.baseUrl()), Duration.ofHours(1), false,
                Map.of("access-token", "v^1.1#us-token"), Map.of());
        client.post(us, "refund", "/inquiry/5011112222/issue_refund", null, true);

        assertThat(ebay.getAllServeEvents()).hasSize(3).allSatisfy(e -> {
            assertThat(e.getRequest().containsHeader("Signature")).isFalse();
            assertThat(e.getRequest().getHeader("Authorization")).startsWith("IAF v^1.1#");
        });
    }
}
