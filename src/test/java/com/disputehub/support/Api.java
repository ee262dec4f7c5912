package com.disputehub.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the connector over loopback: the REST API as an ERP would, with an API key (the bootstrap key unless told
 * otherwise), and the pages as a signed-in person (its session cookie and CSRF token).
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new java.net.CookieManager()).build();
    private final String base;
    private final String key;
    private String sessionCsrf;

    public Api(int port) {
        this(port, Principals.API_KEY);
    }

    private Api(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    /** A caller with no key and no session. */
    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** A caller with this API key. */
    public static Api withKey(int port, String key) {
        return new Api(port, key);
    }

    /** Signs in on the login page as a person would; the session then serves {@link #page} and {@link #form}. */
    public Api signIn(String login, String password) {
        String csrf = csrf(page("/login"));
        Answer answer = formRaw("/login", Map.of("username", login, "password", password, "_csrf", csrf));
        java.util.List<String> location = answer.headers().getOrDefault("location", java.util.List.of());
        if (answer.status() != 302 || location.isEmpty() || location.get(0).contains("error")) {
            throw new AssertionError("could not sign in as " + login + ": " + answer.status() + " " + location);
        }
        sessionCsrf = csrf(page("/inbox"));
        return this;
    }

    /** The admin of the test suite, signed in. */
    public Api signInAsAdmin() {
        return signIn("admin", Principals.ADMIN_PASSWORD);
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no CSRF token");
        }
        return m.group(1);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    /** An answer: its status and its body as JSON (an empty object when there is none). */
    public record Answer(int status, JsonNode body, Map<String, java.util.List<String>> headers) {
    }

    public Answer get(String path, String... headers) {
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(URI.create(base + path)).GET());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public Answer post(String path, String json, String... headers) {
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** A multipart request as an API client sends a file: the text fields, then the file in part {@code file}. */
    public Answer upload(String path, Map<String, String> fields, String fileName, byte[] bytes) {
        String boundary = "----disputehub" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * A page's form, url-encoded, as a browser posts it from the signed-in session, with the CSRF token the inbox
     * page carries; the answer's body is not read (a redirect has none).
     */
    public Answer form(String path, Map<String, String> fields) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf(page("/inbox")));
        return formRaw(path, withToken);
    }

    /** A page's form, as {@link #form} sends it, and the HTML page it answers (a confirmation, a new key's secret). */
    public String formPage(String path, Map<String, String> fields) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf(page("/inbox")));
        return send(path, withToken).body();
    }

    /**
     * A form sent as a browser sends it, then the page its redirect leads to, in English (a form that does not
     * redirect fails the test); reading the page also takes its flash messages, so the next form starts clean.
     */
    public String submit(String path, Map<String, String> fields) {
        Answer answer = form(path, fields);
        if (answer.status() != 302) {
            throw new AssertionError(path + " answered " + answer.status() + ", not a redirect");
        }
        return page(URI.create(answer.headers().get("location").get(0)).getPath() + "?lang=en");
    }

    /** A form exactly as given: no token added. */
    public Answer formRaw(String path, Map<String, String> fields) {
        HttpResponse<String> response = send(path, fields);
        return new Answer(response.statusCode(), JSON.createObjectNode(), response.headers().map());
    }

    private HttpResponse<String> send(String path, Map<String, String> fields) {
        String encoded = fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Only the status of a call with an empty JSON object as its body (none for GET and DELETE), the answer's body
     * dropped; a signed-in session sends its CSRF token in the {@code X-CSRF-TOKEN} header, as a script of its page would.
     */
    public int status(String method, String path) {
        boolean bodyless = method.equals("GET") || method.equals("DELETE");
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(URI.create(base + path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, bodyless ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (sessionCsrf != null && !method.equals("GET")) {
            b.header("X-CSRF-TOKEN", sessionCsrf);
        }
        try {
            // the status comes with the headers: a stream (the live pages' events) is not read to its end
            HttpResponse<java.io.InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (!response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
                    body.readAllBytes();
                }
            }
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page's HTML (any status). */
    public String page(String path, String... headers) {
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(URI.create(base + path))).GET().timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer put(String path, String json) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer patch(String path, String json) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path))).DELETE());
    }

    /** The body of a GET as bytes (a file), failing unless the answer is 200. */
    public byte[] raw(String path) {
        try {
            HttpResponse<byte[]> response = http.send(authorized(HttpRequest.newBuilder(URI.create(base + path))).GET()
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body),
                    response.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
