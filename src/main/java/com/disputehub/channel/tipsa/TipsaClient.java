package com.disputehub.channel.tipsa;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.support.ChannelHttp;
import com.disputehub.channel.support.ChannelMessages;
import com.disputehub.channel.support.RetryAfter;

/**
 * Calls Tipsa's SOAP services at {@code <base-url><soap-path>?service=<Service>} (soap-path {@code /SOAP} by
 * default). Logs in with the agency code, client code and password (credentials {@code agency},
 * {@code client}, {@code password}), keeps the session per account, and logs in again once when Tipsa says
 * the session is gone. The password travels in the login body only and is never part of an error.
 */
@Component
class TipsaClient {

    /** Tipsa blocks an IP that logs in too often: login fault 3 says to wait at least this long. */
    static final Duration IP_BLOCK_WAIT = Duration.ofMinutes(10);

    private final ChannelHttp http;
    private final Map<String, RestClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    TipsaClient(ChannelHttp http) {
        this.http = http;
    }

    /** Runs a method of WebServService; {@code what} names it in errors. */
    Map<String, String> call(ChannelAccount account, String what, String method, Map<String, String> params,
                             boolean idempotent) {
        TipsaXml.Answer answer = post(account, what, TipsaSchema.SERVICE,
                TipsaXml.envelope(session(account), TipsaSchema.SERVICE, method, params), idempotent);
        if (answer.isFault() && TipsaSchema.sessionLost(answer.faultCode(), answer.faultString())) {
            sessions.remove(account.id());
            answer = post(account, what, TipsaSchema.SERVICE,
                    TipsaXml.envelope(session(account), TipsaSchema.SERVICE, method, params), idempotent);
        }
        if (answer.isFault()) {
            throw fault(what, answer, method.startsWith("GrabaEnvInc") ? TipsaSchema.ACTION_FAULTS : Map.of());
        }
        return answer.values();
    }

    private String session(ChannelAccount account) {
        String session = sessions.get(account.id());
        if (session != null) {
            return session;
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("strCodAge", account.credential("agency"));
        params.put("strCod", account.credential("client"));
        params.put("strPass", account.credential("password"));
        TipsaXml.Answer answer = post(account, "login", TipsaSchema.LOGIN_SERVICE,
                TipsaXml.envelope(null, TipsaSchema.LOGIN_SERVICE, TipsaSchema.LOGIN, params), true);
        if (answer.isFault()) {
            String number = answer.faultNumber();
            if ("3".equals(number)) {
                throw new ChannelUnavailableException("login: " + TipsaSchema.LOGIN_FAULTS.get("3"), IP_BLOCK_WAIT, null);
            }
            throw new ChannelRejectedException(401, "login refused: "
                    + TipsaSchema.LOGIN_FAULTS.getOrDefault(number, ChannelMessages.extract(answer.faultString(), 300)));
        }
        String created = answer.values().get("strSesion");
        if (created == null || created.isBlank()) {
            throw new ChannelProtocolException("login: Tipsa answered without a session (strSesion)", null);
        }
        sessions.put(account.id(), created.trim());
        return created.trim();
    }

    /** Posts an envelope. A fault is an answer (HTTP 500 with a SOAP Fault); a 5xx without one is an outage. */
    private TipsaXml.Answer post(ChannelAccount account, String what, String service, String envelope, boolean idempotent) {
        String path = TipsaOptions.of(account).soapPath();
        Reply reply = ChannelHttp.call(what, idempotent, () -> client(account).post()
                .uri(path + "?service={service}", service)
                .header(HttpHeaders.CONTENT_TYPE, "text/xml; charset=utf-8")
                .body(envelope.getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                        response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)), true));
        TipsaXml.Answer answer;
        try {
            answer = TipsaXml.answer(reply.body());
        } catch (IllegalArgumentException e) {
            if (reply.status() == 429 || reply.status() >= 500) {
                throw new ChannelUnavailableException(what + ": HTTP " + reply.status() + " "
                        + ChannelMessages.extract(reply.body(), 300), RetryAfter.parse(reply.retryAfter()), null);
            }
            if (reply.status() >= 400) {
                throw new ChannelRejectedException(reply.status(), what + ": HTTP " + reply.status() + " "
                        + ChannelMessages.extract(reply.body(), 300));
            }
            throw new ChannelProtocolException(what + ": the answer is not SOAP (" + e.getMessage() + ")", e);
        }
        return answer;
    }

    private static RuntimeException fault(String what, TipsaXml.Answer answer, Map<String, String> known) {
        String number = answer.faultNumber();
        String text = what + ": Tipsa answered " + (number != null && known.containsKey(number)
                ? number + " (" + known.get(number) + ")" : ChannelMessages.extract(answer.faultString(), 300));
        if (number != null || known.isEmpty()) {
            return new ChannelRejectedException(422, text);
        }
        return new ChannelUnavailableException(text, null, null);
    }

    private RestClient client(ChannelAccount account) {
        return clients.computeIfAbsent(account.id(), id -> http.client(account, b -> { }));
    }

    /** An answer as it came: its status, its text, and the wait it asks for (Retry-After). */
    private record Reply(int status, String body, String retryAfter) {
    }
}
