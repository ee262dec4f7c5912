package com.disputehub.access;

import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the audit log (DOMAIN X6): every change made through the API or the pages (any method but GET), by the
 * signed-in person or key, with the endpoint, its target ids, the caller's address and the answer's status; and
 * every sign-in, refused or not, and every sign-out.
 */
@Component
class AuditTrail implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String target = variables instanceof Map<?, ?> v && !v.isEmpty() ? v.values().toString() : null;
        String actor = Actor.signedIn().map(a -> a.getName()).orElse("anonymous");
        log.record(actor, request.getRemoteAddr(), request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI()),
                target, ex != null && response.getStatus() < 400 ? 500 : response.getStatus());
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        log.record(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()), "SIGN-IN", null, 200);
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        log.record(String.valueOf(event.getAuthentication().getName()), address(event.getAuthentication().getDetails()),
                "SIGN-IN", null, 401);
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        log.record(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()), "SIGN-OUT", null, 200);
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
