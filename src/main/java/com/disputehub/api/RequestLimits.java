package com.disputehub.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * Bounds every request where it enters, before anything reads or saves it: a body larger than
 * {@code disputehub.requests.max-body-size} is a 413 (a chunked one is counted as it comes, never read whole), and
 * a NUL character in a parameter or in a JSON body's text is a 400. Both as RFC 9457 problems.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestLimits extends OncePerRequestFilter {

    private final long maxBody;
    private final ObjectMapper json;

    RequestLimits(@Value("${disputehub.requests.max-body-size:20MB}") DataSize maxBody, ObjectMapper json) {
        this.maxBody = maxBody.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBody) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(length + " bytes"));
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/")) {
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                for (String v : p.getValue()) {
                    if (v.indexOf('\0') >= 0 || p.getKey().indexOf('\0') >= 0) {
                        problem(response, HttpStatus.BAD_REQUEST, "'" + p.getKey().replace("\0", "") + "' contains a NUL character");
                        return;
                    }
                }
            }
        }
        if (!type.contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBody + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxBody) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge("more than that"));
            return;
        }
        if (hasNul(body)) {
            problem(response, HttpStatus.BAD_REQUEST, "the JSON body contains a NUL character (\\u0000); text may not");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private String tooLarge(String size) {
        return "the request body is " + size + "; at most " + maxBody + " bytes are taken (disputehub.requests.max-body-size)";
    }

    /** A raw NUL byte, or the JSON escape for one. */
    private static boolean hasNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("\\u0000");
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", status.getReasonPhrase(),
                "status", status.value(), "detail", detail));
    }

    /** The request with its body already read (and checked). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.markSupported() && available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
