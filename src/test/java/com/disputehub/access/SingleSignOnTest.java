package com.disputehub.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Single sign-on against an OpenID Connect provider of our own (DOMAIN X6): WireMock serves the discovery document,
 * the signing keys, the token and the user info endpoints as the specification has them; the connector is
 * configured by properties alone.
 */
class SingleSignOnTest extends IntegrationTest {

    static final WireMockServer ISSUER = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final RSAKey SIGNING;
    static final String CLIENT_ID = "disputehub-test";

    static {
        ISSUER.start();
        try {
            SIGNING = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String issuer = issuer();
        ISSUER.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "userinfo_endpoint": "%1$s/userinfo", "jwks_uri": "%1$s/keys", "response_types_supported": ["code"],
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"],
                 "scopes_supported": ["openid", "email", "profile"], "grant_types_supported": ["authorization_code"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                 "claims_supported": ["sub", "email", "email_verified", "name"]}
                """.formatted(issuer))));
        ISSUER.stubFor(get(urlPathEqualTo("/keys")).willReturn(okJson(new JWKSet(SIGNING.toPublicJWK()).toString())));
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop();
    }

    static String issuer() {
        return "http://127.0.0.1:" + ISSUER.port();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.registration.corp.client-id", () -> CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.corp.client-secret", () -> "test-client-secret");
        registry.add("spring.security.oauth2.client.registration.corp.client-name", () -> "Corp ID");
        registry.add("spring.security.oauth2.client.registration.corp.scope", () -> "openid,email,profile");
        registry.add("spring.security.oauth2.client.provider.corp.issuer-uri", SingleSignOnTest::issuer);
    }

    @Autowired
    Users users;

    @Test
    @DisplayName("X6: a person whose e-mail a DisputeHub user has signs in with the provider, as that user with that role")
    void signsIn() throws Exception {
        jdbc.sql("delete from app_user where login = 'sofia'").update();
        users.save("sofia", "Sofia.Ruiz@example.com", "Sofía Ruiz", Role.AGENT, "sofia-password-unused");
        Api browser = Api.anonymous(port);
        assertThat(browser.page("/login")).contains("Sign in with Corp ID").contains("/oauth2/authorization/corp");

        Api.Answer done = signIn(browser, "sub-sofia", "sofia.ruiz@example.com", true);

        assertThat(done.headers().get("location")).singleElement().satisfies(l -> assertThat(l).endsWith("/inbox"));
        assertThat(browser.page("/inbox")).contains("sofia").contains("Agent");
        ISSUER.verify(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=code-sub-sofia")));
        assertThat(users.list()).filteredOn(u -> u.login().equals("sofia")).singleElement()
                .satisfies(u -> assertThat(u.lastSignInAt()).isNotNull());
        assertThat(new Api(port).get("/api/audit?actor=sofia").body().get(0).get("action").asString()).isEqualTo("SIGN-IN");
    }

    @Test
    @DisplayName("X6: no self sign-up: an unknown, disabled or unverified e-mail, or a forged ID token, is refused with no session")
    void refused() throws Exception {
        jdbc.sql("delete from app_user where login = 'olaf'").update();
        users.save("olaf", "olaf@example.com", "Olaf", Role.ADMIN, "olaf-password-unused");
        users.update("olaf", null, false, null);
        for (Object[] who : List.of(new Object[] {"sub-stranger", "stranger@example.com", true},
                new Object[] {"sub-olaf", "olaf@example.com", true}, new Object[] {"sub-fake", "sofia.ruiz@example.com", false})) {
            Api browser = Api.anonymous(port);
            Api.Answer done = signIn(browser, (String) who[0], (String) who[1], (Boolean) who[2]);
            assertThat(done.headers().get("location")).as("%s", who[1]).singleElement()
                    .satisfies(l -> assertThat(l).endsWith("/login?sso"));
            assertThat(browser.page("/login?sso")).contains("an admin has to add you");
            assertThat(browser.get("/api/incidents").status()).as("not signed in").isEqualTo(401);
        }
        jdbc.sql("delete from app_user where login = 'sofia'").update();
        users.save("sofia", "sofia.ruiz@example.com", "Sofía Ruiz", Role.AGENT, "sofia-password-unused");
        Api forger = Api.anonymous(port);
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(SIGNING.getKeyID()).generate();
        assertThat(signIn(forger, "sub-forged", "sofia.ruiz@example.com", true, foreign).headers().get("location"))
                .as("an ID token the provider did not sign").singleElement().satisfies(l -> assertThat(l).contains("/login?"));
        assertThat(forger.get("/api/incidents").status()).isEqualTo(401);
    }

    /** The authorization code flow as a browser goes through it, the provider answering for {@code subject}. */
    private Api.Answer signIn(Api browser, String subject, String email, boolean verified) throws Exception {
        return signIn(browser, subject, email, verified, SIGNING);
    }

    private Api.Answer signIn(Api browser, String subject, String email, boolean verified, RSAKey key) throws Exception {
        Api.Answer start = browser.get("/oauth2/authorization/corp");
        assertThat(start.status()).isEqualTo(302);
        URI authorize = URI.create(start.headers().get("location").get(0));
        assertThat(authorize.toString()).startsWith(issuer() + "/authorize");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code");

        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(CLIENT_ID)
                .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("nonce", query.get("nonce")).claim("email", email).claim("email_verified", verified).build();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING.getKeyID()).build(), claims);
        idToken.sign(new RSASSASigner(key));
        ISSUER.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("code=code-" + subject)).willReturn(okJson("""
                {"access_token": "access-%s", "token_type": "Bearer", "expires_in": 300, "scope": "openid email profile",
                 "id_token": "%s"}
                """.formatted(subject, idToken.serialize()))));
        ISSUER.stubFor(get(urlPathEqualTo("/userinfo")).withHeader("Authorization", containing("access-" + subject))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"sub": "%s", "email": "%s", "email_verified": %s}
                        """.formatted(subject, email, verified))));

        return browser.get(URI.create(query.get("redirect_uri")).getPath() + "?code=code-" + subject + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
